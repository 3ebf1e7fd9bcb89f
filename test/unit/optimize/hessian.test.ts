import { describe, expect, it } from 'vitest';
import { numericalHessian, standardErrors } from '../../../shared/optimize/hessian';
import { lbfgsb } from '../../../shared/optimize/lbfgsb';
import { numericalGradient } from '../../../shared/optimize/numerical-gradient';
import type { Objective } from '../../../shared/optimize/types';
import { expectClose, expectRelativeClose } from './expect-close';
import { logisticCase, logisticObjective, rosenbrock, rosenbrockValue } from './fixture-data';

const coefficients = logisticCase.coefficients;

describe('numericalGradient', () => {
  it('matches the analytic Rosenbrock gradient to ~1e-9 relative', () => {
    const x = Float64Array.from([-1.2, 1, 0.3, 2.5, -0.7]);
    const exact = new Float64Array(5);
    rosenbrock(x, exact);
    const estimated = new Float64Array(5);
    const value = numericalGradient(rosenbrockValue)(x, estimated);
    expect(value).toBe(rosenbrockValue(x));
    for (let i = 0; i < 5; i++)
      expect(Math.abs(estimated[i]! - exact[i]!)).toBeLessThan(1e-7 * Math.max(1, Math.abs(exact[i]!)));
    // The point is left unchanged.
    expect(Array.from(x)).toEqual([-1.2, 1, 0.3, 2.5, -0.7]);
  });

  it('never evaluates outside the bounds: one-sided differences at and near a bound', () => {
    const bounds = { lower: [0, -1], upper: [1, 1] };
    const f = (x: Float64Array): number => {
      if (x[0]! < 0 || x[0]! > 1 || x[1]! < -1 || x[1]! > 1) throw new Error(`outside: ${x}`);
      return (x[0]! - 0.3) ** 3 + Math.exp(x[1]!);
    };
    const objective = numericalGradient(f, { bounds });
    const grad = new Float64Array(2);
    for (const point of [
      [0, -1],
      [1, 1],
      [1e-7, 0.9999999],
      [0.5, 0],
    ]) {
      objective(Float64Array.from(point), grad);
      expect(Math.abs(grad[0]! - 3 * (point[0]! - 0.3) ** 2)).toBeLessThan(1e-8);
      expect(Math.abs(grad[1]! - Math.exp(point[1]!))).toBeLessThan(1e-8);
    }
  });
});

describe('standardErrors', () => {
  it('gives the statsmodels standard errors of the weighted logistic MLE (analytic gradient)', () => {
    const objective = logisticObjective(logisticCase);
    const fit = lbfgsb(objective, [0, 0, 0, 0], { pgtol: 1e-10, factr: 0 });
    const se = standardErrors(objective, fit.x);
    expect(se.ok).toBe(true);
    if (!se.ok) return;
    expectRelativeClose(se.standardErrors, logisticCase.standard_errors, 1e-6, 'se');
    expectClose(se.covariance, logisticCase.covariance.flat(), 1e-7, 'covariance');
    expect(se.evaluations).toBe(8);
  });

  it('scales a mean objective by the total weight (cov = H⁻¹ of the sum)', () => {
    const objective = logisticObjective(logisticCase, true);
    const se = standardErrors(objective, coefficients, { hessianScale: logisticCase.total_weight });
    expect(se.ok).toBe(true);
    if (se.ok) expectRelativeClose(se.standardErrors, logisticCase.standard_errors, 1e-6, 'se');
  });

  it('works from function values alone (numerical-gradient objective)', () => {
    const exact = logisticObjective(logisticCase);
    const scratch = new Float64Array(4);
    const objective = numericalGradient((x) => exact(x, scratch));
    const fit = lbfgsb(objective, [0, 0, 0, 0], { pgtol: 1e-7, factr: 0 });
    expectClose(fit.x, coefficients, 1e-6, 'coefficients');
    const se = standardErrors(objective, fit.x);
    expect(se.ok).toBe(true);
    if (se.ok) expectRelativeClose(se.standardErrors, logisticCase.standard_errors, 1e-5, 'se');
  });

  it('returns null with a reason when a parameter sits on a bound', () => {
    const objective = logisticObjective(logisticCase);
    // The MLE intercept is -1.28; capping it at -1.5 makes the bound active.
    const bounds = { upper: [-1.5, Infinity, Infinity, Infinity] };
    const fit = lbfgsb(objective, [-2, 0, 0, 0], { bounds, pgtol: 1e-9 });
    expect(fit.x[0]).toBe(-1.5);
    const se = standardErrors(objective, fit.x, { bounds });
    expect(se.ok).toBe(false);
    expect(se.standardErrors).toBeNull();
    if (!se.ok) expect(se.reason).toMatch(/parameter 0 is on its upper bound/);
  });

  it('returns null with a reason when the Hessian is not positive definite', () => {
    // f = (x - y)²: every point of the line x = y is a minimum; x - y is not identifiable.
    const flat: Objective = (x, grad) => {
      const d = x[0]! - x[1]!;
      grad[0] = 2 * d;
      grad[1] = -2 * d;
      return d * d;
    };
    const se = standardErrors(flat, [1, 1]);
    expect(se.ok).toBe(false);
    if (!se.ok) {
      expect(se.reason).toMatch(/not positive definite/);
      expect(se.hessian).not.toBeNull();
    }
    // A saddle point is refused the same way.
    const saddle: Objective = (x, grad) => {
      grad[0] = 2 * x[0]!;
      grad[1] = -2 * x[1]!;
      return x[0]! ** 2 - x[1]! ** 2;
    };
    expect(standardErrors(saddle, [0, 0]).ok).toBe(false);
  });

  it('numericalHessian is symmetric and matches the exact Rosenbrock Hessian', () => {
    const x = [0.5, -0.3, 1.2];
    const exact = [
      [1200 * 0.25 - 400 * -0.3 + 2, -400 * 0.5, 0],
      [-400 * 0.5, 200 + 1200 * 0.09 - 400 * 1.2 + 2, -400 * -0.3],
      [0, -400 * -0.3, 200],
    ].flat();
    for (const objective of [rosenbrock, numericalGradient(rosenbrockValue)]) {
      const { hessian } = numericalHessian(objective, x);
      expectClose(hessian, exact, 1e-6, 'hessian');
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) expect(hessian[i * 3 + j]).toBe(hessian[j * 3 + i]);
    }
  });
});
