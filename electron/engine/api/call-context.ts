import type { Progress } from '../../../shared/api/progress';

/** What a transport hands the engine with each call: a way to stop it and a way to hear from it. */
export interface CallContext {
  signal: AbortSignal;
  onProgress: (progress: Progress) => void;
}

export const silentContext = (): CallContext => ({
  signal: new AbortController().signal,
  onProgress: () => undefined,
});
