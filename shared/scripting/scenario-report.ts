import { z } from 'zod';

const rate = z.number().finite().nullable();

/** Predicted versus baseline events of one group of rows under a script's scenario. */
export const ScenarioRowSchema = z.strictObject({
  /** The segment value; 'all' for the overall row. */
  segment: z.string(),
  n: z.number().int().nonnegative(),
  observedEvents: z.number().nonnegative(),
  /** Σ p over the rows as they are. */
  baselineEvents: z.number().nonnegative(),
  /** Σ p over the rows the scenario transformed. */
  stressedEvents: z.number().nonnegative(),
  observedRate: rate,
  baselineRate: rate,
  stressedRate: rate,
  /** stressedEvents / baselineEvents; null when the baseline predicts no events. */
  ratio: rate,
});
export type ScenarioRow = z.infer<typeof ScenarioRowSchema>;

export const ScenarioReportSchema = z.strictObject({
  name: z.string(),
  /** Every used row (training and test). */
  overall: ScenarioRowSchema,
  /** One table per segment column of the dataset. */
  bySegment: z.array(z.strictObject({ column: z.string(), rows: z.array(ScenarioRowSchema) })),
});
export type ScenarioReport = z.infer<typeof ScenarioReportSchema>;
