import type { Command } from 'commander';
import type {
  EvaluateOutput,
  GroupCalibrationJson,
  Grouping,
} from '../../../shared/api/calls/analysis-calls';
import type { ScoreInput } from '../../../shared/score-input/score-input';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';
import { withDatasetSource } from '../dataset-source';
import { formatTable } from '../format-table';
import { formatMetric as fmt, integerFlag } from '../flag-values';
import { interruptSignal } from '../interrupt-signal';
import { progressBar } from '../progress-bar';
import { addScoreInputOptions, scoreInputFromFlags, type ScoreInputFlags } from './score-input-options';

interface EvaluateFlags extends ScoreInputFlags {
  byTime?: string;
  time?: string;
  bySegment?: string[];
  byQuantiles?: string[];
  score?: string;
  outcome?: string;
  weight?: string;
  bins: string;
  binning: string;
  bootstrap?: string;
  seed: string;
  json?: boolean;
  workspace?: string;
}

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  const command = program
    .command('evaluate <source>')
    .description(
      'Measure how well a score is calibrated: a dataset name, or a CSV/Parquet/JSONL file read directly.',
    )
    .option('--score <col>', 'score column (default: the column with the score role)')
    .option('--outcome <col>', 'outcome column, 0/1 (default: the column with the outcome role)')
    .option('--weight <col>', 'sample weight column');
  addScoreInputOptions(command)
    .option('--bins <n>', 'reliability bins', '10')
    .option('--binning <kind>', 'uniform or quantile bins', 'uniform')
    .option('--bootstrap <B>', 'percentile bootstrap intervals from B resamples')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option(
      '--by-time <period>',
      'also calibration per period: week, month or quarter (uses the time column)',
    )
    .option('--time <col>', 'time column (default: the column with the time role)')
    .option('--by-segment <col>', 'also calibration per value of a category column (repeatable)', collect, [])
    .option(
      '--by-quantiles <col:k>',
      'also calibration per k quantile groups of a numeric column (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print one JSON object')
    .option('--workspace <path>', 'workspace file (when <source> is a dataset name)')
    .action(async (source: string, flags: EvaluateFlags) => {
      const bins = integerFlag('--bins', flags.bins, 1, 200);
      if (flags.binning !== 'uniform' && flags.binning !== 'quantile') {
        throw new CliFailure(`--binning must be uniform or quantile (got "${flags.binning}")`, EXIT_USAGE);
      }
      const bootstrap =
        flags.bootstrap === undefined
          ? undefined
          : {
              resamples: integerFlag('--bootstrap', flags.bootstrap, 10, 10_000),
              seed: integerFlag('--seed', flags.seed, 0, 2 ** 32 - 1),
            };
      const scoreInput = scoreInputFromFlags(flags);
      const groupings = groupingsFromFlags(flags);
      const interrupt = interruptSignal();
      try {
        const result = await withDatasetSource<{ evaluated: EvaluateOutput; grouped: GroupedResults }>(
          io,
          source,
          {
            workspace: flags.workspace,
            roles: {
              score: flags.score,
              outcome: flags.outcome,
              weight: flags.weight,
              time: flags.time,
              segments: flags.bySegment && flags.bySegment.length > 0 ? flags.bySegment : undefined,
            },
            signal: interrupt.signal,
          },
          async (client, dataset) => {
            const bar = progressBar(io);
            const evaluated = await client.call(
              'analysis.evaluate',
              {
                dataset,
                ...selectionFlags(flags, scoreInput),
                bins,
                binning: flags.binning as 'uniform' | 'quantile',
                ...(bootstrap ? { bootstrap } : {}),
              },
              { signal: interrupt.signal, onProgress: bar.update },
            );
            const grouped: GroupedResults = {};
            for (const [key, by] of groupings) {
              const answer = await client.call(
                'analysis.groups',
                { dataset, ...selectionFlags(flags, scoreInput), by },
                { signal: interrupt.signal, onProgress: bar.update },
              );
              grouped[key] = answer.groups;
            }
            bar.done();
            return { evaluated, grouped };
          },
        );
        io.stdout(
          flags.json
            ? `${JSON.stringify({ ...evaluationJson(result.evaluated), ...result.grouped }, null, 2)}\n`
            : evaluationTable(result.evaluated) + groupTables(result.grouped),
        );
      } finally {
        interrupt.dispose();
      }
    });
}

type GroupedResults = Record<string, GroupCalibrationJson[]>;

const collect = (value: string, previous: string[]) => [...previous, value];

function selectionFlags(flags: EvaluateFlags, scoreInput: ScoreInput | undefined) {
  return {
    ...(flags.score ? { scoreColumn: flags.score } : {}),
    ...(flags.outcome ? { outcomeColumn: flags.outcome } : {}),
    ...(flags.weight ? { weightColumn: flags.weight } : {}),
    ...(scoreInput ? { scoreInput } : {}),
  };
}

