import { z } from 'zod';
import { FitReportSchema } from '../../../shared/scripting/fit-report';

const location = z.strictObject({ line: z.number().int().positive(), column: z.number().int().positive() });
const floats = z.instanceof(Float64Array);

/**
 * Everything the sandbox may say. Its messages are untrusted: anything that does not parse is a
 * protocol failure, and arrays are checked for type here and for length by the host.
 */
export const SandboxMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('pong'), nonce: z.string() }),
  z.strictObject({
    type: z.literal('progress'),
    runId: z.string(),
    phase: z.enum(['starting', 'fitting', 'standard-errors', 'scoring', 'scenario']),
    iteration: z.number().int().nonnegative(),
    evaluations: z.number().int().nonnegative(),
    objective: z.number().nullable(),
    elapsedMs: z.number().nonnegative(),
  }),
  z.strictObject({
    type: z.literal('done'),
    runId: z.string(),
    report: FitReportSchema,
    testScores: floats,
    scenario: z.strictObject({ baseline: floats, stressed: floats }).nullable(),
    transfer: z.array(z.instanceof(ArrayBuffer)),
  }),
  z.strictObject({
    type: z.literal('failed'),
    runId: z.string(),
    kind: z.enum(['definition', 'runtime', 'protocol']),
    message: z.string().max(10_000),
    location: location.nullable(),
  }),
  /** An error the worker did not catch (a syntax error while loading, or one thrown from a timer). */
  z.strictObject({
    type: z.literal('uncaught'),
    runId: z.string(),
    message: z.string().max(10_000),
    line: z.number().int().nonnegative(),
    column: z.number().int().nonnegative(),
  }),
]);
export type SandboxMessage = z.infer<typeof SandboxMessageSchema>;
