import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../shared/optimize/nelder-mead';
import { expectClose } from './expect-close';
import {
  caseBounds,
  logisticCase,
  logisticObjective,
  rosenbrockCases,
  rosenbrockValue,
} from './fixture-data';

/** Nelder–Mead has no first-order test; its stated tolerance on these problems is 1e-4. */
const NM_TOLERANCE = 1e-4;

describe('nelderMead', () => {
  for (const c of rosenbrockCases) {
    it(`finds the optimum of ${c.name} to ${NM_TOLERANCE}`, () => {
      const result = nelderMead(rosenbrockValue, c.x0, { bounds: caseBounds(c) });
      expect(result.status, result.message).toBe('converged');
      expect(result.method).toBe('nelder-mead');
      expect(result.gradNorm).toBeNull();
      expectClose(result.x, c.x, NM_TOLERANCE, 'x');
      expect(result.fun - c.fun).toBeLessThan(1e-8);
      const bounds = caseBounds(c);
      for (let i = 0; i < c.x.length; i++) {
        expect(result.x[i]).toBeGreaterThanOrEqual(bounds?.lower?.[i] ?? -Infinity);
        expect(result.x[i]).toBeLessThanOrEqual(bounds?.upper?.[i] ?? Infinity);
      }
    });
  }

  it(`fits the weighted logistic regression MLE to ${NM_TOLERANCE}`, () => {
    const objective = logisticObjective(logisticCase);
    const scratch = new Float64Array(4);
    const result = nelderMead((x) => objective(x, scratch), [0, 0, 0, 0]);
    expect(result.status).toBe('converged');
    expectClose(result.x, logisticCase.coefficients, NM_TOLERANCE, 'coefficients');
    expect(result.fun - logisticCase.neg_log_likelihood).toBeLessThan(1e-8);
  });

  it('ranks non-finite values last and avoids the region where they occur', () => {
    // Rosenbrock, undefined (NaN) left of x₁ = -1.25 (where the first simplex already reaches) and
    // above x₂ = 1.2, where the valley x₂ = x₁² from (-1.2, 1) starts: the search must go round.
    let nonFinite = 0;
    const result = nelderMead(
      (x) => {
        if (x[0]! < -1.25 || x[1]! > 1.2) {
          nonFinite++;
          return NaN;
        }
        return rosenbrockValue(x);
      },
      [-1.2, 1],
    );
    expect(nonFinite).toBeGreaterThan(0);
    expect(result.status).toBe('converged');
    expectClose(result.x, [1, 1], NM_TOLERANCE, 'x');
    expect(Number.isFinite(result.fun)).toBe(true);
  });

  it("reports 'non-finite' when the start is not finite", () => {
    const result = nelderMead(() => Infinity, [0, 0]);
    expect(result.status).toBe('non-finite');
    expect(result.evaluations).toBe(1);
  });

  it('stops when onIteration returns false, and at maxEvaluations', () => {
    let calls = 0;
    const cancelled = nelderMead(rosenbrockValue, [-1.2, 1], { onIteration: () => ++calls < 10 });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.iterations).toBe(10);
    const limited = nelderMead(rosenbrockValue, [-1.2, 1], { maxEvaluations: 50 });
    expect(limited.status).toBe('max-evaluations');
    expect(limited.evaluations).toBeLessThanOrEqual(52);
    expect(limited.fun).toBeLessThan(24.2);
  });

  it("uses Gao & Han's adaptive coefficients in 10 dimensions", () => {
    const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 0.5 : 1.5));
    const result = nelderMead(rosenbrockValue, x0, { maxEvaluations: 200_000, maxIterations: 100_000 });
    expect(result.status).toBe('converged');
    expectClose(result.x, new Array<number>(10).fill(1), 1e-3, 'x');
  });
});
