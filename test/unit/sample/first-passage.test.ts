import { describe, expect, it } from 'vitest';
import {
  driftlessGbmLogDrift,
  firstPassageProbability,
  type BarrierDirection,
} from '../../../electron/engine/sample/first-passage';
import {
  adverseMoveToLiquidation,
  liquidationLogDistance,
  MAINTENANCE_MARGIN,
} from '../../../electron/engine/sample/liquidation-barrier';
import { normalCdf } from '../../../electron/engine/sample/normal-cdf';
import { SeededRandom } from '../../../electron/engine/sample/seeded-random';
import reference from '../../fixtures/sample/first-passage-reference.json';

/** Measured worst case of the Hart/West approximation against SciPy, with a little headroom. */
const RELATIVE_TOLERANCE = 2e-8;

describe('normalCdf against SciPy (test/fixtures/sample/first-passage-reference.json)', () => {
  it('matches scipy.special.ndtr to 2e-8 relative error down to Φ(-37)', () => {
    for (const { x, cdf } of reference.normalCdf) {
      if (x < -37) {
        // Below -37 the true value (< 6e-300) is reported as 0.
        expect(normalCdf(x)).toBe(0);
        expect(cdf).toBeLessThan(1e-299);
      } else {
        expect(Math.abs(normalCdf(x) - cdf) / cdf, `Φ(${x})`).toBeLessThan(RELATIVE_TOLERANCE);
      }
    }
  });
});

describe('firstPassageProbability', () => {
  it('matches the SciPy closed form (itself checked against the integrated first-passage density)', () => {
    expect(reference.firstPassage.length).toBeGreaterThan(300);
    for (const testCase of reference.firstPassage) {
      const computed = firstPassageProbability({
        ...testCase,
        direction: testCase.direction as BarrierDirection,
      });
      const label = JSON.stringify(testCase);
      if (testCase.probability > 1e-250) {
        expect(Math.abs(computed - testCase.probability) / testCase.probability, label).toBeLessThan(
          RELATIVE_TOLERANCE,
        );
      } else {
        expect(computed, label).toBeLessThan(1e-250);
      }
    }
  });

  it('is 1 at or beyond the barrier, 0 for an unreachable barrier or no time', () => {
    const base = { direction: 'down' as const, volatility: 0.8, years: 0.1, logDrift: -0.32 };
    expect(firstPassageProbability({ ...base, logDistance: 0 })).toBe(1);
    expect(firstPassageProbability({ ...base, logDistance: Number.POSITIVE_INFINITY })).toBe(0);
    expect(firstPassageProbability({ ...base, logDistance: 0.1, years: 0 })).toBe(0);
  });

  describe('against a seeded Monte Carlo of the driftless GBM', () => {
    // 20,000 exact log-normal paths on a 200-step grid. Checking only the grid points misses
    // crossings between them (the discrete-monitoring bias, of order 0.58 σ√Δt in the barrier,
    // Broadie, Glasserman & Kou 1997), so each step also counts the Brownian-bridge probability
    // of having crossed in between, exp(-2 a b / (σ² Δt)) for end-point distances a and b; the
    // estimate is then unbiased for continuous monitoring, and we allow 4 standard errors.
    const cases: {
      name: string;
      direction: BarrierDirection;
      move: number;
      volatility: number;
      days: number;
    }[] = [
      { name: 'long, BTC-like, 7 days', direction: 'down', move: 0.1, volatility: 0.55, days: 7 },
      { name: 'short, SOL-like, 14 days', direction: 'up', move: 0.15, volatility: 0.9, days: 14 },
      { name: 'long, extreme vol, 30 days', direction: 'down', move: 0.5, volatility: 2.5, days: 30 },
      { name: 'short, extreme vol, 30 days', direction: 'up', move: 0.5, volatility: 2.5, days: 30 },
    ];

    for (const testCase of cases) {
      it(testCase.name, () => {
        const years = testCase.days / 365;
        const logDistance =
          testCase.direction === 'down' ? -Math.log1p(-testCase.move) : Math.log1p(testCase.move);
        const simulated = simulateTouchProbability({
          ...testCase,
          logDistance,
          years,
          paths: 20_000,
          steps: 200,
        });
        const formula = firstPassageProbability({
          direction: testCase.direction,
          logDistance,
          volatility: testCase.volatility,
          years,
          logDrift: driftlessGbmLogDrift(testCase.volatility),
        });
        expect(Math.abs(simulated.bridged - formula)).toBeLessThan(4 * simulated.standardError);
        // Grid points alone see fewer touches: the bias the bridge term removes is real.
        expect(simulated.gridOnly).toBeLessThan(formula);
      });
    }

    it('tells the Itô drift apart: ignoring -σ²/2 is off by far more than the noise at high vol', () => {
      const years = 30 / 365;
      const volatility = 2.5;
      const logDistance = -Math.log1p(-0.5);
      const simulated = simulateTouchProbability({
        direction: 'down',
        logDistance,
        volatility,
        years,
        paths: 20_000,
        steps: 200,
      });
      const withoutDrift = firstPassageProbability({
        direction: 'down',
        logDistance,
        volatility,
        years,
        logDrift: 0,
      });
      expect(Math.abs(simulated.bridged - withoutDrift)).toBeGreaterThan(8 * simulated.standardError);
    });
  });
});

