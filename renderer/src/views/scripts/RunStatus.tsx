import { ErrorBanner } from '../../components/ErrorBanner';
import { RunProgress } from './RunProgress';
import type { ScriptRunState } from './script-run-state';

/** A running run's progress, or why the last one ended without results (engine error, cancel). */
export function RunStatus({
  state,
  onCancel,
  onDismiss,
}: {
  state: ScriptRunState;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  switch (state.status) {
    case 'running':
      return (
        <RunProgress stage={state.stage} engine={state.engine} sandbox={state.sandbox} onCancel={onCancel} />
      );
    case 'error':
      return <ErrorBanner error={state.error} onDismiss={onDismiss} />;
    case 'cancelled':
      return (
        <p className="notice" role="status">
          The run was cancelled; nothing was kept. Run again when ready.
        </p>
      );
    default:
      return null;
  }
}
