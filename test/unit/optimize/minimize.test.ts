import { describe, expect, it } from 'vitest';
import { minimize } from '../../../shared/optimize/minimize';
import { numericalGradient } from '../../../shared/optimize/numerical-gradient';
import type { IterationInfo, Objective } from '../../../shared/optimize/types';
import { expectClose, expectRelativeClose } from './expect-close';
import {
  caseBounds,
  logisticCase,
  logisticObjective,
  rosenbrock,
  rosenbrockCase,
  rosenbrockValue,
} from './fixture-data';

describe('minimize', () => {
  it("'auto' uses L-BFGS-B when it converges, with standard errors on request", () => {
    const result = minimize(logisticObjective(logisticCase), [0, 0, 0, 0], {
      lbfgsb: { pgtol: 1e-10, factr: 0 },
      standardErrors: true,
    });
    expect(result.requestedMethod).toBe('auto');
    expect(result.method).toBe('lbfgsb');
    expect(result.fallback).toBeNull();
    expectClose(result.x, logisticCase.coefficients, 1e-7, 'coefficients');
    expect(result.standardErrors?.ok).toBe(true);
    expectRelativeClose(result.standardErrors!.standardErrors!, logisticCase.standard_errors, 1e-6, 'se');
  });

  it("'auto' falls back to Nelder–Mead when the gradient is not finite", () => {
    // A user gradient that is NaN everywhere (e.g. a derivative of |x| at 0 gone wrong), value correct.
    const broken: Objective = (x, grad) => {
      grad.fill(NaN);
      return rosenbrockValue(x);
    };
    const c = rosenbrockCase('rosen-2d-box');
    const result = minimize(broken, c.x0, { bounds: caseBounds(c) });
    expect(result.method).toBe('nelder-mead');
    expect(result.fallback?.status).toBe('non-finite');
    expect(result.status).toBe('converged');
    expect(result.message).toMatch(/after L-BFGS-B/);
    expectClose(result.x, c.x, 1e-4, 'x');
  });

  it("'auto' falls back to Nelder–Mead when the line search fails, from L-BFGS-B's best point", () => {
    const wrong: Objective = (x, grad) => {
      const f = rosenbrock(x, grad);
      for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
      return f;
    };
    const result = minimize(wrong, [-1.2, 1]);
    expect(result.fallback?.status).toBe('line-search-failed');
    expect(result.method).toBe('nelder-mead');
    expect(result.status).toBe('converged');
    expectClose(result.x, [1, 1], 1e-4, 'x');
    expect(result.evaluations).toBeGreaterThan(result.fallback!.evaluations);
  });

  it("an explicit 'lbfgsb' does not fall back; an explicit 'nelder-mead' never calls the gradient", () => {
    const noGradient: Objective = (x, grad) => {
      grad.fill(NaN);
      return rosenbrockValue(x);
    };
    const strict = minimize(noGradient, [-1.2, 1], { method: 'lbfgsb' });
    expect(strict.status).toBe('non-finite');
    expect(strict.fallback).toBeNull();
    let gradientCalls = 0;
    const counted = numericalGradient(rosenbrockValue);
    const spy = Object.assign(
      (x: Float64Array, grad: Float64Array) => {
        gradientCalls++;
        return counted(x, grad);
      },
      { value: counted.value },
    );
    const simplex = minimize(spy, [-1.2, 1], { method: 'nelder-mead' });
    expect(simplex.method).toBe('nelder-mead');
    expect(simplex.status).toBe('converged');
    expect(gradientCalls).toBe(0);
  });

  it('handles a NaN region with a numerical gradient and returns no NaN', () => {
    // Log-loss style objective undefined for x₀ ≤ 0; optimum at (0.25, -1).
    const f = (x: Float64Array): number =>
      x[0]! <= 0 ? NaN : x[0]! - 0.25 * Math.log(x[0]!) + (x[1]! + 1) ** 2;
    const result = minimize(numericalGradient(f), [3, 2], { lbfgsb: { pgtol: 1e-9 } });
    expect(result.status).toBe('converged');
    expect(Number.isFinite(result.fun)).toBe(true);
    expectClose(result.x, [0.25, -1], 1e-6, 'x');
  });

  it('passes onIteration to both phases and honours a stop during the fallback', () => {
    const broken: Objective = (x, grad) => {
      grad.fill(NaN);
      return rosenbrockValue(x);
    };
    const infos: IterationInfo[] = [];
    const result = minimize(broken, [-1.2, 1], {
      onIteration: (info) => {
        infos.push(info);
        return infos.length < 5;
      },
    });
    expect(result.status).toBe('cancelled');
    expect(infos.every((i) => i.method === 'nelder-mead')).toBe(true);
    expect(infos).toHaveLength(5);
  });

  it('reports standard errors as refused when the optimiser did not converge', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { lbfgsb: { maxIterations: 3 }, standardErrors: true });
    expect(result.status).toBe('max-iterations');
    expect(result.standardErrors?.ok).toBe(false);
  });
});
