import { z } from 'zod';

/** One progress report of a long call; every transport forwards these unchanged. */
export const ProgressSchema = z.strictObject({
  phase: z.string(),
  done: z.number().nonnegative(),
  /** null while the total is not known yet. */
  total: z.number().nonnegative().nullable(),
  unit: z.enum(['rows', 'bytes', 'steps']),
  /** Units per second since the phase began. */
  rate: z.number().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** A progress report tagged with the request it belongs to, as it travels over a transport. */
export const ProgressEventSchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  progress: ProgressSchema,
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;
