import { z } from 'zod';

export const ScriptObjectiveSchema = z.enum(['logloss', 'brier']);
export type ScriptObjective = z.infer<typeof ScriptObjectiveSchema>;

const finite = z.number().finite();

/** One declared parameter after the fit. */
/** Names that would reach an object's prototype when used as keys: never a parameter name. */
export const RESERVED_PARAM_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const ParamNameSchema = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'a parameter name must be an identifier')
  .max(100)
  .refine((name) => !RESERVED_PARAM_NAMES.includes(name), { message: 'this parameter name is reserved' });

export const FittedParamSchema = z.strictObject({
  name: ParamNameSchema,
  init: finite,
  lower: finite.nullable(),
  upper: finite.nullable(),
  value: finite,
  /** Asymptotic standard error from the observed information; null when not available (see the note). */
  standardError: finite.nullable(),
});
export type FittedParam = z.infer<typeof FittedParamSchema>;

/**
 * What the sandbox reports about a fit (docs/scripting.md). The host treats it as untrusted input:
 * it is parsed with this schema, and the engine recomputes every metric from the returned scores.
 */
export const FitReportSchema = z.strictObject({
  scriptName: z.string().max(200),
  objective: ScriptObjectiveSchema,
  requestedMethod: z.enum(['auto', 'lbfgsb', 'nelder-mead']),
  /** The optimiser that produced the result ('auto' may fall back to Nelder–Mead). */
  method: z.enum(['lbfgsb', 'nelder-mead']),
  status: z.string().max(100),
  converged: z.boolean(),
  message: z.string().max(2000),
  iterations: z.number().int().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  /** The objective at the optimum, as a mean per training row (weighted mean with weights). */
  objectiveValue: finite,
  fallback: z
    .strictObject({
      status: z.string().max(100),
      message: z.string().max(2000),
      iterations: z.number().int(),
    })
    .nullable(),
  params: z.array(FittedParamSchema).min(1).max(100),
  /** Why standard errors are missing (objective not a likelihood, a parameter on a bound, …); null when present. */
  standardErrorNote: z.string().max(2000).nullable(),
  /** The scenario's name when the script declares one. */
  scenario: z.string().max(200).nullable(),
  trainRows: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});
export type FitReport = z.infer<typeof FitReportSchema>;
