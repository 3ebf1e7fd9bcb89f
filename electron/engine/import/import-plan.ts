import type { ScoreScale, TimestampFormat } from '../../../shared/domain/column-schema';
import type { ErrorPolicy, TextEncoding } from '../../../shared/domain/import-options';
import type { ColumnSpec } from '../store/column-spec';

/** One column to store: where it comes from in the file and how it is kept. */
export interface PlannedColumn {
  /** 0-based position of the column in the file (header order, JSON key order, Parquet field order). */
  fileIndex: number;
  spec: ColumnSpec;
}

/** Everything the row decoders need to know, fixed before the first data row is read. */
export interface ImportPlan {
  file: string;
  /** Names of all columns in the file, in file order. */
  fileColumns: string[];
  columns: PlannedColumn[];
  policy: ErrorPolicy;
  decimal: '.' | ',';
  encoding: TextEncoding;
}

export interface ColumnFormat {
  timestampFormat: TimestampFormat | undefined;
  scoreScale: ScoreScale | undefined;
}
