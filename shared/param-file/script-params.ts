import { z } from 'zod';

const PARAM_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const paramName = z.string().regex(PARAM_NAME, 'a parameter name must be an identifier');
const finite = z.number().finite();

/**
 * The fitted parameters of a custom scoring script (method `script`, a later addition to format 1).
 * Every record is keyed by the parameter names the script declared; the values alone do not score
 * anything: the script's source (`script.source`) is the formula, and only the workbench's sandbox
 * runs it.
 */
export const ScriptParamsSchema = z
  .strictObject({
    method: z.literal('script'),
    /** The fitted value of each parameter. */
    values: z.record(paramName, finite),
    /** Asymptotic standard errors; null where the fit could not give one (see `script.standardErrorNote`). */
    standardErrors: z.record(paramName, finite.nonnegative().nullable()),
    /** Where the fit started. */
    init: z.record(paramName, finite),
    /** Declared bounds (inclusive); null for an open side. */
    bounds: z.record(paramName, z.strictObject({ lower: finite.nullable(), upper: finite.nullable() })),
  })
  .superRefine((params, ctx) => {
    const names = Object.keys(params.values);
    if (names.length === 0)
      ctx.addIssue({ code: 'custom', message: 'at least one parameter', path: ['values'] });
    for (const key of ['standardErrors', 'init', 'bounds'] as const) {
      const other = Object.keys(params[key]);
      if (other.length !== names.length || other.some((name) => !(name in params.values))) {
        ctx.addIssue({ code: 'custom', message: 'must name the same parameters as values', path: [key] });
      }
    }
    for (const name of names) {
      const bound = params.bounds[name];
      const value = params.values[name]!;
      if (!bound) continue;
      if (bound.lower !== null && bound.upper !== null && !(bound.lower < bound.upper)) {
        ctx.addIssue({ code: 'custom', message: 'lower must be below upper', path: ['bounds', name] });
      }
      if ((bound.lower !== null && value < bound.lower) || (bound.upper !== null && value > bound.upper)) {
        ctx.addIssue({
          code: 'custom',
          message: 'the fitted value lies outside its bounds',
          path: ['values', name],
        });
      }
    }
  });
export type ScriptParams = z.infer<typeof ScriptParamsSchema>;
