import { z } from 'zod';

/** What the values of a column mean; decides how they are parsed and stored. */
export const ColumnKindSchema = z.enum(['number', 'integer', 'boolean', 'category', 'timestamp', 'text']);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;

/** What an analysis uses a column for. */
export const ColumnRoleSchema = z.enum(['score', 'outcome', 'time', 'segment', 'weight', 'id', 'feature']);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

/**
 * How timestamps are written in a source. ISO 8601 without an offset is read as UTC; the slash
 * formats accept an optional ` HH:MM[:SS]` time, also UTC.
 */
export const TimestampFormatSchema = z.enum([
  'iso8601',
  'epoch-seconds',
  'epoch-milliseconds',
  'yyyy/mm/dd',
  'dd/mm/yyyy',
  'mm/dd/yyyy',
  'dd.mm.yyyy',
]);
export type TimestampFormat = z.infer<typeof TimestampFormatSchema>;

/** How a score column is read: a probability in [0, 1], a logit, or points of a scorecard. */
export const ScoreScaleSchema = z.enum(['probability', 'logit', 'points']);
export type ScoreScale = z.infer<typeof ScoreScaleSchema>;
