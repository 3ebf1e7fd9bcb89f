import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalibrateInput, CalibrateOutput } from '../../../shared/api/calls/calibration-calls';
import { CalibratorMethodSchema } from '../../../shared/calibration/calibrator-method';
import { applyCalibration } from '../../../shared/calibration/registry';
import { applyParamDocument } from '../../../shared/param-file/apply-param-document';
import { toProbability } from '../../../shared/score-input/score-conversion';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { applyParams } from '../../../resources/reference/apply-params.mjs';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
let sample: SampleEngine;
let input: CalibrateInput;
let output: CalibrateOutput;

/** Scores across the whole range: ties, the ends, and values the training rows never had. */
const probabilities = Float64Array.from({ length: 2001 }, (_, i) => (i === 1000 ? 0.5 : (i / 2000) ** 3));

beforeAll(async () => {
  sample = await sampleEngine();
  input = {
    dataset: { id: sample.datasetId },
    scoreColumn: 'score',
    outcomeColumn: 'liquidated',
    filter: { timeRange: { from: null, to: Date.UTC(2024, 6, 1) } },
    methods: CalibratorMethodSchema.options.map((method) => ({ method, options: {} })),
    validation: { scheme: 'holdout', testFraction: 0.3, seed: 5 },
  };
  output = await sample.client.call('calibration.run', input);
}, 120_000);

afterAll(() => sample?.close());

describe('parameter file round trip (fit, write, read, apply)', () => {
  it.each(CalibratorMethodSchema.options)(
    '%s: the file applies to exactly the engine numbers',
    async (method) => {
      const file = path.join(tempDir(), `${method}.json`);
      const written = await sample.client.call('models.writeRunParams', {
        run: { input, output },
        method,
        path: file,
      });
      const read = readParamFile(file);
      expect(read).toEqual(written.document);
      expect(read.contentHash.value).toBe(written.contentHash);
      const fitted = output.results.find((r) => r.method === method)!;
      expect(read.params).toEqual(fitted.params);
      expect(read.validationMetrics.calibrated.diagnostic).toEqual(fitted.test);

      const engine = applyCalibration(fitted.params!, probabilities);
      const fromFile = applyParamDocument(read, probabilities);
      expect(Array.from(fromFile.p)).toEqual(Array.from(engine));
      const reference = applyParams(JSON.parse(fs.readFileSync(file, 'utf8')), Array.from(probabilities)) as {
        p: number[];
        p0?: number[];
        p1?: number[];
      };
      expect(reference.p).toEqual(Array.from(engine));
      if (method === 'venn-abers') {
        expect(reference.p0).toEqual(Array.from(fromFile.p0!));
        expect(reference.p1).toEqual(Array.from(fromFile.p1!));
      }
    },
  );

  it('records provenance from the workspace and the run', async () => {
    const file = path.join(tempDir(), 'platt.json');
    const { document } = await sample.client.call('models.writeRunParams', {
      run: { input, output },
      method: 'platt',
      path: file,
    });
    const dataset = await sample.client.call('datasets.show', { id: sample.datasetId });
    expect(document.provenance.dataset).toEqual({
      name: dataset.summary.name,
      sourceName: dataset.summary.sourceName,
      sourceSha256: dataset.summary.sourceSha256,
      rows: 100_000,
      positives: dataset.summary.positives,
      timeMin: new Date(dataset.summary.timeMin!).toISOString(),
      timeMax: new Date(dataset.summary.timeMax!).toISOString(),
    });
    expect(document.provenance.filter).toEqual({
      timeRange: { from: null, to: Date.UTC(2024, 6, 1) },
      segments: [],
      ranges: [],
    });
    expect(document.provenance.validation).toEqual({ scheme: 'holdout', testFraction: 0.3, seed: 5 });
    expect(document.provenance.rows.train + document.provenance.rows.test).toBe(output.usage.rowsUsed);
    expect(document.validationMetrics.uncalibrated?.diagnostic).toEqual(output.results[0]!.test);
    expect(document.scoreInput).toEqual({ kind: 'probability' });
    expect(document.script).toBeNull();
    expect(Date.parse(document.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('reads the raw score by the recorded rule before the map (points)', () => {
    const rule = { kind: 'points', offset: 500, factor: 30, direction: 'higher-is-riskier' } as const;
    const fitted = output.results.find((r) => r.method === 'beta')!;
    const file = readParamFile(
      path.join(__dirname, '..', '..', 'fixtures', 'param-file', 'documents', 'beta-probability.json'),
    );
    const document = { ...file, scoreInput: rule, params: fitted.params! };
    const points = Float64Array.from([300, 450, 500, 512.5, 700]);
    const expected = applyCalibration(fitted.params!, toProbability(rule, points));
    expect(Array.from(applyParamDocument(document, points).p)).toEqual(Array.from(expected));
    expect(applyParams(document, Array.from(points)).p).toEqual(Array.from(expected));
  });
});
