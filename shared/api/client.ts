import { apiContract, type CallInput, type CallName, type CallOutput } from './contract';
import type { ApiTransport, CallOptions } from './transport';
import { parseOrThrow } from './validation';

export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>, options?: CallOptions): Promise<CallOutput<N>>;
}

/** A typed client over any transport; it checks inputs before sending and answers on arrival. */
export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(name, input, options = {}) {
      const spec = apiContract[name];
      const checkedInput: unknown = parseOrThrow(spec.input, input, `input to ${name}`);
      const raw = await transport.call(name, checkedInput, options);
      return parseOrThrow(spec.output, raw, `answer from ${name}`) as CallOutput<typeof name>;
    },
  };
}
