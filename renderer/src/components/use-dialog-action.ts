import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';

/**
 * The one action of a dialog (save, rename, delete…): whether it is running, and the engine's
 * refusal when it failed, in which case the dialog stays open so that it can be tried again.
 */
export function useDialogAction() {
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  /** Runs `action`; `clearError` hides the last refusal while it runs. */
  const run = async (action: () => Promise<void>, { clearError = false } = {}) => {
    setRunning(true);
    if (clearError) setError(null);
    try {
      await action();
    } catch (caught) {
      setError(ApiError.from(caught));
      setRunning(false);
    }
  };
  return { error, running, run };
}
