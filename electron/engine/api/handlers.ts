import type { z } from 'zod';
import type { ApiContract, CallName, CallOutput } from '../../../shared/api/contract';
import type { CallContext } from './call-context';

/** The engine's implementation of each call, given already-validated input. */
export type Handlers = {
  [N in CallName]: (input: z.output<ApiContract[N]['input']>, context: CallContext) => Promise<CallOutput<N>>;
};
