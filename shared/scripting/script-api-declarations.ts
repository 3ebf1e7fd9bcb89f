/**
 * The script API as TypeScript declarations: the editor loads them for IntelliSense and type
 * checking, and the shipped examples are type-checked against the same text (docs/scripting.md).
 * `Row` is declared separately per dataset (rowTypeDeclaration).
 */
export const SCRIPT_API_DECLARATIONS = `/** One declared parameter of a script: where the fit starts and, optionally, its bounds. */
interface ParamSpec {
  /** Starting value of the fit (moved inside the bounds when outside). */
  readonly init: number;
  /** Lower bound (inclusive); omit for none. */
  readonly lower?: number;
  /** Upper bound (inclusive); omit for none. */
  readonly upper?: number;
  /** Shown beside the fitted value. */
  readonly description?: string;
}

/** The current parameter values, by the names the script declared. */
type Params<P extends Record<string, ParamSpec>> = { readonly [K in keyof P]: number };

/** A custom scoring model: parameters, a score and, optionally, an objective and a stress scenario. */
interface ScriptDefinition<P extends Record<string, ParamSpec>> {
  /** Shown in results and model names. */
  readonly name?: string;
  readonly description?: string;
  /** The parameters the fit adjusts (at least one). */
  readonly params: P;
  /** What the fit minimises on the training rows: mean log loss (default; gives standard errors) or Brier score. */
  readonly objective?: 'logloss' | 'brier';
  /** The probability of the event for one row, in [0, 1]. Called once per row per evaluation: keep it pure. */
  score(row: Row, params: Params<P>): number;
  /** A stress scenario: the row as it would be under stress (return a new object; do not change \`row\`). */
  scenario?(row: Row): Row;
  /** Names the scenario in results, e.g. "realized volatility × 1.5". */
  readonly scenarioName?: string;
}

/** Declares the script. The file must \`export default defineScript({ ... })\`. */
declare function defineScript<P extends Record<string, ParamSpec>>(definition: ScriptDefinition<P>): ScriptDefinition<P>;

/** Numerical helpers available to every script. */
declare const stats: {
  /** Standard normal CDF Φ(x) (W. J. Cody's rational approximations, |error| < 1e-15). */
  normalCdf(x: number): number;
  /** 1 / (1 + e^-x), without overflow. */
  logistic(x: number): number;
  /** ln(p / (1 - p)). */
  logit(p: number): number;
  /** Clamps x into [lower, upper]. */
  clamp(x: number, lower: number, upper: number): number;
};
`;
