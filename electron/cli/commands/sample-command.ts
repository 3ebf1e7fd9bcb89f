import type { Command } from 'commander';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import { SAMPLE_ROWS, SAMPLE_SEED } from '../../engine/sample/sample-columns';
import { writeSampleFile, type WrittenSample } from '../../engine/sample/write-sample-file';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';

/** A billion rows is about 76 GB of CSV; beyond that a typo is likelier than a wish. */
const MAX_ROWS = 1_000_000_000;

interface SampleCommandOptions {
  rows: string;
  seed: string;
  out: string;
  json?: boolean;
}

export function registerSampleCommand(program: Command, io: CliIo): void {
  program
    .command('sample')
    .description(
      'Write the synthetic liquidation dataset as CSV, gzip-compressed when the --out name ends in .gz. ' +
        'The same rows and seed always give the same file; resources/samples/README.md explains the model.',
    )
    .requiredOption('--out <file>', 'file to write (replaced if it exists)')
    .option('--rows <n>', 'number of positions', String(SAMPLE_ROWS))
    .option('--seed <s>', 'random seed, any integer', String(SAMPLE_SEED))
    .option('--json', 'print the result as JSON')
    .action(async (options: SampleCommandOptions) => {
      const rows = parseRows(options.rows);
      const seed = parseSeed(options.seed);
      const out = resolveOut(options.out, io.env);
      const started = performance.now();
      const progress = io.stderrIsTty ? new ProgressLine(io, started) : null;
      const cancel = cancelOnSignal();
      let written: WrittenSample;
      try {
        written = await writeSampleFile({
          rows,
          seed,
          out,
          signal: cancel.signal,
          onProgress: (done, total) => progress?.update(done, total),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'cancelled') throw new CliFailure(error.message);
        throw new CliFailure(error instanceof Error ? error.message : String(error));
      } finally {
        cancel.dispose();
        progress?.clear();
      }
      const seconds = (performance.now() - started) / 1000;
      if (options.json) {
        io.stdout(
          `${JSON.stringify({ out, rows, seed, bytes: written.bytes, seconds, sha256: written.sha256 }, null, 2)}\n`,
        );
        return;
      }
      io.stdout(
        `Wrote ${rows.toLocaleString('en-US')} rows (${written.bytes.toLocaleString('en-US')} bytes) to ${out} ` +
          `in ${seconds.toFixed(1)} s, SHA-256 ${written.sha256}\n`,
      );
    });
}

export function parseRows(value: string): number {
  const digits = value.trim().replaceAll('_', '');
  const rows = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!(rows >= 1 && rows <= MAX_ROWS)) {
    throw new CliFailure(
      `--rows must be a whole number from 1 to ${MAX_ROWS.toLocaleString('en-US')} (got "${value}").`,
      EXIT_USAGE,
    );
  }
  return rows;
}

export function parseSeed(value: string): number {
  const seed = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new CliFailure(
      `--seed must be a whole number between ±${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (got "${value}").`,
      EXIT_USAGE,
    );
  }
  return seed;
}

/**
 * `npm run sample` runs in the package folder, not where the user typed it; npm keeps that place
 * in INIT_CWD. Only trusted for our own npm script, since INIT_CWD leaks into child processes.
 */
function resolveOut(out: string, env: NodeJS.ProcessEnv): string {
  if (out.trim() === '') throw new CliFailure('--out needs a file name.', EXIT_USAGE);
  const base = env.npm_lifecycle_event === 'sample' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
  return path.resolve(base, out);
}

/** Ctrl+C or SIGTERM stops the generation cleanly: the temporary file is removed, nothing is left. */
function cancelOnSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** One self-overwriting stderr line: rows done, percentage, rate and time left. */
class ProgressLine {
  constructor(
    private readonly io: CliIo,
    private readonly started: number,
  ) {}

  update(done: number, total: number): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const percent = ((100 * done) / total).toFixed(1);
    this.io.stderr(
      `\r${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows  ${percent} %  ` +
        `${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${formatDuration(eta)}\x1b[K`,
    );
  }

  clear(): void {
    this.io.stderr('\r\x1b[K');
  }
}

function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
