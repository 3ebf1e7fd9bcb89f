import { z } from 'zod';
import type {
  ColumnKind,
  ColumnRole,
  ScoreScale,
  TimestampFormat,
} from '../../../shared/domain/column-schema';

export {
  ColumnKindSchema,
  ColumnRoleSchema,
  type ColumnKind,
  type ColumnRole,
} from '../../../shared/domain/column-schema';

export const ColumnStorageSchema = z.enum(['float64', 'int32', 'uint8']);
export type ColumnStorage = z.infer<typeof ColumnStorageSchema>;

/**
 * How one column is kept: numbers and timestamps (epoch ms) as float64 with NaN for missing,
 * categories as int32 codes into `dictionary` (-1 missing), booleans as uint8 (255 missing).
 */
export interface ColumnSpec {
  name: string;
  storage: ColumnStorage;
  kind: ColumnKind;
  role: ColumnRole | null;
  dictionary?: string[];
  /** The column's name in the source file, when it was renamed on import. */
  source?: string;
  timestampFormat?: TimestampFormat;
  scoreScale?: ScoreScale;
}

/** Facts about a column's values, gathered while importing and kept with the column. */
export interface ColumnStats {
  missing: number;
  min: number | null;
  max: number | null;
}

/** The storage each kind of column uses. */
export function storageFor(kind: ColumnKind): ColumnStorage {
  if (kind === 'category' || kind === 'text') return 'int32';
  if (kind === 'boolean') return 'uint8';
  return 'float64';
}

export type ColumnArray = Float64Array | Int32Array | Uint8Array;

export const MISSING_CATEGORY = -1;
export const MISSING_BOOLEAN = 255;

export function allocateColumn(storage: ColumnStorage, length: number): ColumnArray {
  switch (storage) {
    case 'float64':
      return new Float64Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'uint8':
      return new Uint8Array(length);
  }
}
