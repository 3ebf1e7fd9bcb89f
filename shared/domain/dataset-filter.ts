import { z } from 'zod';

/**
 * A row filter every analysis accepts, evaluated on stored columns. All parts must hold (AND);
 * rows with a missing value in a filtered column are left out.
 */
export const DatasetFilterSchema = z.strictObject({
  /** Epoch milliseconds (UTC) on the dataset's time column: from inclusive, to exclusive. */
  timeRange: z
    .strictObject({ from: z.number().nullable().default(null), to: z.number().nullable().default(null) })
    .optional(),
  /** Keep rows whose category column holds one of the values. */
  segments: z
    .array(z.strictObject({ column: z.string().min(1), values: z.array(z.string()).min(1) }))
    .default([]),
  /** Keep rows whose numeric column lies in [min, max]; a null bound is open. */
  ranges: z
    .array(
      z.strictObject({
        column: z.string().min(1),
        min: z.number().nullable().default(null),
        max: z.number().nullable().default(null),
      }),
    )
    .default([]),
});
export type DatasetFilter = z.infer<typeof DatasetFilterSchema>;
export type DatasetFilterInput = z.input<typeof DatasetFilterSchema>;

export const NO_FILTER: DatasetFilter = { segments: [], ranges: [] };

export function isEmptyFilter(filter: DatasetFilter): boolean {
  const time = filter.timeRange;
  return (
    (time === undefined || (time.from === null && time.to === null)) &&
    filter.segments.length === 0 &&
    filter.ranges.length === 0
  );
}
