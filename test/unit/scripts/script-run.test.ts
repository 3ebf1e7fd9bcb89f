import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptRunResult } from '../../../shared/api/calls/script-calls';
import { encodeBinaryArray } from '../../../shared/scripting/binary-array';
import type { ScriptData, ScriptSelection } from '../../../shared/scripting/script-data';
import { diagnosticTask } from '../../../electron/engine/workers/analysis-tasks';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';
import { useTempDirs } from '../../helpers/temp-dir';
import {
  LEVERAGE_SCRIPT,
  columnOf,
  decodeF64,
  decodeI32,
  decodeU8,
  emptyEngine,
  fitReport,
  importSmall,
  testIndices,
  type SmallEngine,
} from './script-test-kit';

const tempDir = useTempDirs();
let sample: SampleEngine;
let data: ScriptData;
let scriptId: number;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
/** The "fitted" formula of LEVERAGE_SCRIPT with a = -2.5, b = 0.8 (the engine never runs it; the test does). */
const formula = (leverage: number) => logistic(-2.5 + 0.8 * Math.log(leverage));

beforeAll(async () => {
  sample = await sampleEngine();
  scriptId = (await sample.client.call('scripts.save', { name: 'leverage', source: LEVERAGE_SCRIPT })).summary
    .id;
  data = await sample.client.call('scripts.data', {
    dataset: { id: sample.datasetId },
    columns: ['leverage', 'asset'],
  });
}, 120_000);
afterAll(() => sample?.close());

const selection = (): ScriptSelection => ({
  dataset: { id: sample.datasetId },
  columns: ['leverage', 'asset'],
});

function scores() {
  const leverage = decodeF64(columnOf(data, 'leverage').values);
  const baseline = Float64Array.from(leverage, formula);
  const stressed = Float64Array.from(leverage, (l) => formula(l * 1.5));
  const test = Float64Array.from(testIndices(data), (k) => baseline[k]!);
  return { baseline, stressed, test };
}

/** Every number in `actual` within `tolerance` (relative, floor 1e-300) of the same path in `expected`. */
function expectDeepClose(actual: unknown, expected: unknown, tolerance: number, where = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const error = Math.abs(actual - expected);
    expect(
      error <= tolerance * Math.max(Math.abs(expected), 1e-300) || actual === expected,
      `${where}: ${actual} vs ${expected}`,
    ).toBe(true);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, where).toEqual(expected);
    return;
  }
  const keys = Object.keys(expected as object);
  expect(Object.keys(actual as object).sort(), where).toEqual([...keys].sort());
  for (const key of keys) {
    expectDeepClose(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      tolerance,
      `${where}.${key}`,
    );
  }
}

