import type * as MonacoBundle from './monaco-bundle';

export type LoadedMonaco = typeof MonacoBundle;

let loading: Promise<LoadedMonaco> | null = null;

/**
 * Monaco and its TypeScript service are several megabytes: they are loaded (from the app's own
 * files) the first time the Scripts view opens, so the other views start without them.
 */
export function loadMonaco(): Promise<LoadedMonaco> {
  loading ??= import('./monaco-bundle').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
