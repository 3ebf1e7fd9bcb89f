import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type {
  CalibrateInput,
  CalibrateOutput,
  MethodResult,
} from '../../../shared/api/calls/calibration-calls';
import type { ModelSummary } from '../../../shared/api/calls/model-calls';
import { CalibratorMethodSchema, type CalibratorMethod } from '../../../shared/calibration/calibrator-method';
import { fileValidation } from '../../../shared/param-file/build-param-document';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';
import { withDatasetSource } from '../dataset-source';
import { formatTable } from '../format-table';
import { interruptSignal } from '../interrupt-signal';
import { progressBar } from '../progress-bar';
import { addScoreInputOptions, scoreInputFromFlags, type ScoreInputFlags } from './score-input-options';

interface CalibrateFlags extends ScoreInputFlags {
  method?: string;
  options?: string;
  score?: string;
  outcome?: string;
  weight?: string;
  validation: string;
  testFraction: string;
  folds: string;
  seed: string;
  splitAt?: string;
  from?: string;
  to?: string;
  bins: string;
  binning: string;
  bootstrap?: string;
  out?: string;
  save?: string;
  json?: boolean;
  workspace?: string;
}

export function registerCalibrateCommand(program: Command, io: CliIo): void {
  const command = program
    .command('calibrate <source>')
    .description(
      'Fit a calibration map on a dataset (or a CSV/Parquet/JSONL file read directly), check it out of sample, and write a parameter file.',
    )
    .requiredOption('--method <method>', `calibrator: ${CalibratorMethodSchema.options.join(', ')}`)
    .option('--options <json>', "the method's options as JSON, e.g. '{\"bins\": 20}' (docs/calibrators.md)")
    .option('--score <col>', 'score column (default: the column with the score role)')
    .option('--outcome <col>', 'outcome column, 0/1 (default: the column with the outcome role)')
    .option('--weight <col>', 'sample weight column');
  addScoreInputOptions(command)
    .option('--validation <scheme>', 'none (fit and measure on every row), holdout, kfold or time', 'holdout')
    .option('--test-fraction <f>', 'holdout: share of rows in the test set', '0.3')
    .option('--folds <k>', 'kfold: number of folds', '5')
    .option('--seed <n>', 'holdout/kfold split seed (and bootstrap seed)', '1')
    .option('--split-at <date>', 'time: train before this ISO date (UTC), test from it on')
    .option('--from <date>', 'use only rows at or after this ISO date (UTC)')
    .option('--to <date>', 'use only rows before this ISO date (UTC)')
    .option('--bins <n>', 'reliability bins', '10')
    .option('--binning <kind>', 'uniform or quantile bins', 'uniform')
    .option('--bootstrap <B>', 'percentile bootstrap intervals on the test metrics from B resamples')
    .option('--out <params.json>', 'write the parameter file here (atomically)')
    .option('--save <name>', 'also keep the result as a named model in the workspace (dataset sources only)')
    .option('--json', 'print the fitted parameters and the validation metrics as JSON')
    .option('--workspace <path>', 'workspace file (when <source> is a dataset name)')
    .action(async (source: string, flags: CalibrateFlags) => {
      const method = parseMethod(flags.method);
      const options = parseOptionsJson(flags.options);
      if (!flags.out && !flags.json && !flags.save) {
        throw new CliFailure(
          'nothing to do: give --out params.json (and/or --json, --save NAME)',
          EXIT_USAGE,
        );
      }
      if (flags.save && fs.existsSync(source)) {
        throw new CliFailure(
          '--save keeps a model in the workspace; import the file first (scorecal import) and calibrate the dataset by name',
          EXIT_USAGE,
        );
      }
      const seed = integerFlag('--seed', flags.seed, 0, 2 ** 32 - 1);
      const validation = validationFromFlags(flags, seed);
      const scoreInput = scoreInputFromFlags(flags);
      const bins = integerFlag('--bins', flags.bins, 1, 200);
      if (flags.binning !== 'uniform' && flags.binning !== 'quantile') {
        throw new CliFailure(`--binning must be uniform or quantile (got "${flags.binning}")`, EXIT_USAGE);
      }
      const from = flags.from === undefined ? null : dateFlag('--from', flags.from);
      const to = flags.to === undefined ? null : dateFlag('--to', flags.to);
      const bootstrap =
        flags.bootstrap === undefined
          ? undefined
          : { resamples: integerFlag('--bootstrap', flags.bootstrap, 10, 10_000), seed, level: 0.95 };
      const out = flags.out ? path.resolve(flags.out) : null;

      const interrupt = interruptSignal();
      try {
        const done = await withDatasetSource(
          io,
          source,
          {
            workspace: flags.workspace,
            roles: { score: flags.score, outcome: flags.outcome, weight: flags.weight },
            signal: interrupt.signal,
          },
          async (client, dataset) => {
            const input: CalibrateInput = {
              dataset,
              ...(flags.score ? { scoreColumn: flags.score } : {}),
              ...(flags.outcome ? { outcomeColumn: flags.outcome } : {}),
              ...(flags.weight ? { weightColumn: flags.weight } : {}),
              ...(scoreInput ? { scoreInput } : {}),
              ...(from !== null || to !== null ? { filter: { timeRange: { from, to } } } : {}),
              methods: [{ method, options }],
              validation,
              bins,
              binning: flags.binning as 'uniform' | 'quantile',
              ...(bootstrap ? { bootstrap } : {}),
            };
            const bar = progressBar(io);
            const output = await client.call('calibration.run', input, {
              signal: interrupt.signal,
              onProgress: bar.update,
            });
            bar.done();
            const run = { input, output };
            const written = out
              ? await client.call('models.writeRunParams', { run, method, path: out })
              : null;
            const model = flags.save
              ? await client.call('models.save', { name: flags.save, run, method })
              : null;
            return { output, written, model };
          },
        );
        const fitted = done.output.results.find((r) => r.method === method)!;
        const baseline = done.output.results.find((r) => r.method === 'uncalibrated') ?? null;
        if (flags.json) {
          io.stdout(
            `${JSON.stringify(calibrationJson(done.output, fitted, baseline, done.written, done.model), null, 2)}\n`,
          );
        } else {
          io.stdout(calibrationText(done.output, fitted, baseline, done.written, done.model));
        }
      } finally {
        interrupt.dispose();
      }
    });
}

