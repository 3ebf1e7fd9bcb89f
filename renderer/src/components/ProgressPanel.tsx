import type { Progress } from '../../../shared/api/progress';
import { formatBytes, formatCount, formatDuration } from '../format';

interface Props {
  label: string;
  progress: Progress | null;
  onCancel: () => void;
}

/** A determinate bar once the total is known, with the rate, the ETA and a Cancel button. */
export function ProgressPanel({ label, progress, onCancel }: Props) {
  const fraction = progress && progress.total ? Math.min(1, progress.done / progress.total) : null;
  const amount = (n: number) => (progress?.unit === 'bytes' ? formatBytes(n) : formatCount(n));
  return (
    <div className="progress-panel" role="status" aria-live="polite">
      <div className="progress-panel__text">
        <strong>{label}</strong>
        <span>
          {progress
            ? `${amount(progress.done)}${progress.total ? ` of ${amount(progress.total)}` : ''}` +
              (progress.rate ? ` · ${amount(progress.rate)}/s` : '') +
              ` · ETA ${formatDuration(progress.etaSeconds)}`
            : 'Starting…'}
        </span>
      </div>
      <progress
        className="progress-panel__bar"
        aria-label={label}
        max={1}
        value={fraction ?? undefined}
      />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
