import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalibrateInput, CalibrateOutput } from '../../../shared/api/calls/calibration-calls';
import { applyCalibration, type CalibrationParams } from '../../../shared/calibration/registry';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const JULY_2024 = Date.UTC(2024, 6, 1);
let sample: SampleEngine;
let input: CalibrateInput;
let output: CalibrateOutput;

beforeAll(async () => {
  sample = await sampleEngine();
  input = {
    dataset: { id: sample.datasetId },
    filter: { timeRange: { from: null, to: JULY_2024 } },
    methods: [
      { method: 'isotonic', options: {} },
      { method: 'venn-abers', options: {} },
      { method: 'platt', options: { targets: 'platt' } },
    ],
    validation: { scheme: 'holdout', testFraction: 0.3, seed: 2 },
    bootstrap: { resamples: 30, seed: 4 },
  };
  output = await sample.client.call('calibration.run', input);
}, 120_000);

afterAll(() => sample?.close());

describe('saved models', () => {
  it('saves, lists newest first, gets, renames and deletes', async () => {
    const { client } = sample;
    const first = await client.call('models.save', {
      name: 'iso H1',
      run: { input, output },
      method: 'isotonic',
    });
    const second = await client.call('models.save', {
      name: 'platt H1',
      run: { input, output },
      method: 'platt',
    });
    expect(first).toMatchObject({
      name: 'iso H1',
      method: 'isotonic',
      datasetId: sample.datasetId,
      origin: 'run',
      hasIntervals: true,
      validation: { scheme: 'holdout', testFraction: 0.3, seed: 2 },
      filter: { timeRange: { from: null, to: JULY_2024 }, segments: [], ranges: [] },
      scoreColumn: 'score',
      outcomeColumn: 'liquidated',
    });
    expect(first.metrics.ece).toBe(output.results[1]!.test.ece);
    expect(second.options).toEqual({ targets: 'platt' });

    const listed = await client.call('models.list', {});
    expect(listed.models.map((m) => m.name).slice(0, 2)).toEqual(['platt H1', 'iso H1']);

    const details = await client.call('models.get', { name: 'iso H1' });
    expect(details.document.params).toEqual(output.results[1]!.params);
    expect(details.request).toMatchObject({ validation: { scheme: 'holdout' } });

    await expect(
      client.call('models.save', { name: 'iso H1', run: { input, output }, method: 'isotonic' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"iso H1" already exists'),
    });
    await expect(
      client.call('models.rename', { model: { id: second.id }, newName: 'iso H1' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const renamed = await client.call('models.rename', {
      model: { id: second.id },
      newName: 'platt smoothed',
    });
    expect(renamed.name).toBe('platt smoothed');
    const { deleted } = await client.call('models.delete', { model: { name: 'platt smoothed' } });
    expect(deleted.id).toBe(second.id);
    await expect(client.call('models.get', { id: second.id })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a result the run does not hold', async () => {
    await expect(
      sample.client.call('models.save', { name: 'x', run: { input, output }, method: 'beta' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('no fitted beta result'),
    });
  });

  it('exports the stored document byte for byte the same each time, and imports it back', async () => {
    const { client } = sample;
    await client.call('models.save', { name: 'va H1', run: { input, output }, method: 'venn-abers' });
    const dir = tempDir();
    const a = await client.call('models.exportParams', {
      model: { name: 'va H1' },
      path: path.join(dir, 'a.json'),
    });
    const b = await client.call('models.exportParams', {
      model: { name: 'va H1' },
      path: path.join(dir, 'b.json'),
    });
    expect(fs.readFileSync(a.path, 'utf8')).toBe(fs.readFileSync(b.path, 'utf8'));
    expect(readParamFile(a.path).contentHash.value).toBe(a.contentHash);

    const verified = await client.call('models.verifyParams', { path: a.path });
    expect(verified).toMatchObject({
      ok: true,
      failedCheck: null,
      passed: ['json', 'format', 'version', 'schema', 'hash'],
    });
    const imported = await client.call('models.importParams', { path: a.path, saveAs: 'va imported' });
    expect(imported.model).toMatchObject({
      origin: 'file',
      datasetId: sample.datasetId,
      contentHash: a.contentHash,
    });

    fs.writeFileSync(b.path, fs.readFileSync(b.path, 'utf8').replace('"version": 1', '"version": 99'));
    expect(await client.call('models.verifyParams', { path: b.path })).toMatchObject({
      ok: false,
      failedCheck: 'version',
      message: 'version 99 is not supported (this Scorecal reads version 1)',
    });
    await expect(client.call('models.importParams', { path: b.path })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('version 99 is not supported'),
    });
  });

  it('applies a model to new rows: scored CSV with the interval, and drift monitoring', async () => {
    const { client } = sample;
    const out = path.join(tempDir(), 'scored.csv');
    const applied = await client.call('models.apply', {
      source: { model: { name: 'va H1' } },
      dataset: { id: sample.datasetId },
      filter: { timeRange: { from: JULY_2024, to: null } },
      outPath: out,
      column: 'p_cal',
    });
    expect(applied.output?.columns).toEqual(['p_cal', 'p_cal_p0', 'p_cal_p1']);
    expect(applied.rows.scored).toBe(applied.rows.afterFilter);
    expect(applied.rows.monitored).toBe(applied.rows.scored);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(applied.rows.scored + 1);
    const header = lines[0]!.split(',');
    expect(header.slice(-3)).toEqual(['p_cal', 'p_cal_p0', 'p_cal_p1']);
    const first = lines[1]!.split(',');
    const cell = (name: string) => first[header.indexOf(name)]!;
    expect(cell('opened_at')).toMatch(/^2024-0[7-9]-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(['BTC', 'ETH', 'SOL', 'DOGE', 'AVAX', 'LINK', 'XRP', 'ADA']).toContain(cell('asset'));
    const details = await client.call('models.get', { name: 'va H1' });
    // Saved models are single calibrators, never segmented files.
    const expected = applyCalibration(
      details.document.params as CalibrationParams,
      Float64Array.of(Number(cell('score'))),
    )[0];
    expect(Number(cell('p_cal'))).toBe(expected);
    expect(Number(cell('p_cal_p0'))).toBeLessThanOrEqual(Number(cell('p_cal')));
    expect(Number(cell('p_cal_p1'))).toBeGreaterThanOrEqual(Number(cell('p_cal')));

    const monitoring = applied.monitoring!;
    expect(monitoring.checks.map((c) => c.id)).toEqual(['calibration-in-the-large', 'ece', 'auc']);
    expect(monitoring.diagnostic.n).toBe(applied.rows.monitored);
    expect(monitoring.training).toEqual(details.document.validationMetrics.calibrated.diagnostic);
    expect(['green', 'yellow', 'red']).toContain(monitoring.light);
    const ece = monitoring.checks.find((c) => c.id === 'ece')!;
    expect(ece.reference).toBe(details.document.validationMetrics.calibrated.ci!.ece![1]);
  });

  it('refuses to overwrite an existing column name', async () => {
    await expect(
      sample.client.call('models.apply', {
        source: { model: { name: 'iso H1' } },
        dataset: { id: sample.datasetId },
        outPath: path.join(tempDir(), 'x.csv'),
        column: 'score',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('already has a column "score"') });
  });

  it('reports a model with segment and monthly tables, and a comparison', async () => {
    const { client } = sample;
    const file = path.join(tempDir(), 'report.html');
    const report = await client.call('models.report', {
      sources: [{ model: { name: 'iso H1' } }],
      path: file,
    });
    expect(report.charts).toEqual(['reliability', 'histogram', 'roc']);
    expect(report.datasetsFound).toEqual([true]);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('Over time (by month)');
    expect(html).toContain('2024-03');
    expect(html).toContain('the holdout test rows (30 %, seed 2)');

    const comparison = await client.call('models.report', {
      sources: [{ model: { name: 'iso H1' } }, { model: { name: 'va H1' } }],
      path: file,
      title: 'Isotonic vs Venn-ABERS',
    });
    expect(comparison.charts[0]).toBe('reliability');
    expect(fs.readFileSync(file, 'utf8')).toContain('<h2>Comparison</h2>');
  });

  it('keeps models when their dataset is deleted; the report says the tables are unavailable', async () => {
    const { client } = sample;
    await client.call('datasets.delete', { dataset: { id: sample.datasetId } });
    const model = (await client.call('models.list', {})).models.find((m) => m.name === 'iso H1')!;
    expect(model.datasetId).toBeNull();
    expect(model.datasetName).toBe('Liquidations sample');
    const file = path.join(tempDir(), 'report.html');
    const report = await client.call('models.report', { sources: [{ model: { id: model.id } }], path: file });
    expect(report.datasetsFound).toEqual([false]);
    expect(report.charts).toEqual(['reliability', 'histogram']);
    expect(fs.readFileSync(file, 'utf8')).toContain('Unavailable: the dataset');
  });
});
