import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ScriptSummary, ScriptVersion } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';

export interface OpenScript {
  summary: ScriptSummary;
  /** The latest saved version, with its source. */
  latest: ScriptVersion;
}

/**
 * The script open in the editor: its latest version, read when another script is chosen and
 * replaced by what a save or a rename answers (no second read).
 */
export function useOpenScript(scriptId: number | null) {
  const api = useApi();
  const [script, setScript] = useState<OpenScript | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (scriptId === null) {
      setScript(null);
      return;
    }
    let live = true;
    setError(null);
    api.call('scripts.get', { script: { id: scriptId } }).then(
      (answer) => {
        if (live) setScript({ summary: answer.summary, latest: answer.version });
      },
      (caught: unknown) => {
        if (live) setError(ApiError.from(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [api, scriptId]);

  const current = script && script.summary.id === scriptId ? script : null;
  const update = useCallback((next: OpenScript) => setScript(next), []);
  return { script: current, error, update };
}
