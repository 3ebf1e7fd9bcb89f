import { describe, expect, it } from 'vitest';
import { baseRateCalibrator } from '../../../shared/calibration/base-rate';
import { calibrationData, datasets } from './fixture-data';
import { expectRelativeClose } from './expect-close';

function weightedMean(values: Float64Array, weights: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i]! : 1;
    sum += w * values[i]!;
    total += w;
  }
  return sum / total;
}

describe('base-rate', () => {
  for (const d of datasets) {
    for (const [label, reference] of Object.entries(d.baseRate)) {
      it(`finds SciPy's root and hits the ${label} target exactly on ${d.name}`, () => {
        const data = calibrationData(d);
        const options = label === 'observed' ? {} : { targetRate: reference.target };
        const params = baseRateCalibrator.fit(data, options);
        expectRelativeClose(params.targetRate, reference.target, 1e-15, 'target');
        expectRelativeClose(params.shift, reference.shift, 1e-9, 'shift');
        const calibrated = baseRateCalibrator.apply(params, data.p);
        expect(Math.abs(weightedMean(calibrated, data.w) - reference.target)).toBeLessThan(1e-10);
      });
    }
  }
});
