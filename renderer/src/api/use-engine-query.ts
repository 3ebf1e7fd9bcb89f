import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import type { Progress } from '../../../shared/api/progress';

export interface EngineQuery<T> {
  /** The last answer, kept while a newer request runs so charts do not blank out and jump. */
  value: T | null;
  /** Whether `value` answers the current key (false while a newer request is running). */
  current: boolean;
  loading: boolean;
  progress: Progress | null;
  error: ApiError | null;
}

type Start<T> = (options: { signal: AbortSignal; onProgress: (progress: Progress) => void }) => Promise<T>;

/**
 * Runs `start` whenever `key` changes (null: nothing to ask), cancelling the request it replaces
 * so the engine never works on settings the user has already left.
 */
export function useEngineQuery<T>(key: string | null, start: Start<T>): EngineQuery<T> {
  const [state, setState] = useState<{ key: string | null; value: T | null; error: ApiError | null }>({
    key: null,
    value: null,
    error: null,
  });
  const [loadingKey, setLoadingKey] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    if (key === null) {
      setState({ key: null, value: null, error: null });
      setLoadingKey(null);
      return;
    }
    const abort = new AbortController();
    setLoadingKey(key);
    setProgress(null);
    startRef
      .current({
        signal: abort.signal,
        onProgress: (report) => {
          if (!abort.signal.aborted) setProgress(report);
        },
      })
      .then(
        (value) => {
          if (!abort.signal.aborted) setState({ key, value, error: null });
        },
        (error: unknown) => {
          const apiError = ApiError.from(error);
          if (!abort.signal.aborted && apiError.code !== 'cancelled') {
            setState((previous) => ({ key, value: previous.value, error: apiError }));
          }
        },
      )
      .finally(() => {
        if (!abort.signal.aborted) setLoadingKey(null);
      });
    return () => abort.abort();
  }, [key]);

  const loading = key !== null && loadingKey === key;
  return {
    value: key === null ? null : state.value,
    current: key !== null && state.key === key && state.error === null,
    loading,
    progress: loading ? progress : null,
    error: state.key === key ? state.error : null,
  };
}
