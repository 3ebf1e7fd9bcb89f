import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ScriptSummary } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';

/** The saved scripts, most recently changed first; `refresh` after anything that changes them. */
export function useScriptList() {
  const api = useApi();
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      setScripts((await api.call('scripts.list', {})).scripts);
      setError(null);
    } catch (caught) {
      setError(ApiError.from(caught));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { scripts, error, refresh, setScripts };
}
