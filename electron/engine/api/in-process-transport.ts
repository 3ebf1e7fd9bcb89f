import type { ApiTransport } from '../../../shared/api/transport';
import type { EngineApi } from './engine-api';

/** The CLI and tests call the engine in their own process, through the same contract. */
export function inProcessTransport(api: EngineApi): ApiTransport {
  return {
    call: (name, input, options) =>
      api.call(name, input, {
        signal: options.signal ?? new AbortController().signal,
        onProgress: options.onProgress ?? (() => undefined),
      }),
  };
}
