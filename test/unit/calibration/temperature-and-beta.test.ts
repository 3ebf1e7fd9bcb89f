import { describe, expect, it } from 'vitest';
import { betaCalibrator } from '../../../shared/calibration/beta';
import { temperatureCalibrator } from '../../../shared/calibration/temperature';
import { sigmoid } from '../../../shared/numeric/logistic';
import { calibrationData, dataset, datasets } from './fixture-data';
import { expectRelativeClose } from './expect-close';

describe('temperature', () => {
  for (const d of datasets) {
    const reference = d.temperature;
    if (!reference) continue;
    it(`matches the statsmodels fit without intercept on ${d.name}`, () => {
      const params = temperatureCalibrator.fit(calibrationData(d));
      expectRelativeClose(params.temperature, reference.temperature, 1e-6, 'temperature');
    });
  }

  it('applies σ(logit p / T)', () => {
    const out = temperatureCalibrator.apply(
      { method: 'temperature', temperature: 2 },
      Float64Array.from([0.9]),
    );
    expectRelativeClose(out[0]!, sigmoid(Math.log(9) / 2), 1e-15, 'calibrated');
  });

  it('refuses scores that go the wrong way', () => {
    const p = Float64Array.from([0.9, 0.8, 0.2, 0.1, 0.85, 0.15]);
    const y = Uint8Array.from([0, 0, 1, 1, 1, 0]);
    expect(() => temperatureCalibrator.fit({ p, y })).toThrow(/1\/T = -[\d.e-]+ ≤ 0/);
  });
});

describe('beta (betacal conventions)', () => {
  for (const d of datasets) {
    const reference = d.beta;
    if (!reference) continue;
    it(`matches the reference (${reference.variant}) on ${d.name}`, () => {
      const params = betaCalibrator.fit(calibrationData(d));
      expectRelativeClose(params.a, reference.a, 1e-6, 'a');
      expectRelativeClose(params.b, reference.b, 1e-6, 'b');
      expectRelativeClose(params.c, reference.c, 1e-6, 'c');
    });
  }

  it('covers both refits: a < 0 gives a = 0, b < 0 gives b = 0', () => {
    expect(betaCalibrator.fit(calibrationData(dataset('beta-a-negative'))).a).toBe(0);
    expect(betaCalibrator.fit(calibrationData(dataset('beta-b-negative'))).b).toBe(0);
  });

  it('applies σ(c + a ln p - b ln(1 - p))', () => {
    const out = betaCalibrator.apply({ method: 'beta', a: 1.5, b: 0.5, c: -0.2 }, Float64Array.from([0.25]));
    expectRelativeClose(
      out[0]!,
      sigmoid(-0.2 + 1.5 * Math.log(0.25) - 0.5 * Math.log(0.75)),
      1e-14,
      'calibrated',
    );
  });
});
