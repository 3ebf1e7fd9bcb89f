import { describe, expect, it } from 'vitest';
import { lbfgsb } from '../../../shared/optimize/lbfgsb';
import type { Objective } from '../../../shared/optimize/types';
import { expectClose } from './expect-close';
import {
  caseBounds,
  logisticCase,
  logisticObjective,
  rosenbrock,
  rosenbrockCase,
  rosenbrockCases,
} from './fixture-data';

const TIGHT = { pgtol: 1e-10, factr: 0 };

describe('lbfgsb', () => {
  it.each([2, 5, 10])('reaches (1, …, 1) on the unbounded %i-dimensional Rosenbrock to 1e-6', (n) => {
    const x0 = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const result = lbfgsb(rosenbrock, x0, TIGHT);
    expect(result.status).toBe('converged');
    expectClose(result.x, new Array<number>(n).fill(1), 1e-6, 'x');
    expect(result.fun).toBeLessThan(1e-12);
    expect(result.gradNorm).toBeLessThanOrEqual(1e-10);
  });

  for (const c of rosenbrockCases) {
    it(`matches SciPy's L-BFGS-B optimum on ${c.name}`, () => {
      const result = lbfgsb(rosenbrock, c.x0, { ...TIGHT, bounds: caseBounds(c) });
      expect(result.status, result.message).toBe('converged');
      expectClose(result.x, c.x, 1e-6, 'x');
      expect(Math.abs(result.fun - c.fun)).toBeLessThan(1e-10 * Math.max(1, c.fun));
      // Active bounds are hit exactly (projection), as in SciPy.
      c.active.forEach((side, i) => {
        if (side === 'lower') expect(result.x[i]).toBe(c.lower![i]);
        if (side === 'upper') expect(result.x[i]).toBe(c.upper![i]);
      });
      // Same algorithm family, so the work is of the same order as SciPy's (not a tight bound).
      expect(result.evaluations).toBeLessThanOrEqual(3 * c.scipy_nfev + 20);
    });
  }

  it("stops on SciPy's default tests (pgtol 1e-5, factr 1e7) close to the optimum", () => {
    const c = rosenbrockCase('rosen-5d');
    const result = lbfgsb(rosenbrock, c.x0);
    expect(result.status).toBe('converged');
    expect(result.message).toMatch(/pgtol|factr/);
    expectClose(result.x, c.x, 1e-3, 'x');
  });

  it('fits the weighted logistic regression MLE that statsmodels reports', () => {
    const result = lbfgsb(logisticObjective(logisticCase), [0, 0, 0, 0], TIGHT);
    expect(result.status).toBe('converged');
    expectClose(result.x, logisticCase.coefficients, 1e-7, 'coefficients');
    expect(Math.abs(result.fun - logisticCase.neg_log_likelihood)).toBeLessThan(1e-9);
  });

  it('projects a starting point outside the box and never evaluates outside it', () => {
    const c = rosenbrockCase('rosen-5d-box');
    const bounds = caseBounds(c)!;
    const guarded: Objective = (x, grad) => {
      for (let i = 0; i < x.length; i++) {
        if (x[i]! < bounds.lower![i]! || x[i]! > bounds.upper![i]!)
          throw new Error(`x[${i}] = ${x[i]} outside`);
      }
      return rosenbrock(x, grad);
    };
    const result = lbfgsb(guarded, c.x0, { ...TIGHT, bounds });
    expect(result.status).toBe('converged');
  });

  it('stops at maxIterations and maxEvaluations with the best point so far', () => {
    const c = rosenbrockCase('rosen-2d');
    const byIterations = lbfgsb(rosenbrock, c.x0, { ...TIGHT, maxIterations: 5 });
    expect(byIterations.status).toBe('max-iterations');
    expect(byIterations.iterations).toBe(5);
    expect(byIterations.fun).toBeLessThan(24.2); // f(x0) = 24.2
    const byEvaluations = lbfgsb(rosenbrock, c.x0, { ...TIGHT, maxEvaluations: 7 });
    expect(byEvaluations.status).toBe('max-evaluations');
    expect(byEvaluations.evaluations).toBeLessThanOrEqual(7);
    expect(Number.isFinite(byEvaluations.fun)).toBe(true);
  });

  it('steps back out of a region where the objective is NaN and still converges', () => {
    // f(x) = x + 1/x has its minimum at 1; NaN for x ≤ 0. From 5 the first secant step overshoots
    // to about -38, so the line search must retreat.
    let nonFinite = 0;
    const f: Objective = (x, grad) => {
      const v = x[0]!;
      if (v <= 0) {
        nonFinite++;
        grad[0] = NaN;
        return NaN;
      }
      grad[0] = 1 - 1 / (v * v);
      return v + 1 / v;
    };
    const result = lbfgsb(f, [5], TIGHT);
    expect(nonFinite).toBeGreaterThan(0);
    expect(result.status).toBe('converged');
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(Number.isFinite(result.fun)).toBe(true);
  });

  it("reports 'non-finite' when the objective is not finite at the start", () => {
    const result = lbfgsb(() => NaN, [1, 2]);
    expect(result.status).toBe('non-finite');
    expect(result.message).toMatch(/starting point/);
    expect(Array.from(result.x)).toEqual([1, 2]);
    expect(result.iterations).toBe(0);
    const badGradient = lbfgsb(
      (x, grad) => {
        grad.fill(Infinity);
        return 1;
      },
      [0],
    );
    expect(badGradient.status).toBe('non-finite');
    expect(badGradient.message).toMatch(/gradient/);
  });

  it("reports 'line-search-failed' when the gradient is wrong", () => {
    // The gradient of -f: every "descent" direction goes uphill.
    const wrong: Objective = (x, grad) => {
      const f = rosenbrock(x, grad);
      for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
      return f;
    };
    const result = lbfgsb(wrong, [-1.2, 1]);
    expect(result.status).toBe('line-search-failed');
    expect(Array.from(result.x)).toEqual([-1.2, 1]);
    expect(result.fun).toBeCloseTo(24.2, 12);
  });

  it('calls onIteration with decreasing values and stops when it returns false', () => {
    const seen: number[] = [];
    const result = lbfgsb(rosenbrock, [-1.2, 1], {
      ...TIGHT,
      onIteration: (info) => {
        expect(info.method).toBe('lbfgsb');
        expect(info.iteration).toBe(seen.length + 1);
        seen.push(info.fun);
        return info.iteration < 4;
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.iterations).toBe(4);
    expect(seen).toHaveLength(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1]!);
    expect(result.fun).toBe(seen[3]);
  });

  it('handles fixed variables (lower = upper) and refuses inconsistent bounds', () => {
    const result = lbfgsb(rosenbrock, [0, 0, 0], {
      ...TIGHT,
      bounds: { lower: [-5, 1, -5], upper: [5, 1, 5] },
    });
    expect(result.status).toBe('converged');
    expect(result.x[1]).toBe(1);
    expect(() => lbfgsb(rosenbrock, [0, 0], { bounds: { lower: [1, 0], upper: [0, 1] } })).toThrow(
      RangeError,
    );
    expect(() => lbfgsb(rosenbrock, [0, 0], { bounds: { lower: [0] } })).toThrow(RangeError);
    expect(() => lbfgsb(rosenbrock, [NaN, 0])).toThrow(RangeError);
  });
});
