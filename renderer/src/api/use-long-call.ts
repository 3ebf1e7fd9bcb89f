import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import type { Progress } from '../../../shared/api/progress';

export type LongCallState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: ApiError }
  | { status: 'cancelled' };

/** Runs one long API call at a time with progress and a Cancel that really stops the engine. */
export function useLongCall<T>() {
  const [state, setState] = useState<LongCallState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (start: (options: { signal: AbortSignal; onProgress: (p: Progress) => void }) => Promise<T>) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'running', progress: null });
      try {
        const value = await start({
          signal: abort.signal,
          onProgress: (progress) => {
            if (!abort.signal.aborted) setState({ status: 'running', progress });
          },
        });
        setState({ status: 'done', value });
        return value;
      } catch (error) {
        const apiError = ApiError.from(error);
        setState(
          abort.signal.aborted || apiError.code === 'cancelled'
            ? { status: 'cancelled' }
            : { status: 'failed', error: apiError },
        );
        return undefined;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
