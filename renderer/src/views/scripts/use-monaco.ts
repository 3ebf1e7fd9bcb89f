import { useEffect, useState } from 'react';
import { loadMonaco, type LoadedMonaco } from '../../editor/load-monaco';

/** Monaco, loaded on first use; null until it is there (or when it failed, with the reason). */
export function useMonaco(): { monaco: LoadedMonaco | null; error: string | null } {
  const [monaco, setMonaco] = useState<LoadedMonaco | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (loaded) => {
        if (live) setMonaco(loaded);
      },
      (caught: unknown) => {
        if (live) setError(`The editor could not be loaded: ${String(caught)}`);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { monaco, error };
}
