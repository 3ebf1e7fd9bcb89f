import { describe, expect, it } from 'vitest';
import { histogramCalibrator } from '../../../shared/calibration/histogram';
import { calibrationData, datasets } from './fixture-data';
import { expectAllRelativeClose } from './expect-close';

describe('histogram binning', () => {
  for (const d of datasets) {
    for (const reference of d.histogram) {
      const label = `${reference.binning} ×${reference.bins}${reference.prior ? ' with Beta(1, 3) prior' : ''}`;
      it(`matches the NumPy reference (${label}) on ${d.name}`, () => {
        const params = histogramCalibrator.fit(calibrationData(d), {
          bins: reference.bins,
          binning: reference.binning,
          ...(reference.prior ? { prior: reference.prior } : {}),
        });
        expectAllRelativeClose(params.edges, reference.edges, 1e-15, 'edges');
        expectAllRelativeClose(params.binWeights, reference.binWeights, 1e-12, 'bin weights');
        expectAllRelativeClose(params.binEventWeights, reference.binEventWeights, 1e-12, 'bin event weights');
        expectAllRelativeClose(params.probabilities, reference.probabilities, 1e-12, 'bin probabilities');
      });
    }
  }

  it('smooths with the Beta posterior mean (Σwy + α)/(Σw + α + β) and puts edge values in the lower bin', () => {
    const p = Float64Array.from([0.1, 0.2, 0.5, 0.6, 0.9, 0.95]);
    const y = Uint8Array.from([0, 1, 1, 0, 1, 1]);
    const w = Float64Array.from([1, 2, 1, 1, 0.5, 0.5]);
    const params = histogramCalibrator.fit({ p, y, w }, { bins: 2, prior: { alpha: 2, beta: 6 } });
    // Bin (−, 0.5]: weights 1 + 2 + 1, events 2 + 1; bin (0.5, +]: weights 1 + 0.5 + 0.5, events 1.
    expect(params.probabilities).toEqual([(3 + 2) / (4 + 8), (1 + 2) / (2 + 8)]);
    const out = histogramCalibrator.apply(params, Float64Array.from([0, 0.5, 0.5000001, 1]));
    expect(Array.from(out)).toEqual([5 / 12, 5 / 12, 3 / 10, 3 / 10]);
  });

  it('gives an empty bin without a prior the overall event rate', () => {
    const p = Float64Array.from([0.05, 0.1, 0.95]);
    const y = Uint8Array.from([0, 1, 1]);
    const params = histogramCalibrator.fit({ p, y }, { bins: 4 });
    expect(params.binWeights).toEqual([2, 0, 0, 1]);
    expect(params.probabilities).toEqual([0.5, 2 / 3, 2 / 3, 1]);
  });
});
