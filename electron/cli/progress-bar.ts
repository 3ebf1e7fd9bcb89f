import type { Progress } from '../../shared/api/progress';
import type { CliIo } from './cli-io';

const WIDTH = 28;

function amount(value: number, unit: Progress['unit']): string {
  if (unit !== 'bytes') return Math.round(value).toLocaleString('en-US');
  return value >= 1 << 30 ? `${(value / 2 ** 30).toFixed(2)} GB` : `${(value / 2 ** 20).toFixed(1)} MB`;
}

/** One line, redrawn in place on stderr, only when stderr is a terminal (never in pipes or logs). */
export function progressBar(io: CliIo): { update: (progress: Progress) => void; done: () => void } {
  if (!io.stderrIsTty) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const fraction = progress.total ? Math.min(1, progress.done / progress.total) : null;
      const filled = fraction === null ? 0 : Math.round(fraction * WIDTH);
      const bar =
        fraction === null
          ? ''
          : `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% `;
      const rate = progress.rate ? ` ${amount(progress.rate, progress.unit)}/s` : '';
      const eta = progress.etaSeconds !== null ? ` ETA ${Math.ceil(progress.etaSeconds)} s` : '';
      io.stderr(`\r\x1b[2K${progress.phase} ${bar}${amount(progress.done, progress.unit)}${rate}${eta}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\r\x1b[2K');
    },
  };
}
