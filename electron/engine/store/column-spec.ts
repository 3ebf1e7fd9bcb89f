import { z } from 'zod';

export const ColumnStorageSchema = z.enum(['float64', 'int32', 'uint8']);
export type ColumnStorage = z.infer<typeof ColumnStorageSchema>;

export const ColumnKindSchema = z.enum(['number', 'integer', 'boolean', 'category', 'timestamp', 'text']);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;

export const ColumnRoleSchema = z.enum(['score', 'outcome', 'time', 'segment', 'weight', 'id', 'feature']);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

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
