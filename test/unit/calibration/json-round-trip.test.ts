import { describe, expect, it } from 'vitest';
import { applyCalibration, CalibrationParamsSchema, calibrators } from '../../../shared/calibration/registry';
import { CalibratorMethodSchema } from '../../../shared/calibration/calibrator-method';
import { calibrationData, dataset } from './fixture-data';

describe('fitted parameters are self-contained JSON', () => {
  const data = calibrationData(dataset('weighted-with-zeros'));
  const probe = Float64Array.from({ length: 101 }, (_, i) => i / 100);

  it('the registry has exactly one calibrator per method', () => {
    expect(Object.keys(calibrators).sort()).toEqual([...CalibratorMethodSchema.options].sort());
    for (const [method, calibrator] of Object.entries(calibrators)) expect(calibrator.method).toBe(method);
  });

  for (const method of CalibratorMethodSchema.options) {
    it(`${method}: apply(parse(stringify(fit))) equals apply(fit), bit for bit`, () => {
      const calibrator = calibrators[method];
      const params = (calibrator.fit as (d: typeof data) => { method: string })(data);
      const restored = CalibrationParamsSchema.parse(JSON.parse(JSON.stringify(params)));
      expect(restored.method).toBe(method);
      const direct = (calibrator.apply as (p: unknown, q: Float64Array) => Float64Array)(params, probe);
      expect(Array.from(applyCalibration(restored, probe))).toEqual(Array.from(direct));
      for (const v of direct) expect(v >= 0 && v <= 1).toBe(true);
    });
  }
});
