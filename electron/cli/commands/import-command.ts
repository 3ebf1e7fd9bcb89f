import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/api-error';
import { createApiClient } from '../../../shared/api/client';
import type { ImportResult } from '../../../shared/api/calls/dataset-calls';
import type { Progress } from '../../../shared/api/progress';
import type { ImportRequestInput } from '../../../shared/domain/import-options';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';
import { withEngine } from '../with-engine';

interface ImportFlags {
  name?: string;
  score?: string;
  outcome?: string;
  time?: string;
  segment?: string[];
  weight?: string;
  id?: string;
  onError: string;
  ifExists: string;
  format?: string;
  delimiter?: string;
  encoding?: string;
  workspace?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('Import a CSV/TSV, JSON Lines or Parquet file (optionally .gz) as a new dataset.')
    .argument('<file>', 'the file to import')
    .option('--name <name>', 'dataset name (default: the file name)')
    .option('--score <column>', 'the model score column')
    .option('--outcome <column>', 'the observed outcome column (0/1, true/false, yes/no)')
    .option('--time <column>', 'the time column')
    .option('--segment <column>', 'a segment column (repeatable)', collect)
    .option('--weight <column>', 'a weight column')
    .option('--id <column>', 'an id column (checked for duplicates)')
    .option(
      '--on-error <policy>',
      'refuse: stop at the first bad row; skip: leave bad rows out and report them',
      'refuse',
    )
    .option(
      '--if-exists <choice>',
      'when the same file was imported before: ask, reuse or import-again',
      'ask',
    )
    .option('--format <format>', 'csv, jsonl or parquet (default: detected)')
    .option('--delimiter <char>', "CSV field delimiter (default: sniffed); 'tab' for a tab")
    .option('--encoding <encoding>', 'utf-8 or windows-1252 (Latin-1) (default: detected)')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const request = buildRequest(file, flags);
      const bar = io.stderrIsTty && !flags.json ? new ProgressBar(io) : null;
      let result: ImportResult;
      try {
        result = await withEngine(io, flags.workspace, (engine) =>
          createApiClient(engine.transport).call('datasets.import', request, {
            onProgress: (progress) => bar?.draw(progress),
          }),
        );
      } catch (error) {
        bar?.clear();
        const apiError = ApiError.from(error);
        if (apiError.code === 'conflict' && apiError.detail?.includes('duplicateOf')) {
          throw new CliFailure(
            `${apiError.message}\n  Run again with --if-exists reuse or --if-exists import-again.`,
          );
        }
        throw apiError;
      }
      bar?.clear();
      if (flags.json) {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      io.stdout(describeResult(result));
    });
}

function buildRequest(file: string, flags: ImportFlags): ImportRequestInput {
  const oneOf = (flag: string, value: string, allowed: string[]) => {
    if (!allowed.includes(value)) {
      throw new CliFailure(`--${flag} must be one of ${allowed.join(', ')} (got "${value}").`, EXIT_USAGE);
    }
    return value;
  };
  const delimiter = flags.delimiter === 'tab' || flags.delimiter === '\\t' ? '\t' : flags.delimiter;
  return {
    file,
    ...(flags.name ? { name: flags.name } : {}),
    read: {
      ...(flags.format
        ? { format: oneOf('format', flags.format, ['csv', 'jsonl', 'parquet']) as 'csv' }
        : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(flags.encoding
        ? {
            encoding: oneOf('encoding', normalizeEncoding(flags.encoding), [
              'utf-8',
              'windows-1252',
            ]) as 'utf-8',
          }
        : {}),
    },
    roles: {
      ...(flags.score ? { score: flags.score } : {}),
      ...(flags.outcome ? { outcome: flags.outcome } : {}),
      ...(flags.time ? { time: flags.time } : {}),
      ...(flags.weight ? { weight: flags.weight } : {}),
      ...(flags.id ? { id: flags.id } : {}),
      ...(flags.segment ? { segments: flags.segment } : {}),
    },
    onError: oneOf('on-error', flags.onError, ['refuse', 'skip']) as 'refuse',
    ifExists: oneOf('if-exists', flags.ifExists, ['ask', 'reuse', 'import-again']) as 'ask',
  };
}

function normalizeEncoding(value: string): string {
  const v = value.toLowerCase();
  if (v === 'utf8') return 'utf-8';
  if (v === 'latin1' || v === 'latin-1' || v === 'iso-8859-1' || v === 'cp1252') return 'windows-1252';
  return v;
}

function describeResult(result: ImportResult): string {
  const { dataset, validation } = result;
  if (result.reused) return `Reused the dataset "${dataset.name}" (the same file was imported before).\n`;
  const lines = [
    `Imported "${dataset.name}": ${dataset.rows.toLocaleString('en-US')} rows` +
      (dataset.baseRate === null ? '.' : `, base rate ${(dataset.baseRate * 100).toFixed(2)} %.`),
  ];
  if (validation.rowsSkipped > 0)
    lines.push(`Skipped ${validation.rowsSkipped.toLocaleString('en-US')} bad rows:`);
  for (const rule of validation.rules) {
    const first = rule.examples[0];
    lines.push(
      `  ${rule.severity === 'error' ? 'error  ' : 'warning'} ${rule.rule}: ${rule.count.toLocaleString('en-US')}` +
        (first
          ? ` (first: line ${first.line}${first.column ? `, ${first.column}` : ''}: ${first.message})`
          : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A one-line bar redrawn in place on a terminal's stderr. */
class ProgressBar {
  private drawn = false;
  constructor(private readonly io: CliIo) {}

  draw(progress: Progress): void {
    const width = 30;
    const share = progress.total ? Math.min(1, progress.done / progress.total) : 0;
    const filled = Math.round(share * width);
    const eta = progress.etaSeconds === null ? '' : ` ETA ${Math.ceil(progress.etaSeconds)} s`;
    this.io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} % ${progress.phase}${eta}\x1b[K`,
    );
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.stderr('\r\x1b[K');
    this.drawn = false;
  }
}
