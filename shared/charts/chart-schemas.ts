import { z } from 'zod';

export const RocCurveSchema = z.strictObject({
  falsePositiveRate: z.array(z.number().min(0).max(1)),
  truePositiveRate: z.array(z.number().min(0).max(1)),
});

export const ScoreHistogramSchema = z.strictObject({
  edges: z.array(z.number()),
  events: z.array(z.number().nonnegative()),
  nonEvents: z.array(z.number().nonnegative()),
});
