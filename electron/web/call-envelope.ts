import { z } from 'zod';

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
const REQUEST_ID_RULE = 'must be 1 to 100 letters, digits, "-" or "_"';

export const RequestIdSchema = z
  .string()
  .regex(REQUEST_ID_PATTERN, { error: `requestId ${REQUEST_ID_RULE}` });

/**
 * The body of POST /api/call/:name. The input itself is checked by the engine against the
 * contract; here only the wrapper. requestId may be left out by scripts that need neither
 * progress nor cancellation.
 */
export const CallEnvelopeSchema = z.strictObject({
  input: z.custom<unknown>((value) => value !== undefined, {
    error: 'input is required (send {} for calls that take no input)',
  }),
  requestId: RequestIdSchema.optional(),
});
export type CallEnvelope = z.infer<typeof CallEnvelopeSchema>;
