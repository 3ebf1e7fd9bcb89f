import type { ColumnKind, ColumnRole } from '../store/column-spec';

export interface SampleColumn {
  name: string;
  kind: Extract<ColumnKind, 'integer' | 'number' | 'timestamp' | 'category' | 'boolean'>;
  role: ColumnRole;
}

/** The columns of the sample CSV, in file order. `liquidated` is written as 0/1 and typed boolean. */
export const SAMPLE_COLUMNS = [
  { name: 'position_id', kind: 'integer', role: 'id' },
  { name: 'opened_at', kind: 'timestamp', role: 'time' },
  { name: 'asset', kind: 'category', role: 'segment' },
  { name: 'side', kind: 'category', role: 'segment' },
  { name: 'leverage', kind: 'number', role: 'feature' },
  { name: 'collateral_ratio', kind: 'number', role: 'feature' },
  { name: 'horizon_days', kind: 'integer', role: 'feature' },
  { name: 'realized_vol', kind: 'number', role: 'feature' },
  { name: 'long_run_vol', kind: 'number', role: 'feature' },
  { name: 'score', kind: 'number', role: 'score' },
  { name: 'liquidated', kind: 'boolean', role: 'outcome' },
] as const satisfies readonly SampleColumn[];

export type SampleColumnName = (typeof SAMPLE_COLUMNS)[number]['name'];

/** The bundled sample under resources/samples/. */
export const SAMPLE_FILE_NAME = 'liquidations-100k.csv.gz';
export const SAMPLE_ROWS = 100_000;
export const SAMPLE_SEED = 42;