function calibrationJson(
  output: CalibrateOutput,
  fitted: MethodResult,
  baseline: MethodResult | null,
  written: { path: string; contentHash: string } | null,
  model: ModelSummary | null,
) {
  return {
    method: fitted.method,
    options: fitted.options,
    params: fitted.params,
    scoreInput: output.usage.scoreInput,
    validation: fileValidation(output.validation),
    rows: { ...output.rows, used: output.usage.rowsUsed, missing: output.usage.rowsMissing },
    metrics: fitted.test,
    ci: fitted.ci,
    uncalibrated: baseline ? { metrics: baseline.test, ci: baseline.ci } : null,
    out: written ? { path: written.path, contentHash: written.contentHash } : null,
    model: model ? { id: model.id, name: model.name } : null,
  };
}

function calibrationText(
  output: CalibrateOutput,
  fitted: MethodResult,
  baseline: MethodResult | null,
  written: { path: string; contentHash: string } | null,
  model: ModelSummary | null,
): string {
  const u = output.usage;
  const v = fileValidation(output.validation);
  const scheme =
    v.scheme === 'holdout'
      ? `holdout ${Math.round(v.testFraction * 100)} %, seed ${v.seed}`
      : v.scheme === 'kfold'
        ? `${v.folds}-fold, seed ${v.seed}`
        : v.scheme === 'time'
          ? `out of time from ${v.splitAt}`
          : 'no validation: measured on the training rows';
  const lines = [
    `${fitted.method} on ${u.datasetName}: score "${u.scoreColumn}" as ${u.scoreInput.kind}, outcome "${u.outcomeColumn}"`,
    `${output.rows.train.toLocaleString('en-US')} training rows, ${output.rows.test.toLocaleString('en-US')} test rows (${scheme})`,
    '',
  ];
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(4));
  const ci = (r: MethodResult, key: string) => {
    const interval = r.ci?.[key];
    return interval ? ` [${fmt(interval[0])}, ${fmt(interval[1])}]` : '';
  };
  const metric = (label: string, key: keyof MethodResult['test'] & string) => [
    label,
    `${fmt(fitted.test[key] as number | null)}${ci(fitted, key)}`,
    baseline ? `${fmt(baseline.test[key] as number | null)}${ci(baseline, key)}` : '',
  ];
  const table = formatTable(
    ['test metric', 'calibrated', baseline ? 'uncalibrated' : ''],
    [
      metric('Brier score', 'brier'),
      metric('log loss', 'logLoss'),
      metric('ECE', 'ece'),
      metric('observed / expected', 'oeRatio'),
      metric('calibration intercept', 'intercept'),
      metric('calibration slope', 'slope'),
      metric('AUC', 'auc'),
    ],
  );
  const tail: string[] = [];
  if (written) tail.push(`Wrote ${written.path} (content SHA-256 ${written.contentHash})`);
  if (model) tail.push(`Saved as model "${model.name}" (id ${model.id})`);
  return `${lines.join('\n')}${table}${tail.length ? `\n${tail.join('\n')}\n` : ''}`;
}

