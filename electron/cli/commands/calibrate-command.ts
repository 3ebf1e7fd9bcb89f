import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type {
  CalibrateInput,
  CalibrateOutput,
  MethodResult,
  Window,
} from '../../../shared/api/calls/calibration-calls';
import type { DatasetFilterInput } from '../../../shared/domain/dataset-filter';
import type { ModelSummary } from '../../../shared/api/calls/model-calls';
import { CalibratorMethodSchema, type CalibratorMethod } from '../../../shared/calibration/calibrator-method';
import { fileValidation } from '../../../shared/param-file/build-param-document';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';
import { withDatasetSource } from '../dataset-source';
import { formatTable } from '../format-table';
import { dateFlag, formatMetric as fmt, integerFlag } from '../flag-values';
import { interruptSignal } from '../interrupt-signal';
import { progressBar } from '../progress-bar';
import { runSegmentedCalibration } from './calibrate-segmented';
import { runWalkForward } from './calibrate-walk-forward';
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
  time?: string;
  period?: string;
  window?: string;
  initialPeriods?: string;
  segment?: string;
  minEvents?: string;
}

/** Flags that belong to one kind of run only; giving one to another kind is a usage error. */
const WALK_FORWARD_FLAGS = ['period', 'window', 'initialPeriods'] as const;
const SEGMENT_FLAGS = ['minEvents'] as const;
const FLAG_NAMES: Record<string, string> = {
  period: '--period',
  window: '--window',
  initialPeriods: '--initial-periods',
  minEvents: '--min-events',
  testFraction: '--test-fraction',
  folds: '--folds',
  splitAt: '--split-at',
  options: '--options',
  bootstrap: '--bootstrap',
  save: '--save',
};

