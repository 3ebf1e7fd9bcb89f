import { ApiError } from '../../../shared/api/api-error';
import { apiContract, isCallName } from '../../../shared/api/contract';
import { parseOrThrow } from '../../../shared/api/validation';
import type { CallContext } from './call-context';
import type { EngineApi } from './engine-api';
import type { Handlers } from './handlers';

/** Binds handlers to the contract: unknown calls, bad input and bad output all become ApiErrors. */
export function createEngineApi(handlers: Handlers): EngineApi {
  return {
    async call(name, input, context) {
      if (!isCallName(name)) throw new ApiError('unknown-call', `There is no API call named "${name}".`);
      const spec = apiContract[name];
      const parsed: unknown = parseOrThrow(spec.input, input, `input to ${name}`);
      if (context.signal.aborted) throw new ApiError('cancelled', `${name} was cancelled.`);
      const handler = handlers[name] as (input: unknown, context: CallContext) => Promise<unknown>;
      const output = await handler(parsed, context);
      // Validating our own answer keeps a bug in the engine from reaching the renderer as data.
      return parseOrThrow(spec.output, output, `answer of ${name}`);
    },
  };
}
