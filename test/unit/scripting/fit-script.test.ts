import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitScript } from '../../../shared/scripting/fit-script';
import { ScriptDefinitionError, ScriptValueError } from '../../../shared/scripting/script-errors';
import { compileScript, loadTrustedScript } from '../../helpers/compile-script';
import { sampleScriptData } from '../../helpers/sample-script-data';

const examples = join(__dirname, '..', '..', '..', 'resources', 'scripts', 'examples');
const example = (name: string) =>
  loadTrustedScript(compileScript(readFileSync(join(examples, `${name}.ts`), 'utf8')).javascript);
const data = sampleScriptData();

describe('fitting a script', () => {
  it('recovers the sample generator’s volatility scale and maintenance margin with the first-passage example', () => {
    // The generator: realized volatility drives a driftless GBM, margin 0.005 (electron/engine/sample).
    const { report, testScores, scenario } = fitScript(example('first-passage-liquidation'), data);
    expect(report.converged).toBe(true);
    const [volScale, margin] = report.params;
    expect(volScale!.name).toBe('volScale');
    expect(Math.abs(volScale!.value - 1)).toBeLessThan(0.02);
    expect(Math.abs(margin!.value - 0.005)).toBeLessThan(0.002);
    // The truth lies inside the 95 % intervals.
    expect(Math.abs(volScale!.value - 1)).toBeLessThan(1.96 * volScale!.standardError!);
    expect(Math.abs(margin!.value - 0.005)).toBeLessThan(1.96 * margin!.standardError!);
    expect(testScores).toHaveLength(data.testRows.length);
    // Stress: realized volatility × 1.5 must raise expected liquidations.
    const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);
    expect(sum(scenario!.stressed)).toBeGreaterThan(1.5 * sum(scenario!.baseline));
  });

  it('fits the logistic example to the maximum-likelihood estimate statsmodels finds', () => {
    // test/fixtures/scripting/logistic-mle.json, from make-logistic-mle.py (statsmodels Logit on the same rows).
    const fixture = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'scripting', 'logistic-mle.json'), 'utf8'),
    ) as { params: number[]; bse: number[] };
    const { report } = fitScript(example('logistic-leverage-collateral'), data);
    // L-BFGS-B stops at SciPy's default tolerances: within a hundredth of a standard error of the
    // MLE; the standard errors (numerical Hessian) within 0.1 %.
    report.params.forEach((param, j) => {
      expect(Math.abs(param.value - fixture.params[j]!)).toBeLessThan(0.01 * fixture.bse[j]!);
      expect(Math.abs(param.standardError! / fixture.bse[j]! - 1)).toBeLessThan(1e-3);
    });
  });

  it('reports the Brier objective without standard errors, saying why', () => {
    const definition = { ...(example('logistic-leverage-collateral') as object), objective: 'brier' };
    const { report } = fitScript(definition, sampleScriptData(10_000), { method: 'nelder-mead' });
    expect(report.objective).toBe('brier');
    expect(report.method).toBe('nelder-mead');
    expect(report.params.every((p) => p.standardError === null)).toBe(true);
    expect(report.standardErrorNote).toMatch(/Brier score is not a log-likelihood/);
  });

  it('names the row and value when a score is not a probability, and what is wrong with a definition', () => {
    const bad = {
      params: { a: { init: 0 } },
      score: (row: { leverage: number }) => (row.leverage > 30 ? 2 : 0.1),
    };
    expect(() => fitScript(bad, data)).toThrow(ScriptValueError);
    expect(() => fitScript(bad, data)).toThrow(/score returned 2 for row \d+ with the starting parameters/);
    expect(() => fitScript(undefined, data)).toThrow(/export default defineScript/);
    expect(() => fitScript({ params: {}, score: () => 0.5 }, data)).toThrow(ScriptDefinitionError);
    expect(() =>
      fitScript({ params: { a: { init: 0, lower: 1, upper: 0 } }, score: () => 0.5 }, data),
    ).toThrow(/params.a: lower must be below upper/);
    expect(() => fitScript({ params: { a: { init: 0 } }, score: 'x' }, data)).toThrow(
      /score must be a function/,
    );
  });
});
