import { z } from 'zod';

export const CalibratorMethodSchema = z.enum([
  'platt',
  'temperature',
  'isotonic',
  'beta',
  'histogram',
  'spline',
  'venn-abers',
  'base-rate',
]);
export type CalibratorMethod = z.infer<typeof CalibratorMethodSchema>;
