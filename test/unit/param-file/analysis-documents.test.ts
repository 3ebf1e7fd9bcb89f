import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plattCalibrator } from '../../../shared/calibration/platt';
import type { SegmentedPlattParams } from '../../../shared/analysis/segment-shrinkage';
import { applyParamDocument, MissingSegmentsError } from '../../../shared/param-file/apply-param-document';
import { verifyParamText } from '../../../shared/param-file/verify-param-text';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { sha256Hex } from '../../../electron/engine/param-file/sha256-hex';
import { applyParams, hashedText } from '../../../resources/reference/apply-params.mjs';

/**
 * The segmented and walk-forward fixtures (make-analysis-fixtures.ts, fitted by the engine) against
 * both reference evaluators: the JavaScript one run here, the Python one through the values
 * make_python_reference.py committed, so no Python is needed at test time.
 */
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'param-file');
const DOCUMENTS = path.join(FIXTURES, 'analysis-documents');
type Rows = Record<string, { scores: number[]; segments: (string | null)[] }>;
const rows = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'analysis-rows.json'), 'utf8')) as Rows;
const python = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'python-reference.json'), 'utf8')) as {
  analysis: Record<string, { contentHash: string; scores: string; p: number[] }>;
};
const names = fs.readdirSync(DOCUMENTS).sort();

function expectClose(actual: ArrayLike<number>, expected: number[]) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12);
}

describe('segmented and walk-forward parameter files', () => {
  it('cover a segmented file per score rule and a walk-forward file', () => {
    expect(names).toEqual([
      'segmented-platt-logit.json',
      'segmented-platt-points.json',
      'segmented-platt-probability.json',
      'walk-forward-platt-logit.json',
    ]);
    expect(Object.keys(python.analysis).sort()).toEqual(names);
  });

  it.each(names)('%s: the engine, the JavaScript and the Python reference agree', (name) => {
    const file = path.join(DOCUMENTS, name);
    const document = readParamFile(file);
    const reference = python.analysis[name]!;
    expect(reference.contentHash).toBe(document.contentHash.value);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof applyParams>[0] &
      Record<string, unknown>;
    expect(sha256Hex(hashedText(parsed))).toBe(document.contentHash.value);
    const { scores, segments } = rows[reference.scores]!;
    const labels = document.method === 'segmented-platt' ? segments : undefined;
    const engine = applyParamDocument(document, Float64Array.from(scores), labels);
    expectClose(engine.p, reference.p);
    // The JavaScript reference does the engine's arithmetic in the engine's order: bit for bit.
    expect(applyParams(parsed, scores, labels).p).toEqual(Array.from(engine.p));
  });

  it('sends each row to its segment map, and a missing, unknown or too-small segment to the global map', () => {
    const document = readParamFile(path.join(DOCUMENTS, 'segmented-platt-probability.json'));
    const params = document.params as SegmentedPlattParams;
    expect(Object.keys(params.segments).sort()).toEqual(['Crédit, EU', 'FX', 'Rates']);
    const { scores, segments } = rows.probability!;
    const raw = Float64Array.from(scores);
    const applied = applyParamDocument(document, raw, segments).p;
    const global = plattCalibrator.apply(params.global, raw);
    for (let i = 0; i < raw.length; i++) {
      const label = segments[i];
      const own = label === 'Rates' || label === 'FX' || label === 'Crédit, EU';
      const expected = own
        ? plattCalibrator.apply(params.segments[label]!, raw.subarray(i, i + 1))[0]
        : global[i];
      // "constructor", "__proto__" and "toString" are names every object has, not segment maps.
      expect(applied[i], `row ${i} (${String(label)})`).toBe(expected);
    }
  });

  it('refuses to apply a segmented file without the segments of the rows', () => {
    const document = readParamFile(path.join(DOCUMENTS, 'segmented-platt-logit.json'));
    expect(() => applyParamDocument(document, Float64Array.of(0.5))).toThrow(MissingSegmentsError);
    expect(() => applyParamDocument(document, Float64Array.of(0.5, 1), ['FX'])).toThrow(
      /1 segment labels for 2/,
    );
    const parsed = JSON.parse(
      fs.readFileSync(path.join(DOCUMENTS, 'segmented-platt-logit.json'), 'utf8'),
    ) as Parameters<typeof applyParams>[0];
    expect(() => applyParams(parsed, [0.5])).toThrow(/needs each row's segment \(column "desk"\)/);
  });

  it('records the walk-forward and keeps the pooled refit metrics as the validation metrics', () => {
    const document = readParamFile(path.join(DOCUMENTS, 'walk-forward-platt-logit.json'));
    expect(document.provenance.validation).toEqual({
      scheme: 'walk-forward',
      period: 'quarter',
      window: { kind: 'rolling', periods: 2 },
      initialPeriods: 1,
    });
    expect(document.validationMetrics.bootstrap).toEqual({ resamples: 20, seed: 3, level: 0.9 });
    expect(document.validationMetrics.calibrated.ci).not.toBeNull();
    expect(document.provenance.rows.test).toBe(document.validationMetrics.calibrated.diagnostic.n);
    expect(document.provenance.rows.train).toBeLessThan(document.provenance.rows.used);
  });

  it('refuses a segmented file whose segment maps are not Platt maps (schema)', () => {
    const text = fs.readFileSync(path.join(DOCUMENTS, 'segmented-platt-logit.json'), 'utf8');
    const document = JSON.parse(text) as { params: { segments: Record<string, { method: string }> } };
    document.params.segments.FX!.method = 'beta';
    const verdict = verifyParamText(JSON.stringify(document), sha256Hex);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.failedCheck).toBe('schema');
    expect(!verdict.ok && verdict.message).toMatch(/field params\.segments\.FX\.method/);
  });
});
