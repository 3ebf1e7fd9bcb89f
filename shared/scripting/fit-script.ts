import { minimize, type MinimizeMethod } from '../optimize/minimize';
import { numericalGradient } from '../optimize/numerical-gradient';
import type { DecodedScriptData } from './decoded-script-data';
import type { FitReport, FittedParam } from './fit-report';
import { ScriptDefinitionError, ScriptValueError } from './script-errors';
import { ScriptDefinitionSchema, type ScriptDefinitionValue } from './script-definition';
import { asProbability, meanLoss, type InvalidScore, type ScoreFunction } from './script-objective';
import { buildScriptRows, type ScriptRow } from './script-rows';

export interface FitProgress {
  readonly phase: 'fitting' | 'standard-errors' | 'scoring' | 'scenario';
  readonly iteration: number;
  readonly evaluations: number;
  readonly objective: number | null;
}

export interface FitScriptOptions {
  readonly method?: MinimizeMethod;
  readonly maxIterations?: number;
  /** After every optimiser iteration and scoring block; returning false cancels. */
  readonly onProgress?: (progress: FitProgress) => void;
  /** After every objective evaluation (the sandbox's sign of life). */
  readonly onEvaluation?: () => void;
  readonly now?: () => number;
}

export interface FitScriptResult {
  readonly report: FitReport;
  readonly testScores: Float64Array;
  readonly scenario: { readonly baseline: Float64Array; readonly stressed: Float64Array } | null;
}

/** How often the scoring passes report progress. */
const SCORING_BLOCK = 1 << 16;

/** Checks what `defineScript` produced, with messages that name the offending field. */
export function checkScriptDefinition(value: unknown): ScriptDefinitionValue {
  if (value === undefined) {
    throw new ScriptDefinitionError('the script must end with `export default defineScript({ ... })`');
  }
  const parsed = ScriptDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ScriptDefinitionError(`defineScript: ${where}${issue.message}`);
  }
  return parsed.data;
}

/**
 * Fits the script's parameters on the training rows (docs/scripting.md): minimises its mean
 * objective with `minimize` (L-BFGS-B on central-difference gradients, Nelder–Mead fallback),
 * computes standard errors from the observed information when the objective is the log loss,
 * then scores the test rows and, when the script has one, every row as it is and under the scenario.
 */
