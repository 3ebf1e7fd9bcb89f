import type { Progress } from '../../../../shared/api/progress';
import { formatCount, formatDecimal } from '../../format';
import type { SandboxProgress } from '../../sandbox/sandbox-types';
import { SANDBOX_PHASES } from './script-labels';
import { RUN_STAGES, type RunStage } from './script-run-state';

interface Props {
  stage: RunStage;
  engine: Progress | null;
  sandbox: SandboxProgress | null;
  onCancel: () => void;
}

function engineFigures(progress: Progress): string {
  const amount = (n: number) => (progress.unit === 'rows' ? `${formatCount(n)} rows` : formatCount(n));
  return progress.total ? `${amount(progress.done)} of ${amount(progress.total)}` : amount(progress.done);
}

function sandboxFigures(progress: SandboxProgress): string {
  return [
    `iteration ${formatCount(progress.iteration)}`,
    `${formatCount(progress.evaluations)} evaluations`,
    `objective ${progress.objective === null ? '—' : formatDecimal(progress.objective, 6)}`,
    `${(progress.elapsedMs / 1000).toFixed(1)} s`,
  ].join(' · ');
}

/**
 * Where a run is: the steps (save, compile, read rows, fit, measure) with the current one
 * highlighted, what that step reports (rows read; the optimiser's iteration, evaluations and
 * objective), and Cancel, which stops the engine or the sandbox.
 */
export function RunProgress({ stage, engine, sandbox, onCancel }: Props) {
  const current = RUN_STAGES.findIndex((s) => s.id === stage);
  const fraction = engine?.total ? Math.min(1, engine.done / engine.total) : null;
  const detail =
    stage === 'fitting'
      ? sandbox
        ? `${SANDBOX_PHASES[sandbox.phase]} · ${sandboxFigures(sandbox)}`
        : SANDBOX_PHASES.starting
      : engine
        ? `${engine.phase} · ${engineFigures(engine)}`
        : '';
  return (
    <div
      className="progress-panel script-progress"
      role="status"
      aria-live="polite"
      aria-label="Run progress"
    >
      <div className="progress-panel__text">
        <ol className="run-steps">
          {RUN_STAGES.map((s, index) => (
            <li
              key={s.id}
              className={index < current ? 'is-done' : index === current ? 'is-current' : undefined}
              aria-current={index === current ? 'step' : undefined}
            >
              {s.label}
            </li>
          ))}
        </ol>
        <span className="progress-panel__figures" data-testid="run-progress-detail">
          {detail}
        </span>
      </div>
      <progress
        className="progress-panel__bar"
        aria-label="Run progress"
        max={1}
        value={fraction ?? undefined}
      />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
