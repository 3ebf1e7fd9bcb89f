import type { WalkForwardInput, WalkForwardOutput } from '../../../shared/api/calls/calibration-calls';
import type { Diagnostic } from '../../../shared/metrics/diagnostic-schema';
import { documentFromWalkForward } from '../../engine/models/document-from-analysis';
import { formatTable } from '../format-table';
import { progressBar } from '../progress-bar';
import {
  count,
  withCalibrateSource,
  withCi,
  writeDocument,
  type CalibrateContext,
  type WrittenFile,
} from './calibrate-shared';
import { formatMetric as fmt } from '../flag-values';

const STRATEGIES = [
  ['uncalibrated', 'raw'],
  ['static', 'static'],
  ['refit', 'refit'],
] as const;

/**
 * `scorecal calibrate --validation walk-forward`: refits the map on the window before each period
 * and scores the period (`calibration.walkForward`), beside the raw score and the map fitted once
 * on the first window. `--out` writes the map of the last window, whose recorded test metrics are
 * the pooled refit ones (docs/parameter-file.md).
 */
export async function runWalkForward(
  context: CalibrateContext,
  request: Omit<WalkForwardInput, 'dataset'>,
): Promise<void> {
  const { io } = context;
  const done = await withCalibrateSource(context, async (client, dataset, signal) => {
    const input: WalkForwardInput = { dataset, ...request };
    const bar = progressBar(io);
    const output = await client.call('calibration.walkForward', input, { signal, onProgress: bar.update });
    bar.done();
    let written: WrittenFile | null = null;
    if (context.out) {
      const { summary } = await client.call('datasets.show', { id: output.usage.datasetId });
      written = writeDocument(context.out, documentFromWalkForward(summary, input, output, new Date()));
    }
    return { output, written };
  });
  const out = done.written ? { path: done.written.path, contentHash: done.written.contentHash } : null;
  io.stdout(
    context.json
      ? `${JSON.stringify({ ...done.output, out }, null, 2)}\n`
      : walkForwardText(done.output, done.written),
  );
}

function walkForwardText(output: WalkForwardOutput, written: WrittenFile | null): string {
  const u = output.usage;
  const unit = output.period;
  const window =
    output.window.kind === 'rolling'
      ? `rolling window of ${output.window.periods} ${unit}${output.window.periods === 1 ? '' : 's'}`
      : 'expanding window';
  const testRows = output.steps.reduce((sum, step) => sum + step.testRows, 0);
  const head = [
    `walk-forward ${output.method} on ${u.datasetName}: score "${u.scoreColumn}" as ${u.scoreInput.kind}, outcome "${u.outcomeColumn}"`,
    `${output.steps.length} ${unit}ly steps (${window}, first fit on ${output.initialPeriods} ${unit}${
      output.initialPeriods === 1 ? '' : 's'
    }), ${count(testRows)} test rows`,
    'raw = the score as it is; static = fitted once on the first window, never recalibrated; refit = recalibrated on the window before each period',
    '',
  ];
  const headers = ['period', 'train rows', 'test rows'];
  for (const [, label] of STRATEGIES)
    headers.push(`${label} log loss`, `${label} ECE`, `${label} O/E`, `${label} light`);
  const rows = output.steps.map((step) => {
    const cells = [step.label, count(step.trainRows), count(step.testRows)];
    for (const [key] of STRATEGIES) {
      const s = step[key];
      cells.push(fmt(s.logLoss), fmt(s.ece), fmt(s.oeRatio, 3), s.light ?? '—');
    }
    return cells;
  });
  const pooledMetric = (label: string, key: keyof Diagnostic & string) => [
    label,
    ...STRATEGIES.map(([strategy]) =>
      withCi(output.pooled[strategy][key] as number | null, output.pooledCi?.[strategy], key),
    ),
  ];
  const pooled = formatTable(
    ['pooled test periods', 'raw', 'never recalibrated', 'recalibrated'],
    [
      pooledMetric('log loss', 'logLoss'),
      pooledMetric('Brier score', 'brier'),
      pooledMetric('ECE', 'ece'),
      pooledMetric('observed / expected', 'oeRatio'),
      pooledMetric('calibration intercept', 'intercept'),
      pooledMetric('calibration slope', 'slope'),
      pooledMetric('AUC', 'auc'),
    ],
  );
  const tail: string[] = [];
  if (written) {
    const last = output.steps[output.steps.length - 1]!;
    tail.push(
      `Wrote ${written.path} (the map fitted on the ${count(last.trainRows)} rows before ${last.label}; content SHA-256 ${written.contentHash})`,
    );
  }
  return `${head.join('\n')}${formatTable(headers, rows)}\n${pooled}${tail.length ? `\n${tail.join('\n')}\n` : ''}`;
}