function parseMethod(value: string | undefined): CalibratorMethod {
  const parsed = CalibratorMethodSchema.safeParse(value);
  if (!parsed.success) {
    throw new CliFailure(
      `--method must be one of ${CalibratorMethodSchema.options.join(', ')} (got "${value ?? ''}")`,
      EXIT_USAGE,
    );
  }
  return parsed.data;
}

function parseOptionsJson(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliFailure(`--options must be a JSON object (got ${JSON.stringify(text)})`, EXIT_USAGE);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliFailure('--options must be a JSON object', EXIT_USAGE);
  }
  return value as Record<string, unknown>;
}

function validationFromFlags(flags: CalibrateFlags, seed: number): CalibrateInput['validation'] {
  switch (flags.validation) {
    case 'none':
      return { scheme: 'none' };
    case 'holdout': {
      const testFraction = Number(flags.testFraction);
      if (!(testFraction >= 0.05 && testFraction <= 0.95)) {
        throw new CliFailure(
          `--test-fraction must be between 0.05 and 0.95 (got "${flags.testFraction}")`,
          EXIT_USAGE,
        );
      }
      return { scheme: 'holdout', testFraction, seed };
    }
    case 'kfold':
      return { scheme: 'kfold', folds: integerFlag('--folds', flags.folds, 2, 20), seed };
    case 'time':
      if (flags.splitAt === undefined)
        throw new CliFailure('--validation time needs --split-at DATE', EXIT_USAGE);
      return { scheme: 'time', splitAt: dateFlag('--split-at', flags.splitAt) };
    default:
      throw new CliFailure(
        `--validation must be none, holdout, kfold or time (got "${flags.validation}")`,
        EXIT_USAGE,
      );
  }
}

/** An ISO 8601 date or date-time, read as UTC when it names no zone. */
export function dateFlag(name: string, value: string): number {
  const withZone = /T/.test(value) && !/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? `${value}Z` : value;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(withZone) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CliFailure(`${name} must be an ISO 8601 date such as 2024-07-01 (got "${value}")`, EXIT_USAGE);
  }
  return ms;
}

function integerFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliFailure(`${name} must be an integer from ${min} to ${max} (got "${value}")`, EXIT_USAGE);
  }
  return n;
}
