/** Types of the dependency-free reference evaluator (apply-params.mjs). */
export type ScoreInput =
  | { kind: 'probability' }
  | { kind: 'logit' }
  | { kind: 'points'; offset: number; factor: number; direction: 'higher-is-safer' | 'higher-is-riskier' };

export interface ParamDocument {
  method: string;
  scoreInput: ScoreInput;
  params: Record<string, unknown>;
}

export interface Applied {
  p: number[];
  p0?: number[];
  p1?: number[];
}

export function scoreToProbability(rule: ScoreInput, score: number, row: number): number;
/** `segments`: segmented-platt only (required there), each row's label in `params.column`, null if missing. */
export function applyParams(
  document: ParamDocument,
  rawScores: ArrayLike<number>,
  segments?: ArrayLike<string | null>,
): Applied;
export function canonicalJson(value: unknown): string;
export function hashedText(document: Record<string, unknown>): string;