export function fitScript(
  definitionValue: unknown,
  data: DecodedScriptData,
  options: FitScriptOptions = {},
): FitScriptResult {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const definition = checkScriptDefinition(definitionValue);
  const score = definition.score as ScoreFunction;
  const names = Object.keys(definition.params);
  const specs = names.map((name) => definition.params[name]!);
  const lower = specs.map((s) => s.lower ?? Number.NEGATIVE_INFINITY);
  const upper = specs.map((s) => s.upper ?? Number.POSITIVE_INFINITY);
  const x0 = specs.map((s, j) => Math.min(upper[j]!, Math.max(lower[j]!, s.init)));
  const objectiveKind = definition.objective ?? 'logloss';
  if (data.trainRows.length === 0) throw new ScriptDefinitionError('there are no training rows to fit on');

  const rows = buildScriptRows(data.columns, data.used);
  const trainData = { rows, outcome: data.outcome, weight: data.weight, indices: data.trainRows };
  const paramsOf = (x: ArrayLike<number>): Readonly<Record<string, number>> => {
    const params: Record<string, number> = {};
    for (let j = 0; j < names.length; j++) params[names[j]!] = x[j]!;
    return Object.freeze(params);
  };

  // The start must be valid: an invalid score there is the script's error, not the optimiser's.
  strictScore(score, rows, x0, paramsOf, data.trainRows, 'with the starting parameters');

  let firstInvalid: InvalidScore | null = null;
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const loss = meanLoss(objectiveKind, score, paramsOf(x), trainData, (invalid) => {
      firstInvalid ??= invalid;
    });
    options.onEvaluation?.();
    return loss;
  };
  const bounds = { lower, upper };
  const totalWeight = data.weight ? sumAt(data.weight, data.trainRows) : data.trainRows.length;
  const maxIterations = options.maxIterations;
  const result = minimize(numericalGradient(value, { bounds, scheme: 'forward' }), x0, {
    bounds,
    method: options.method ?? 'auto',
    ...(maxIterations ? { lbfgsb: { maxIterations }, nelderMead: { maxIterations } } : {}),
    onIteration: (info) => {
      options.onProgress?.({
        phase: 'fitting',
        iteration: info.iteration,
        evaluations,
        objective: info.fun,
      });
    },
    // Observed information of the log-likelihood sum: the objective is its mean over Σw.
    standardErrors: objectiveKind === 'logloss' ? { hessianScale: totalWeight } : false,
  });
  options.onProgress?.({
    phase: 'standard-errors',
    iteration: result.iterations,
    evaluations,
    objective: result.fun,
  });
  if (!Number.isFinite(result.fun)) {
    const invalid = firstInvalid as InvalidScore | null;
    const detail = invalid
      ? ` (first: score returned ${describe(invalid.value)} for row ${invalid.row + 1})`
      : '';
    throw new ScriptValueError(
      `the fit found no parameters where every score is a probability${detail}`,
      invalid ? invalid.row + 1 : 0,
    );
  }

  const errors = result.standardErrors;
  const params: FittedParam[] = names.map((name, j) => ({
    name,
    init: specs[j]!.init,
    lower: specs[j]!.lower ?? null,
    upper: specs[j]!.upper ?? null,
    value: result.x[j]!,
    standardError:
      errors?.ok && Number.isFinite(errors.standardErrors[j]!) ? errors.standardErrors[j]! : null,
  }));
  const standardErrorNote =
    objectiveKind !== 'logloss'
      ? 'standard errors need the log-loss objective (the Brier score is not a log-likelihood)'
      : errors && !errors.ok
        ? errors.reason
        : null;

  const progressAt = (phase: FitProgress['phase']) => () =>
    options.onProgress?.({ phase, iteration: result.iterations, evaluations, objective: result.fun });
  const testScores = strictScore(
    score,
    rows,
    result.x,
    paramsOf,
    data.testRows,
    'with the fitted parameters',
    progressAt('scoring'),
  );
  let scenario: FitScriptResult['scenario'] = null;
  if (definition.scenario) {
    const all = Uint32Array.from({ length: data.used }, (_, i) => i);
    const baseline = strictScore(
      score,
      rows,
      result.x,
      paramsOf,
      all,
      'with the fitted parameters',
      progressAt('scenario'),
    );
    const transform = definition.scenario as (row: ScriptRow) => unknown;
    const stressedRows = new Array<ScriptRow>(data.used);
    for (let i = 0; i < data.used; i++) {
      const changed = transform(rows[i]!);
      if (typeof changed !== 'object' || changed === null || Array.isArray(changed)) {
        throw new ScriptValueError(
          `scenario returned ${describe(changed)} for row ${i + 1}; it must return a row object`,
          i + 1,
        );
      }
      stressedRows[i] = changed as ScriptRow;
    }
    const stressed = strictScore(
      score,
      stressedRows,
      result.x,
      paramsOf,
      all,
      'under the scenario',
      progressAt('scenario'),
    );
    scenario = { baseline, stressed };
  }

  const fallback = result.fallback
    ? {
        status: result.fallback.status,
        message: result.fallback.message,
        iterations: result.fallback.iterations,
      }
    : null;
  const report: FitReport = {
    scriptName: definition.name ?? 'script',
    objective: objectiveKind,
    requestedMethod: result.requestedMethod,
    method: result.method,
    status: result.status,
    converged: result.status === 'converged',
    message: result.message,
    iterations: result.iterations,
    evaluations,
    objectiveValue: result.fun,
    fallback,
    params,
    standardErrorNote,
    scenario: definition.scenario ? (definition.scenarioName ?? 'scenario') : null,
    trainRows: data.trainRows.length,
    seconds: Math.max(0, (now() - started) / 1000),
  };
  return { report, testScores, scenario };
}

/** Scores the given rows and refuses any value that is not a probability, naming the row. */
function strictScore(
  score: ScoreFunction,
  rows: readonly ScriptRow[],
  x: ArrayLike<number>,
  paramsOf: (x: ArrayLike<number>) => Readonly<Record<string, number>>,
  indices: Uint32Array,
  when: string,
  onBlock?: () => void,
): Float64Array {
  const params = paramsOf(x);
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const raw = score(rows[i]!, params);
    const p = asProbability(raw);
    if (p === null) {
      throw new ScriptValueError(
        `score returned ${describe(raw)} for row ${i + 1} ${when}; it must return a probability in [0, 1]`,
        i + 1,
      );
    }
    out[k] = p;
    if (onBlock && (k + 1) % SCORING_BLOCK === 0) onBlock();
  }
  return out;
}

function sumAt(values: Float64Array, indices: Uint32Array): number {
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += values[indices[k]!]!;
  return sum;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (value === null) return 'null';
  return typeof value;
}
