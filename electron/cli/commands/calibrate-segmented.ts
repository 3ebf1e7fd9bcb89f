import type { SegmentedInput, SegmentedOutput } from '../../../shared/api/calls/calibration-calls';
import type { Diagnostic } from '../../../shared/metrics/diagnostic-schema';
import { documentFromSegmented } from '../../engine/models/document-from-analysis';
import { formatTable } from '../format-table';
import { progressBar } from '../progress-bar';
import {
  count,
  withCalibrateSource,
  writeDocument,
  type CalibrateContext,
  type WrittenFile,
} from './calibrate-shared';
import { formatMetric as fmt } from '../flag-values';

/**
 * `scorecal calibrate --segment COL`: a Platt map per segment shrunk toward the global map
 * (`calibration.segmented`), compared with the global map on the holdout test rows. `--out` writes
 * the whole segmented calibrator as one `segmented-platt` parameter file.
 */
export async function runSegmentedCalibration(
  context: CalibrateContext,
  request: Omit<SegmentedInput, 'dataset'>,
): Promise<void> {
  const { io } = context;
  const done = await withCalibrateSource(context, async (client, dataset, signal) => {
    const input: SegmentedInput = { dataset, ...request };
    const bar = progressBar(io);
    const output = await client.call('calibration.segmented', input, { signal, onProgress: bar.update });
    bar.done();
    let written: WrittenFile | null = null;
    if (context.out) {
      const { summary } = await client.call('datasets.show', { id: output.usage.datasetId });
      written = writeDocument(context.out, documentFromSegmented(summary, input, output, new Date()));
    }
    return { output, written };
  });
  const out = done.written ? { path: done.written.path, contentHash: done.written.contentHash } : null;
  io.stdout(
    context.json
      ? `${JSON.stringify({ ...done.output, out }, null, 2)}\n`
      : segmentedText(done.output, done.written),
  );
}

function segmentedText(output: SegmentedOutput, written: WrittenFile | null): string {
  const u = output.usage;
  const params = output.params;
  const own = output.segments.filter((s) => s.map === 'own').length;
  const head = [
    `segmented platt on ${u.datasetName} by "${params.column}": score "${u.scoreColumn}" as ${u.scoreInput.kind}, outcome "${u.outcomeColumn}"`,
    `${count(output.rows.train)} training rows, ${count(output.rows.test)} test rows; ${output.segments.length} segments, ${own} with their own map (at least ${params.minEvents} events and non-events)`,
    `between-segment variance τ²: intercept ${fmt(output.tau2.intercept, 5)}, slope ${fmt(output.tau2.slope, 5)}; ` +
      'λ = share of the segment’s own estimate kept (0 = global map)',
    `global map: intercept ${fmt(params.global.intercept)}, slope ${fmt(params.global.slope)}`,
    '',
  ];
  const table = formatTable(
    [
      'segment',
      'train rows',
      'events',
      'map',
      'λ intercept',
      'λ slope',
      'intercept',
      'slope',
      'test rows',
      'log loss global',
      'log loss segmented',
      'O/E global',
      'O/E segmented',
    ],
    output.segments.map((s) => [
      s.label,
      count(s.trainRows),
      count(s.trainEvents),
      s.map,
      s.shrinkage ? fmt(s.shrinkage.intercept, 3) : '—',
      s.shrinkage ? fmt(s.shrinkage.slope, 3) : '—',
      fmt(s.intercept),
      fmt(s.slope),
      count(s.testGlobal.n),
      fmt(s.testGlobal.logLoss),
      fmt(s.testSegmented.logLoss),
      fmt(s.testGlobal.oeRatio, 3),
      fmt(s.testSegmented.oeRatio, 3),
    ]),
  );
  const metric = (label: string, key: keyof Diagnostic & string) => [
    label,
    ...(['uncalibrated', 'global', 'segmented'] as const).map((which) =>
      fmt(output.test[which][key] as number | null),
    ),
  ];
  const overall = formatTable(
    ['test metric', 'raw', 'global map', 'segmented'],
    [
      metric('log loss', 'logLoss'),
      metric('Brier score', 'brier'),
      metric('ECE', 'ece'),
      metric('observed / expected', 'oeRatio'),
      metric('calibration intercept', 'intercept'),
      metric('calibration slope', 'slope'),
      metric('AUC', 'auc'),
    ],
  );
  const tail = written
    ? `\nWrote ${written.path} (segmented-platt, ${own} segment maps and the global map; content SHA-256 ${written.contentHash})\n`
    : '';
  return `${head.join('\n')}${table}\n${overall}${tail}`;
}
