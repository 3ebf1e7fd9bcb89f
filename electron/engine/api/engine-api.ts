import type { CallContext } from './call-context';

/**
 * The engine as every transport sees it: a call by name with untrusted input. It validates the
 * input against the contract, runs the call and validates what it answers; failures are ApiErrors.
 */
export interface EngineApi {
  call(name: string, input: unknown, context: CallContext): Promise<unknown>;
}