/** --by-time, --by-segment and --by-quantiles as groupings, keyed as they appear in the JSON. */
function groupingsFromFlags(flags: EvaluateFlags): Array<[string, Grouping]> {
  const out: Array<[string, Grouping]> = [];
  if (flags.byTime !== undefined) {
    if (flags.byTime !== 'week' && flags.byTime !== 'month' && flags.byTime !== 'quarter') {
      throw new CliFailure(`--by-time must be week, month or quarter (got "${flags.byTime}")`, EXIT_USAGE);
    }
    out.push(['byTime', { kind: 'period', period: flags.byTime }]);
  }
  for (const column of flags.bySegment ?? []) out.push([`bySegment:${column}`, { kind: 'segment', column }]);
  for (const spec of flags.byQuantiles ?? []) {
    const match = /^(.+):(\d+)$/.exec(spec);
    const groups = match ? Number(match[2]) : NaN;
    if (!match || !(groups >= 2 && groups <= 50)) {
      throw new CliFailure(`--by-quantiles takes COLUMN:K with K from 2 to 50 (got "${spec}")`, EXIT_USAGE);
    }
    out.push([`byQuantiles:${match[1]}`, { kind: 'quantiles', column: match[1] as string, groups }]);
  }
  return out;
}

function groupTables(grouped: GroupedResults): string {
  return Object.entries(grouped)
    .map(
      ([key, groups]) =>
        `\n${key}\n` +
        formatTable(
          ['group', 'rows', 'events', 'observed', 'predicted', 'O/E', 'ECE', 'Jeffreys p', 'light'],
          groups.map((g) => [
            g.label,
            g.n.toLocaleString('en-US'),
            g.positives.toLocaleString('en-US', { maximumFractionDigits: 1 }),
            fmt(g.observedRate),
            fmt(g.meanPredicted),
            fmt(g.oeRatio, 2),
            fmt(g.ece),
            g.jeffreysP === null ? '—' : g.jeffreysP < 1e-4 ? '< 0.0001' : g.jeffreysP.toFixed(4),
            g.light ?? '—',
          ]),
        ),
    )
    .join('');
}

/** Exactly the keys the CLI documents: the diagnostic, plus `ci` when bootstrapped. */
export function evaluationJson(result: EvaluateOutput): Record<string, unknown> {
  return result.ci === null ? { ...result.diagnostic } : { ...result.diagnostic, ci: result.ci };
}

function evaluationTable(result: EvaluateOutput): string {
  const d = result.diagnostic;
  const ci = (key: string) => {
    const interval = result.ci?.[key];
    return interval ? `[${fmt(interval[0])}, ${fmt(interval[1])}]` : '';
  };
  const rows: Array<[string, number | null, string]> = [
    ['base rate', d.baseRate, 'baseRate'],
    ['mean predicted', d.meanPredicted, 'meanPredicted'],
    ['observed / expected', d.oeRatio, 'oeRatio'],
    ['Brier score', d.brier, 'brier'],
    ['  reliability', d.brierDecomposition.reliability, 'brierDecomposition.reliability'],
    ['  resolution', d.brierDecomposition.resolution, 'brierDecomposition.resolution'],
    ['  uncertainty', d.brierDecomposition.uncertainty, 'brierDecomposition.uncertainty'],
    ['log loss', d.logLoss, 'logLoss'],
    ['AUC', d.auc, 'auc'],
    ['Gini', d.gini, 'gini'],
    ['KS', d.ks, 'ks'],
    ['ECE', d.ece, 'ece'],
    ['MCE', d.mce, 'mce'],
    ['ACE', d.ace, 'ace'],
    ['calibration intercept', d.intercept, 'intercept'],
    ['calibration slope', d.slope, 'slope'],
    ['intercept (slope = 1)', d.interceptOffset, 'interceptOffset'],
    ['Spiegelhalter z', d.spiegelhalter.z, 'spiegelhalter.z'],
    ['Spiegelhalter p', d.spiegelhalter.p, 'spiegelhalter.p'],
    [
      `Hosmer-Lemeshow χ² (df ${d.hosmerLemeshow.df})`,
      d.hosmerLemeshow.statistic,
      'hosmerLemeshow.statistic',
    ],
    ['Hosmer-Lemeshow p', d.hosmerLemeshow.p, 'hosmerLemeshow.p'],
    ...(Object.entries(d.rms).map(([k, v]) => [`rms ${k}`, v, `rms.${k}`]) as Array<
      [string, number | null, string]
    >),
  ];
  const u = result.usage;
  const header =
    `${u.datasetName}: ${d.n.toLocaleString('en-US')} rows, ${d.positives.toLocaleString('en-US')} events` +
    ` (score "${u.scoreColumn}" as ${u.scoreInput.kind}, outcome "${u.outcomeColumn}")\n\n`;
  const metrics = formatTable(
    ['metric', 'value', result.ci ? 'bootstrap CI' : ''],
    rows.map(([label, v, key]) => [label, fmt(v), ci(key)]),
  );
  const bins = formatTable(
    ['bin', 'n', 'mean predicted', 'observed', 'CI low', 'CI high'],
    d.reliability.map((bin) => [
      `[${bin.lo.toFixed(3)}, ${bin.hi.toFixed(3)}${bin.hi >= 1 ? ']' : ')'}`,
      bin.n.toLocaleString('en-US'),
      fmt(bin.meanPredicted),
      fmt(bin.observedRate),
      fmt(bin.ciLow),
      fmt(bin.ciHigh),
    ]),
  );
  return `${header}${metrics}\nReliability\n${bins}`;
}
