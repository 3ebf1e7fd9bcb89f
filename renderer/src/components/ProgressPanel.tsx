import type { Progress } from '../../../shared/api/progress';
import { formatBytes, formatCount, formatDuration } from '../format';

interface Props {
  label: string;
  progress: Progress | null;
  onCancel: () => void;
}

function amount(progress: Progress, n: number): string {
  if (progress.unit === 'bytes') return formatBytes(n);
  if (progress.unit === 'rows') return `${formatCount(n)} rows`;
  return formatCount(n);
}

/**
 * A determinate bar once the total is known, the engine's phase (an import names its rows and
 * rows/s there), the amount done, the rate, the ETA, and a Cancel that stops the engine.
 */
export function ProgressPanel({ label, progress, onCancel }: Props) {
  const fraction = progress && progress.total ? Math.min(1, progress.done / progress.total) : null;
  const figures = progress
    ? [
        `${amount(progress, progress.done)}${progress.total ? ` of ${amount(progress, progress.total)}` : ''}`,
        progress.rate ? `${amount(progress, progress.rate)}/s` : null,
        `ETA ${formatDuration(progress.etaSeconds)}`,
      ].filter((part): part is string => part !== null)
    : ['Starting…'];
  return (
    <div className="progress-panel" role="status" aria-live="polite">
      <div className="progress-panel__text">
        <strong>{label}</strong>
        <span className="progress-panel__phase">{progress?.phase ?? ''}</span>
        <span className="progress-panel__figures">{figures.join(' · ')}</span>
      </div>
      <progress className="progress-panel__bar" aria-label={label} max={1} value={fraction ?? undefined} />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
