import type { ApiErrorPayload } from './api-error';
import type { ProgressEvent } from './progress';

/** What one call answers over a transport: a value, or an error payload (never a thrown object). */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

/**
 * The object the preload exposes as `window.scorecal`. It is deliberately tiny: one call entry
 * point, cancellation and progress; the typed client is built on top of it in the renderer.
 */
export interface ScorecalBridge {
  call(name: string, input: unknown, requestId: string): Promise<CallResult>;
  cancel(requestId: string): Promise<void>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

export const IPC_CHANNELS = {
  call: 'scorecal:call',
  cancel: 'scorecal:cancel',
  progress: 'scorecal:progress',
} as const;