describe('liquidation barrier', () => {
  it('puts a 10x long with collateral ratio 1 at 9.5 % below entry (1/L minus the 0.5 % maintenance margin)', () => {
    expect(MAINTENANCE_MARGIN).toBe(0.005);
    expect(adverseMoveToLiquidation(10, 1)).toBeCloseTo(0.095, 12);
    expect(liquidationLogDistance('long', 10, 1)).toBeCloseTo(-Math.log(0.905), 12);
    expect(liquidationLogDistance('short', 10, 1)).toBeCloseTo(Math.log(1.095), 12);
  });

  it('doubles the cushion when twice the minimum collateral is posted', () => {
    expect(adverseMoveToLiquidation(10, 2)).toBeCloseTo(0.195, 12);
  });

  it('cannot liquidate a long holding its whole notional, but can liquidate the matching short', () => {
    expect(liquidationLogDistance('long', 1.5, 1.6)).toBe(Number.POSITIVE_INFINITY);
    expect(liquidationLogDistance('short', 1.5, 1.6)).toBeCloseTo(Math.log(1 + 1.6 / 1.5 - 0.005), 12);
  });
});

interface Simulation {
  bridged: number;
  standardError: number;
  gridOnly: number;
}

function simulateTouchProbability(options: {
  direction: BarrierDirection;
  logDistance: number;
  volatility: number;
  years: number;
  paths: number;
  steps: number;
}): Simulation {
  const { direction, logDistance, volatility, years, paths, steps } = options;
  const random = new SeededRandom(2024, 99);
  const dt = years / steps;
  const drift = -0.5 * volatility * volatility * dt;
  const diffusion = volatility * Math.sqrt(dt);
  const sign = direction === 'down' ? 1 : -1;
  let sum = 0;
  let sumSquares = 0;
  let gridTouches = 0;
  for (let path = 0; path < paths; path++) {
    // Distance to the barrier, measured towards it: the path has touched when it reaches 0.
    let gap = logDistance;
    let survival = 1;
    let touchedOnGrid = false;
    for (let step = 0; step < steps; step++) {
      const next = gap + sign * (drift + diffusion * random.normal());
      if (next <= 0) {
        touchedOnGrid = true;
        survival = 0;
        break;
      }
      survival *= 1 - Math.exp((-2 * gap * next) / (diffusion * diffusion));
      gap = next;
    }
    const touched = 1 - survival;
    sum += touched;
    sumSquares += touched * touched;
    if (touchedOnGrid) gridTouches++;
  }
  const mean = sum / paths;
  return {
    bridged: mean,
    standardError: Math.sqrt((sumSquares / paths - mean * mean) / paths),
    gridOnly: gridTouches / paths,
  };
}