export function registerCalibrateCommand(program: Command, io: CliIo): void {
  const command = program
    .command('calibrate <source>')
    .description(
      'Fit a calibration map on a dataset (or a CSV/Parquet/JSONL file read directly), check it out of sample, and write a parameter file.',
    )
    .option(
      '--method <method>',
      `calibrator: ${CalibratorMethodSchema.options.join(', ')} (required, except with --segment: platt)`,
    )
    .option('--options <json>', "the method's options as JSON, e.g. '{\"bins\": 20}' (docs/calibrators.md)")
    .option('--score <col>', 'score column (default: the column with the score role)')
    .option('--outcome <col>', 'outcome column, 0/1 (default: the column with the outcome role)')
    .option('--weight <col>', 'sample weight column');
  addScoreInputOptions(command)
    .option(
      '--validation <scheme>',
      'none (fit and measure on every row), holdout, kfold, time or walk-forward',
      'holdout',
    )
    .option('--test-fraction <f>', 'holdout (and --segment): share of rows in the test set', '0.3')
    .option('--folds <k>', 'kfold: number of folds', '5')
    .option('--seed <n>', 'holdout/kfold/--segment split seed (and bootstrap seed)', '1')
    .option('--split-at <date>', 'time: train before this ISO date (UTC), test from it on')
    .option('--period <period>', 'walk-forward: week, month or quarter (default month)')
    .option(
      '--window <window>',
      'walk-forward: expanding (every period so far, the default) or rolling:N (the last N periods)',
    )
    .option('--initial-periods <k>', 'walk-forward: periods in the first training window (default 3)')
    .option(
      '--time <col>',
      'walk-forward on a file read directly: its time column (a dataset uses its column with the time role)',
    )
    .option(
      '--segment <col>',
      'fit a Platt map per value of this category column, shrunk toward the global map (method platt)',
    )
    .option(
      '--min-events <n>',
      '--segment: segments with fewer events or non-events keep the global map (default 30)',
    )
    .option('--from <date>', 'use only rows at or after this ISO date (UTC)')
    .option('--to <date>', 'use only rows before this ISO date (UTC)')
    .option('--bins <n>', 'reliability bins', '10')
    .option('--binning <kind>', 'uniform or quantile bins', 'uniform')
    .option('--bootstrap <B>', 'percentile bootstrap intervals on the test metrics from B resamples')
    .option('--out <params.json>', 'write the parameter file here (atomically)')
    .option('--save <name>', 'also keep the result as a named model in the workspace (dataset sources only)')
    .option(
      '--json',
      'print JSON: the fitted parameters and validation metrics, or the whole walk-forward / --segment result',
    )
    .option('--workspace <path>', 'workspace file (when <source> is a dataset name)')
    .action(async (source: string, flags: CalibrateFlags, cmd: Command) => {
      const given = (flag: keyof CalibrateFlags) => {
        const origin = cmd.getOptionValueSource(flag);
        return origin !== undefined && origin !== 'default';
      };
      const kind = runKind(flags, given);
      const method = kind === 'segmented' ? segmentMethod(flags.method) : parseMethod(flags.method);
      const options = parseOptionsJson(flags.options);
      // A walk-forward or segment table is worth reading on its own; a plain fit is not.
      if (kind === 'run' && !flags.out && !flags.json && !flags.save) {
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
      const filter: DatasetFilterInput | undefined =
        from !== null || to !== null ? { timeRange: { from, to } } : undefined;
      const selection = {
        ...(flags.score ? { scoreColumn: flags.score } : {}),
        ...(flags.outcome ? { outcomeColumn: flags.outcome } : {}),
        ...(flags.weight ? { weightColumn: flags.weight } : {}),
        ...(scoreInput ? { scoreInput } : {}),
        ...(filter ? { filter } : {}),
      };
      const roles = {
        score: flags.score,
        outcome: flags.outcome,
        weight: flags.weight,
        time: flags.time,
        segments: flags.segment ? [flags.segment] : undefined,
      };
      const common = { io, source, workspace: flags.workspace, roles, out, json: flags.json === true };

      if (kind === 'walk-forward') {
        await runWalkForward(common, {
          ...selection,
          method: { method, options },
          period: periodFlag(flags.period),
          window: windowFlag(flags.window),
          initialPeriods:
            flags.initialPeriods === undefined
              ? 3
              : integerFlag('--initial-periods', flags.initialPeriods, 1, 520),
          bins,
          binning: flags.binning as 'uniform' | 'quantile',
          ...(bootstrap ? { bootstrap } : {}),
        });
        return;
      }
      if (kind === 'segmented') {
        await runSegmentedCalibration(common, {
          ...selection,
          segmentColumn: flags.segment!,
          ...(flags.minEvents !== undefined
            ? { minEvents: integerFlag('--min-events', flags.minEvents, 1, 1_000_000) }
            : {}),
          testFraction: testFractionFlag(flags.testFraction),
          seed,
          bins,
        });
        return;
      }
      const validation = validationFromFlags(flags, seed);

      const interrupt = interruptSignal();
      try {
        const done = await withDatasetSource(
          io,
          source,
          { workspace: flags.workspace, roles, signal: interrupt.signal },
          async (client, dataset) => {
            const input: CalibrateInput = {
              dataset,
              ...selection,
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

type RunKind = 'run' | 'walk-forward' | 'segmented';

/**
 * Which call the flags ask for: `calibration.run`, `calibration.walkForward` or
 * `calibration.segmented`. A flag that only another kind reads is refused rather than ignored, so a
 * typo'd command line never quietly runs something else than was meant.
 */
function runKind(flags: CalibrateFlags, given: (flag: keyof CalibrateFlags) => boolean): RunKind {
  const refuse = (names: readonly (keyof CalibrateFlags)[], reason: string) => {
    const extra = names.filter(given);
    if (extra.length > 0) {
      throw new CliFailure(
        `${extra.map((name) => FLAG_NAMES[name] ?? name).join(', ')} ${reason}`,
        EXIT_USAGE,
      );
    }
  };
  if (flags.segment !== undefined) {
    if (flags.validation !== 'holdout') {
      throw new CliFailure(
        `--segment is validated on a stratified holdout (--test-fraction, --seed), not --validation ${flags.validation}`,
        EXIT_USAGE,
      );
    }
    refuse(
      [...WALK_FORWARD_FLAGS, 'folds', 'splitAt', 'options', 'bootstrap', 'save'],
      'cannot be used with --segment',
    );
    if (flags.binning !== 'uniform') {
      throw new CliFailure(
        '--segment measures with uniform bins; --binning quantile is not available',
        EXIT_USAGE,
      );
    }
    return 'segmented';
  }
  refuse(SEGMENT_FLAGS, 'needs --segment COL');
  if (flags.validation === 'walk-forward') {
    refuse(['testFraction', 'folds', 'splitAt', 'save'], 'cannot be used with --validation walk-forward');
    return 'walk-forward';
  }
  refuse(WALK_FORWARD_FLAGS, 'needs --validation walk-forward');
  return 'run';
}

/** Segment shrinkage pools Platt's two coefficients, so no other calibrator can be segmented. */
function segmentMethod(value: string | undefined): 'platt' {
  if (value === undefined || value === 'platt') return 'platt';
  throw new CliFailure(
    `--segment fits Platt maps only (segment shrinkage is defined for Platt's intercept and slope); got --method ${value}`,
    EXIT_USAGE,
  );
}

function periodFlag(value: string | undefined): 'week' | 'month' | 'quarter' {
  if (value === undefined) return 'month';
  if (value === 'week' || value === 'month' || value === 'quarter') return value;
  throw new CliFailure(`--period must be week, month or quarter (got "${value}")`, EXIT_USAGE);
}

/** `expanding`, or `rolling:N` for the last N periods. */
function windowFlag(value: string | undefined): Window {
  if (value === undefined || value === 'expanding') return { kind: 'expanding' };
  const rolling = /^rolling:(\d+)$/.exec(value);
  const periods = rolling ? Number(rolling[1]) : Number.NaN;
  if (!(periods >= 1 && periods <= 520)) {
    throw new CliFailure(
      `--window must be expanding or rolling:N with N from 1 to 520 periods (got "${value}")`,
      EXIT_USAGE,
    );
  }
  return { kind: 'rolling', periods };
}

function testFractionFlag(value: string): number {
  const testFraction = Number(value);
  if (!(testFraction >= 0.05 && testFraction <= 0.95)) {
    throw new CliFailure(`--test-fraction must be between 0.05 and 0.95 (got "${value}")`, EXIT_USAGE);
  }
  return testFraction;
}

function parseMethod(value: string | undefined): CalibratorMethod {
  if (value === undefined) {
    throw new CliFailure(
      '--method is required (only --segment, which fits Platt maps, goes without)',
      EXIT_USAGE,
    );
  }
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
    case 'holdout':
      return { scheme: 'holdout', testFraction: testFractionFlag(flags.testFraction), seed };
    case 'kfold':
      return { scheme: 'kfold', folds: integerFlag('--folds', flags.folds, 2, 20), seed };
    case 'time':
      if (flags.splitAt === undefined)
        throw new CliFailure('--validation time needs --split-at DATE', EXIT_USAGE);
      return { scheme: 'time', splitAt: dateFlag('--split-at', flags.splitAt) };
    default:
      throw new CliFailure(
        `--validation must be none, holdout, kfold, time or walk-forward (got "${flags.validation}")`,
        EXIT_USAGE,
      );
  }
}
