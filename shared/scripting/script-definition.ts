import { z } from 'zod';
import { ParamNameSchema, ScriptObjectiveSchema } from './fit-report';

export const ParamSpecSchema = z
  .strictObject({
    init: z.number().finite(),
    lower: z.number().finite().optional(),
    upper: z.number().finite().optional(),
    description: z.string().max(500).optional(),
  })
  .refine((p) => p.lower === undefined || p.upper === undefined || p.lower < p.upper, {
    message: 'lower must be below upper',
  });

/** What `export default defineScript({...})` must produce; checked inside the sandbox before fitting. */
export const ScriptDefinitionSchema = z.strictObject({
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  params: z
    .record(ParamNameSchema, ParamSpecSchema)
    .refine((p) => Object.keys(p).length >= 1, { message: 'declare at least one parameter' })
    .refine((p) => Object.keys(p).length <= 100, { message: 'at most 100 parameters' }),
  objective: ScriptObjectiveSchema.optional(),
  score: z.custom<(row: unknown, params: unknown) => unknown>((v) => typeof v === 'function', {
    message: 'score must be a function (row, params) => probability',
  }),
  scenario: z
    .custom<(row: unknown) => unknown>((v) => typeof v === 'function', {
      message: 'scenario must be a function (row) => row',
    })
    .optional(),
  scenarioName: z.string().max(200).optional(),
});
export type ScriptDefinitionValue = z.infer<typeof ScriptDefinitionSchema>;
