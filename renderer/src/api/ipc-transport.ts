import { ApiError } from '../../../shared/api/api-error';
import type { CallResult, ScorecalBridge } from '../../../shared/api/bridge';
import { ProgressEventSchema, type Progress } from '../../../shared/api/progress';
import type { ApiTransport } from '../../../shared/api/transport';

/**
 * The API transport of the desktop app, over the preload's bridge. Each call gets a request id
 * that ties progress reports and Cancel to it; an error answer becomes a thrown ApiError, as
 * with every other transport.
 */
export function ipcTransport(
  bridge: ScorecalBridge,
  newRequestId: () => string = () => crypto.randomUUID(),
): ApiTransport {
  const progressListeners = new Map<string, (progress: Progress) => void>();
  bridge.onProgress((event) => {
    // The bridge is the trust boundary on this side: anything malformed is dropped.
    const parsed = ProgressEventSchema.safeParse(event);
    if (parsed.success) progressListeners.get(parsed.data.requestId)?.(parsed.data.progress);
  });

  return {
    async call(name, input, options) {
      if (options.signal?.aborted) throw new ApiError('cancelled', `${name} was cancelled.`);
      const requestId = newRequestId();
      const onProgress = options.onProgress;
      if (onProgress) progressListeners.set(requestId, onProgress);
      const cancel = () => {
        void bridge.cancel(requestId).catch(() => undefined);
      };
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const result: CallResult = await bridge.call(name, input, requestId);
        if (result.ok) return result.value;
        throw ApiError.fromPayload(result.error);
      } finally {
        options.signal?.removeEventListener('abort', cancel);
        progressListeners.delete(requestId);
      }
    },
  };
}
