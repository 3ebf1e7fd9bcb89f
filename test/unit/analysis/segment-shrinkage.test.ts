import { describe, expect, it } from 'vitest';
import { applySegmentedPlatt, fitSegmentedPlatt } from '../../../shared/analysis/segment-shrinkage';
import { sigmoid, logit } from '../../../shared/numeric/logistic';
import { logLoss } from '../../../shared/metrics/log-loss';
import { createRandomStream } from '../../../shared/statistics/random';

/**
 * Five segments whose outcomes follow σ(-0.5 + 0.8·logit p); segment "odd" (small) follows
 * σ(0.7 + 0.8·logit p) instead: truly different, and small.
 */
function generate(seed: number) {
  const random = createRandomStream(seed, 0);
  const sizes = { A: 20_000, B: 15_000, C: 12_000, D: 10_000, odd: 1_500 };
  const labels = Object.keys(sizes);
  const n = Object.values(sizes).reduce((a, b) => a + b, 0);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  const segmentOf = new Int32Array(n);
  let i = 0;
  labels.forEach((label, s) => {
    for (let k = 0; k < sizes[label as keyof typeof sizes]; k++, i++) {
      const score = 0.01 + 0.5 * random.nextDouble();
      const shift = label === 'odd' ? 0.7 : -0.5;
      p[i] = score;
      y[i] = random.nextDouble() < sigmoid(shift + 0.8 * logit(score)) ? 1 : 0;
      segmentOf[i] = s;
    }
  });
  return { p, y, segmentOf, labels };
}

describe('segment calibration with shrinkage toward the global map', () => {
  const train = generate(1);
  const fit = fitSegmentedPlatt(train, train.segmentOf, train.labels, 'desk', 30);
  const segment = (label: string) => fit.segments.find((s) => s.label === label)!;

  it('lets the truly different small segment keep most of its own intercept', () => {
    const odd = segment('odd');
    expect(odd.map).toBe('own');
    expect(odd.shrinkage!.intercept).toBeGreaterThan(0.5);
    // Its map sits far above the global one, close to the truth 0.7 (global is near -0.4).
    expect(odd.params.intercept).toBeGreaterThan(fit.params.global.intercept + 0.6);
  });

  it('keeps the alike segments next to the global map', () => {
    for (const label of ['A', 'B', 'C', 'D']) {
      expect(Math.abs(segment(label).params.intercept - -0.5)).toBeLessThan(0.15);
    }
    // Their spread is noise, so their own estimates move further from -0.5 than the shrunk ones.
    const ownError = ['A', 'B', 'C', 'D'].reduce(
      (sum, l) => sum + Math.abs(segment(l).raw!.intercept + 0.5),
      0,
    );
    const shrunkError = ['A', 'B', 'C', 'D'].reduce(
      (sum, l) => sum + Math.abs(segment(l).params.intercept + 0.5),
      0,
    );
    expect(shrunkError).toBeLessThanOrEqual(ownError + 1e-12);
  });

  it('beats the global map out of sample on the different segment, and overall', () => {
    const test = generate(2);
    const labelsOfRows = Array.from(test.segmentOf, (s) => test.labels[s] ?? null);
    const segmented = applySegmentedPlatt(fit.params, test.p, labelsOfRows);
    const global = applySegmentedPlatt({ ...fit.params, segments: {} }, test.p, labelsOfRows);
    const oddRows = Uint32Array.from(Array.from(test.segmentOf).flatMap((s, i) => (s === 4 ? [i] : [])));
    const pick = (a: Float64Array) => Float64Array.from(oddRows, (i) => a[i] as number);
    const oddY = Uint8Array.from(oddRows, (i) => test.y[i] as number);
    expect(logLoss(pick(segmented), oddY)!).toBeLessThan(logLoss(pick(global), oddY)! - 0.01);
    expect(logLoss(segmented, test.y)!).toBeLessThan(logLoss(global, test.y)!);
  });

  it('gives a segment below the minimum number of events the global map', () => {
    const strict = fitSegmentedPlatt(train, train.segmentOf, train.labels, 'desk', 5_000);
    const odd = strict.segments.find((s) => s.label === 'odd')!;
    expect(odd.map).toBe('global');
    expect(odd.params).toEqual(strict.params.global);
    expect(strict.params.segments.odd).toBeUndefined();
  });

  it('sends unseen segments and missing labels through the global map', () => {
    const p = Float64Array.of(0.1, 0.2);
    const out = applySegmentedPlatt(fit.params, p, ['never-seen', null]);
    const global = fit.params.global;
    expect(out[0]).toBeCloseTo(sigmoid(global.intercept + global.slope * logit(0.1)), 14);
    expect(out[1]).toBeCloseTo(sigmoid(global.intercept + global.slope * logit(0.2)), 14);
  });
});