describe('scripts.saveRun', () => {
  let result: ScriptRunResult;
  let run: ReturnType<typeof scores>;

  beforeAll(async () => {
    run = scores();
    result = await sample.client.call('scripts.saveRun', {
      script: { id: scriptId },
      version: 1,
      selection: selection(),
      fit: fitReport(data.rows.train),
      testScores: encodeBinaryArray(run.test),
      scenario: { baseline: encodeBinaryArray(run.baseline), stressed: encodeBinaryArray(run.stressed) },
    });
  }, 120_000);

  it('measures the script with the diagnostic every analysis uses', () => {
    const isTest = decodeU8(data.isTest);
    const y = decodeU8(data.outcome).filter((_, k) => isTest[k] === 1);
    const expected = diagnosticTask({ p: run.test, y, options: { bins: 10, binning: 'uniform' } });
    expect(result.test.rows).toBe(data.rows.test);
    expect(result.test.script.diagnostic.n).toBe(data.rows.test);
    expectDeepClose(result.test.script.diagnostic, expected.diagnostic, 1e-12);
    expectDeepClose(result.test.script.roc, expected.roc, 1e-12);
    expect(result.test.script.ci).toBeNull();
  });

  it('measures the production score on the same test rows as calibration.run measures the raw score', async () => {
    const calibrated = await sample.client.call('calibration.run', {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'platt', options: {} }],
    });
    const raw = calibrated.results.find((r) => r.method === 'uncalibrated')!;
    expect(result.test.production?.column).toBe('score');
    expectDeepClose(result.test.production!.diagnostic, raw.test, 1e-12);
  });

  it('sums the scenario overall and per segment value', () => {
    const y = decodeU8(data.outcome);
    const assetColumn = columnOf(data, 'asset');
    const asset = decodeI32(assetColumn.values);
    const sums = (keep: (k: number) => boolean) => {
      let n = 0;
      let observed = 0;
      let baseline = 0;
      let stressed = 0;
      for (let k = 0; k < y.length; k++) {
        if (!keep(k)) continue;
        n++;
        observed += y[k]!;
        baseline += run.baseline[k]!;
        stressed += run.stressed[k]!;
      }
      return { n, observed, baseline, stressed };
    };
    const scenario = result.scenario!;
    expect(scenario.name).toBe('leverage x 1.5');
    const all = sums(() => true);
    expect(scenario.overall).toMatchObject({
      segment: 'all',
      n: data.rows.used,
      observedEvents: all.observed,
    });
    expect(scenario.overall.baselineEvents).toBeCloseTo(all.baseline, 8);
    expect(scenario.overall.stressedEvents).toBeCloseTo(all.stressed, 8);
    expect(scenario.overall.ratio).toBeCloseTo(all.stressed / all.baseline, 12);
    expect(scenario.overall.observedRate).toBeCloseTo(all.observed / all.n, 12);
    expect(scenario.overall.ratio!).toBeGreaterThan(1);

    expect(scenario.bySegment.map((t) => t.column)).toEqual(['asset', 'side']);
    const byAsset = scenario.bySegment[0]!.rows;
    expect(byAsset.reduce((sum, r) => sum + r.n, 0)).toBe(data.rows.used);
    for (const row of byAsset) {
      const code = assetColumn.dictionary!.indexOf(row.segment);
      const own = sums((k) => asset[k] === code);
      expect(row.n, row.segment).toBe(own.n);
      expect(row.observedEvents).toBe(own.observed);
      expect(row.baselineEvents).toBeCloseTo(own.baseline, 9);
      expect(row.stressedEvents).toBeCloseTo(own.stressed, 9);
      expect(row.baselineRate).toBeCloseTo(own.baseline / own.n, 12);
      expect(row.stressedRate).toBeCloseTo(own.stressed / own.n, 12);
    }
  });

  it('keeps the run as a script model whose parameter file verifies and carries the source', async () => {
    const { client } = sample;
    const datasetName = data.datasetName;
    expect(result.model).toMatchObject({
      name: `leverage v1 on ${datasetName}`,
      method: 'script',
      origin: 'run',
      datasetId: sample.datasetId,
      scoreColumn: 'score',
      outcomeColumn: 'liquidated',
      options: { objective: 'logloss', optimizer: 'auto' },
      validation: { scheme: 'holdout', testFraction: 0.3, seed: 1 },
      hasIntervals: false,
    });
    expect(result.model.metrics.brier).toBe(result.test.script.diagnostic.brier);
    expect((await client.call('models.list', {})).models.map((m) => m.method)).toContain('script');

    const details = await client.call('models.get', { id: result.model.id });
    const doc = details.document;
    expect(doc.method).toBe('script');
    expect(doc.params).toEqual({
      method: 'script',
      values: { a: -2.5, b: 0.8 },
      standardErrors: { a: 0.04, b: null },
      init: { a: -3, b: 0.5 },
      bounds: { a: { lower: null, upper: null }, b: { lower: 0, upper: 5 } },
    });
    expect(doc.script).toMatchObject({
      language: 'typescript',
      name: 'leverage',
      version: 1,
      source: LEVERAGE_SCRIPT,
      fittedValues: { a: -2.5, b: 0.8 },
      objective: 'logloss',
      scenario: 'leverage x 1.5',
      fit: { status: 'converged', converged: true, method: 'lbfgsb', iterations: 12, fallback: null },
    });
    expect(doc.validationMetrics.calibrated.diagnostic).toEqual(result.test.script.diagnostic);
    expect(doc.validationMetrics.uncalibrated?.diagnostic).toEqual(result.test.production!.diagnostic);
    expect(doc.provenance.rows).toMatchObject({
      used: data.rows.used,
      train: data.rows.train,
      test: data.rows.test,
    });
    expect(details.request).toMatchObject({ kind: 'script-run', version: 1 });

    const dir = tempDir();
    const file = path.join(dir, 'script.json');
    await client.call('models.exportParams', { model: { id: result.model.id }, path: file });
    const verdict = await client.call('models.verifyParams', { path: file });
    expect(verdict).toMatchObject({ ok: true, failedCheck: null });
    expect(readParamFile(file).script?.source).toBe(LEVERAGE_SCRIPT);
    const imported = await client.call('models.importParams', { path: file, saveAs: 'from the file' });
    expect(imported.model).toMatchObject({ method: 'script', origin: 'file', scoreColumn: 'score' });

    // The content hash covers the source; so does the script's own hash.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('Math.log(row.leverage)', 'Math.log1p(row.leverage)'));
    expect(await client.call('models.verifyParams', { path: file })).toMatchObject({
      ok: false,
      failedCheck: 'hash',
    });
  });

  it('refuses to apply a script model to rows, but reports, renames and deletes it', async () => {
    const { client } = sample;
    const message = expect.stringContaining("script models run only in the workbench's sandbox");
    await expect(
      client.call('models.apply', {
        source: { model: { id: result.model.id } },
        dataset: { id: sample.datasetId },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', message });
    const dir = tempDir();
    await expect(
      client.call('models.apply', {
        source: { model: { id: result.model.id } },
        dataset: { id: sample.datasetId },
        outPath: path.join(dir, 'scored.csv'),
      }),
    ).rejects.toMatchObject({ message });
    expect(fs.existsSync(path.join(dir, 'scored.csv'))).toBe(false);

    const report = path.join(dir, 'report.html');
    const written = await client.call('models.report', {
      sources: [{ model: { id: result.model.id } }],
      path: report,
    });
    expect(written.datasetsFound).toEqual([false]);
    const html = fs.readFileSync(report, 'utf8');
    expect(html).toContain('Script leverage v1');
    expect(html).toContain('Production score score');
    expect(html).toContain('stats.logistic(p.a + p.b * Math.log(row.leverage))');

    const renamed = await client.call('models.rename', {
      model: { id: result.model.id },
      newName: 'lev final',
    });
    expect(renamed.method).toBe('script');
  });

  it('names a second run of the same version uniquely, and a deleted script leaves its models', async () => {
    const { client } = sample;
    const input = {
      script: { name: 'leverage' },
      version: 1,
      selection: selection(),
      fit: fitReport(data.rows.train),
      testScores: encodeBinaryArray(run.test),
      scenario: null,
      bootstrap: { resamples: 20, seed: 3 },
    };
    const base = `leverage v1 on ${data.datasetName}`;
    await client.call('models.rename', { model: { name: 'lev final' }, newName: base });
    const second = await client.call('scripts.saveRun', input);
    expect(second.model.name).toBe(`${base} (2)`);
    expect(second.scenario).toBeNull();
    expect(second.test.script.ci).not.toBeNull();
    expect(second.model.hasIntervals).toBe(true);
    await expect(client.call('scripts.saveRun', { ...input, name: base })).rejects.toMatchObject({
      code: 'conflict',
    });

    // The bootstrap is the analyses' own: the production score's intervals equal calibration.run's.
    const calibrated = await client.call('calibration.run', {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'platt', options: {} }],
      bootstrap: { resamples: 20, seed: 3 },
    });
    expectDeepClose(second.test.production!.ci, calibrated.results[0]!.ci, 1e-12);

    await client.call('scripts.delete', { script: { name: 'leverage' } });
    const kept = await client.call('models.get', { id: second.model.id });
    expect(kept.document.script?.source).toBe(LEVERAGE_SCRIPT);
    await expect(client.call('scripts.saveRun', input)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('scripts.saveRun refusals', () => {
  const base = () => {
    const run = scores();
    return {
      script: { name: 'checked' },
      version: 1,
      selection: selection(),
      fit: fitReport(data.rows.train),
      testScores: encodeBinaryArray(run.test),
      scenario: { baseline: encodeBinaryArray(run.baseline), stressed: encodeBinaryArray(run.stressed) },
    };
  };
  beforeAll(async () => {
    await sample.client.call('scripts.save', { name: 'checked', source: LEVERAGE_SCRIPT });
  });
  const refused = (input: ReturnType<typeof base>, message: string | RegExp) =>
    expect(sample.client.call('scripts.saveRun', input)).rejects.toMatchObject({
      code: expect.stringMatching(/invalid-input|not-found/),
      message:
        typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    });

  it('refuses scores of the wrong length, type or range, naming the first bad index', async () => {
    const run = scores();
    await refused(
      { ...base(), testScores: encodeBinaryArray(run.test.subarray(1)) },
      `testScores holds ${data.rows.test - 1} values, but the selection has ${data.rows.test} test rows`,
    );
    const bad = run.test.slice();
    bad[7] = 1.25;
    bad[9] = Number.NaN;
    await refused(
      { ...base(), testScores: encodeBinaryArray(bad) },
      'testScores[7] = 1.25 is not a probability',
    );
    bad[7] = 0.5;
    await refused(
      { ...base(), testScores: encodeBinaryArray(bad) },
      'testScores[9] = NaN is not a probability',
    );
    await refused(
      { ...base(), testScores: encodeBinaryArray(new Int32Array(data.rows.test)) },
      'testScores must be float64 probabilities',
    );
    const stressed = run.stressed.slice();
    stressed[3] = -0.1;
    await refused(
      {
        ...base(),
        scenario: { baseline: encodeBinaryArray(run.baseline), stressed: encodeBinaryArray(stressed) },
      },
      'scenario.stressed[3] = -0.1',
    );
    await refused(
      {
        ...base(),
        scenario: { baseline: encodeBinaryArray(run.test), stressed: encodeBinaryArray(run.stressed) },
      },
      `scenario.baseline holds ${data.rows.test} values, but the selection has ${data.rows.used} used rows`,
    );
    const truncated = encodeBinaryArray(run.test);
    await refused(
      { ...base(), testScores: { ...truncated, base64: truncated.base64.slice(0, -8) } },
      'cannot be decoded',
    );
  });

  it('refuses an inconsistent fit report and an unknown version', async () => {
    const fit = fitReport(data.rows.train);
    await refused({ ...base(), fit: { ...fit, trainRows: 5 } }, 'The fit report says 5 training rows');
    await refused(
      { ...base(), fit: { ...fit, params: [fit.params[0]!, fit.params[0]!] } },
      'parameter "a" is listed twice',
    );
    await refused(
      { ...base(), fit: { ...fit, params: [fit.params[0]!, { ...fit.params[1]!, value: 7 }] } },
      'parameter "b" = 7 lies outside its bounds [0, 5]',
    );
    await refused({ ...base(), version: 2 }, 'Script "checked" has no version 2');
    // A different selection is a different split: the fit's training rows no longer match.
    await refused(
      {
        ...base(),
        selection: { ...selection(), validation: { scheme: 'holdout', testFraction: 0.5, seed: 1 } },
      },
      /training rows|test rows/,
    );
  });
});

describe('a script run without a production score, with weights and a time split', () => {
  let small: SmallEngine;
  let smallId: number;
  beforeAll(async () => {
    small = emptyEngine();
    smallId = await importSmall(small);
    await small.client.call('scripts.save', { name: 'x script', source: 'export default defineScript({});' });
  }, 60_000);
  afterAll(() => small?.close());

  it('keeps the production comparison null and weights the scenario sums', async () => {
    const sel = {
      dataset: { id: smallId },
      outcomeColumn: 'y',
      weightColumn: 'w',
      validation: { scheme: 'time' as const, splitAt: Date.UTC(2024, 1, 1) },
      columns: ['x'],
    };
    const smallData = await small.client.call('scripts.data', sel);
    const used = smallData.rows.used;
    const baseline = Float64Array.from({ length: used }, (_, k) => (k + 1) / (used + 2));
    const stressed = baseline.map((p) => Math.min(1, p * 2));
    const test = Float64Array.from(testIndices(smallData), (k) => baseline[k]!);
    const result = await small.client.call('scripts.saveRun', {
      script: { name: 'x script' },
      version: 1,
      selection: sel,
      fit: fitReport(smallData.rows.train, { scenario: null }),
      testScores: encodeBinaryArray(test),
      scenario: { baseline: encodeBinaryArray(baseline), stressed: encodeBinaryArray(stressed) },
      name: 'small run',
    });
    expect(result.test.production).toBeNull();
    expect(result.model).toMatchObject({
      name: 'small run',
      scoreColumn: null,
      validation: { scheme: 'time' },
    });
    const doc = (await small.client.call('models.get', { name: 'small run' })).document;
    expect(doc.provenance.columns).toEqual({ score: null, outcome: 'y', weight: 'w' });
    expect(doc.scoreInput).toEqual({ kind: 'probability' });
    expect(doc.validationMetrics.uncalibrated).toBeNull();
    expect(doc.provenance.validation).toEqual({ scheme: 'time', splitAt: '2024-02-01T00:00:00.000Z' });

    const y = decodeU8(smallData.outcome);
    const w = decodeF64(smallData.weight!);
    let weight = 0;
    let observed = 0;
    let expectedBaseline = 0;
    let expectedStressed = 0;
    for (let k = 0; k < used; k++) {
      weight += w[k]!;
      observed += w[k]! * y[k]!;
      expectedBaseline += w[k]! * baseline[k]!;
      expectedStressed += w[k]! * stressed[k]!;
    }
    const overall = result.scenario!.overall;
    expect(result.scenario!.name).toBe('scenario');
    expect(overall.n).toBe(used);
    expect(overall.observedEvents).toBe(observed);
    expect(overall.baselineEvents).toBeCloseTo(expectedBaseline, 12);
    expect(overall.stressedEvents).toBeCloseTo(expectedStressed, 12);
    expect(overall.observedRate).toBeCloseTo(observed / weight, 12);
    const desk = result.scenario!.bySegment[0]!;
    expect(desk.column).toBe('desk');
    expect(desk.rows.map((r) => r.segment)).toEqual(['FX', 'RATES', 'EQ', '(missing)']);
    expect(desk.rows.reduce((sum, r) => sum + r.n, 0)).toBe(used);
  });
});
