import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  SegmentedInput,
  SegmentedOutput,
  WalkForwardInput,
  WalkForwardOutput,
} from '../../../shared/api/calls/calibration-calls';
import { applySegmentedPlatt } from '../../../shared/analysis/segment-shrinkage';
import { applyCalibration } from '../../../shared/calibration/registry';
import { applyParamDocument } from '../../../shared/param-file/apply-param-document';
import {
  documentFromSegmented,
  documentFromWalkForward,
} from '../../../electron/engine/models/document-from-analysis';
import {
  readParamFile,
  sealParamDocument,
  writeParamFile,
} from '../../../electron/engine/param-file/param-file-io';
import { applyParams } from '../../../resources/reference/apply-params.mjs';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
let sample: SampleEngine;
let segmentedInput: SegmentedInput;
let segmented: SegmentedOutput;
let walkInput: WalkForwardInput;
let walk: WalkForwardOutput;

beforeAll(async () => {
  sample = await sampleEngine();
  const dataset = { id: sample.datasetId };
  segmentedInput = { dataset, segmentColumn: 'asset', minEvents: 40, testFraction: 0.25, seed: 4 };
  segmented = await sample.client.call('calibration.segmented', segmentedInput);
  walkInput = {
    dataset,
    method: { method: 'beta', options: {} },
    period: 'quarter',
    window: { kind: 'rolling', periods: 2 },
    initialPeriods: 2,
    filter: { timeRange: { from: null, to: Date.UTC(2025, 6, 1) } },
  };
  walk = await sample.client.call('calibration.walkForward', walkInput);
}, 120_000);

afterAll(() => sample?.close());

/** Every row's score and asset label, in dataset order, read back from a CSV the engine wrote. */
async function scoredRows(paramsPath: string) {
  const outPath = path.join(tempDir(), 'scored.csv');
  const applied = await sample.client.call('models.apply', {
    source: { paramsPath },
    dataset: { id: sample.datasetId },
    outPath,
  });
  const [header, ...lines] = fs.readFileSync(outPath, 'utf8').trimEnd().split('\n');
  const columns = header!.split(',');
  const cell = (line: string[], name: string) => line[columns.indexOf(name)]!;
  const cells = lines.map((line) => line.split(','));
  return {
    applied,
    score: cells.map((c) => Number(cell(c, 'score'))),
    asset: cells.map((c) => cell(c, 'asset')),
    calibrated: cells.map((c) => Number(cell(c, 'calibrated'))),
  };
}

describe('segmented parameter file round trip (fit, write, verify, apply)', () => {
  it('writes the fitted calibrator, and the engine, the file and the reference give identical numbers', async () => {
    const file = path.join(tempDir(), 'segmented.json');
    const { summary } = await sample.client.call('datasets.show', { id: sample.datasetId });
    const written = documentFromSegmented(summary, segmentedInput, segmented, new Date());
    writeParamFile(file, written);
    const read = readParamFile(file);
    expect(read).toEqual(written);
    expect(read.method).toBe('segmented-platt');
    expect(read.params).toEqual(segmented.params);
    expect(read.options).toEqual({ column: 'asset', minEvents: 40 });
    expect(read.provenance.validation).toEqual({ scheme: 'holdout', testFraction: 0.25, seed: 4 });
    expect(read.provenance.rows).toMatchObject({ used: 100_000, train: 75_000, test: 25_000 });
    expect(read.validationMetrics.calibrated.diagnostic).toEqual(segmented.test.segmented);
    expect(read.validationMetrics.uncalibrated?.diagnostic).toEqual(segmented.test.uncalibrated);

    // models.apply on the whole dataset: the scored CSV against the engine's own segmented map.
    const rows = await scoredRows(file);
    expect(rows.applied.method).toBe('segmented-platt');
    expect(rows.applied.rows.scored).toBe(100_000);
    const raw = Float64Array.from(rows.score);
    const engine = applySegmentedPlatt(segmented.params, raw, rows.asset);
    expect(rows.calibrated).toEqual(Array.from(engine));
    expect(Array.from(applyParamDocument(read, raw, rows.asset).p)).toEqual(Array.from(engine));
    const reference = applyParams(JSON.parse(fs.readFileSync(file, 'utf8')), rows.score, rows.asset);
    expect(reference.p).toEqual(Array.from(engine));
    // PEPE has a map of its own that differs from the global one.
    const pepe = rows.asset.indexOf('PEPE');
    expect(rows.calibrated[pepe]).not.toBe(
      applyCalibration(segmented.params.global, raw.subarray(pepe, pepe + 1))[0],
    );
  });

  it('refuses to score a dataset without the segment column, and to keep the file as a model', async () => {
    const file = path.join(tempDir(), 'segmented.json');
    const { summary } = await sample.client.call('datasets.show', { id: sample.datasetId });
    const document = documentFromSegmented(summary, segmentedInput, segmented, new Date());
    const onColumn = (column: string) => {
      const { contentHash: _hash, ...body } = document;
      writeParamFile(file, sealParamDocument({ ...body, params: { ...segmented.params, column } }));
      return sample.client.call('models.apply', {
        source: { paramsPath: file },
        dataset: { id: sample.datasetId },
      });
    };
    await expect(onColumn('desk')).rejects.toThrow(
      /has no column "desk"; the segmented parameter file picks/,
    );
    await expect(onColumn('leverage')).rejects.toThrow(
      /Column "leverage" is number; .* needs it as a category/,
    );
    writeParamFile(file, document);
    await expect(sample.client.call('models.importParams', { path: file, saveAs: 'seg' })).rejects.toThrow(
      /segmented-platt parameter file cannot be kept as a model/,
    );
  });
});

describe('walk-forward parameter file', () => {
  it('keeps the map of the last window with the pooled refit metrics and the walk-forward provenance', async () => {
    const file = path.join(tempDir(), 'walk.json');
    const { summary } = await sample.client.call('datasets.show', { id: sample.datasetId });
    writeParamFile(file, documentFromWalkForward(summary, walkInput, walk, new Date()));
    const read = readParamFile(file);
    expect(read.method).toBe('beta');
    expect(read.params).toEqual(walk.latestParams);
    expect(read.provenance.validation).toEqual({
      scheme: 'walk-forward',
      period: 'quarter',
      window: { kind: 'rolling', periods: 2 },
      initialPeriods: 2,
    });
    expect(read.provenance.filter).toEqual({
      timeRange: { from: null, to: Date.UTC(2025, 6, 1) },
      segments: [],
      ranges: [],
    });
    const last = walk.steps[walk.steps.length - 1]!;
    expect(read.provenance.rows.train).toBe(last.trainRows);
    expect(read.provenance.rows.test).toBe(walk.steps.reduce((sum, s) => sum + s.testRows, 0));
    expect(read.validationMetrics.calibrated).toEqual({ diagnostic: walk.pooled.refit, ci: null });
    expect(read.validationMetrics.uncalibrated).toEqual({ diagnostic: walk.pooled.uncalibrated, ci: null });
    const probabilities = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    const expected = Array.from(applyCalibration(walk.latestParams, probabilities));
    expect(Array.from(applyParamDocument(read, probabilities).p)).toEqual(expected);
    expect(applyParams(JSON.parse(fs.readFileSync(file, 'utf8')), Array.from(probabilities)).p).toEqual(
      expected,
    );
  });
});
