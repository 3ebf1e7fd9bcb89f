import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { isEmptyFilter, type DatasetFilter } from '../../../shared/domain/dataset-filter';
import type { ColumnArray } from './column-spec';
import { readColumn } from './read-column';

interface ColumnInfo {
  name: string;
  kind: string;
  role: string | null;
  dictionary: string | null;
}

/**
 * The rows a filter keeps, as a 0/1 mask, evaluated on whole columns; null when the filter keeps
 * every row (so callers can skip the copy). Missing values in a filtered column never match.
 */
export function filterMask(
  db: Database.Database,
  datasetId: number,
  filter: DatasetFilter,
): Uint8Array | null {
  if (isEmptyFilter(filter)) return null;
  const columns = db
    .prepare('SELECT name, kind, role, dictionary FROM dataset_columns WHERE dataset_id = ?')
    .all(datasetId) as ColumnInfo[];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const rows = db.prepare('SELECT row_count FROM datasets WHERE id = ?').pluck().get(datasetId) as
    number | undefined;
  if (rows === undefined) throw new ApiError('not-found', `There is no dataset with id ${datasetId}.`);
  const mask = new Uint8Array(rows).fill(1);
  const column = (name: string, what: string): ColumnInfo => {
    const found = byName.get(name);
    if (!found)
      throw new ApiError(
        'invalid-input',
        `The filter's ${what} names the column "${name}", which this dataset does not have.`,
      );
    return found;
  };

  const time = filter.timeRange;
  if (time && (time.from !== null || time.to !== null)) {
    const timeColumn = columns.find((c) => c.role === 'time');
    if (!timeColumn)
      throw new ApiError('invalid-input', 'The filter has a time range but the dataset has no time column.');
    keepInRange(
      mask,
      readColumn(db, datasetId, timeColumn.name),
      time.from ?? -Infinity,
      time.to ?? Infinity,
      true,
    );
  }
  for (const range of filter.ranges) {
    const info = column(range.column, 'range');
    if (info.kind === 'category' || info.kind === 'text') {
      throw new ApiError(
        'invalid-input',
        `The filter's range is on "${range.column}", which is not numeric.`,
      );
    }
    const values = readColumn(db, datasetId, info.name);
    const missing = info.kind === 'boolean' ? 255 : NaN;
    keepInRange(mask, values, range.min ?? -Infinity, range.max ?? Infinity, false, missing);
  }
  for (const segment of filter.segments) {
    const info = column(segment.column, 'segment');
    if (info.kind !== 'category' && info.kind !== 'text') {
      throw new ApiError(
        'invalid-input',
        `The filter's segment is on "${segment.column}", which is not a category.`,
      );
    }
    const dictionary = JSON.parse(info.dictionary ?? '[]') as string[];
    const wanted = new Uint8Array(dictionary.length);
    dictionary.forEach((value, code) => {
      if (segment.values.includes(value)) wanted[code] = 1;
    });
    const codes = readColumn(db, datasetId, info.name) as Int32Array;
    for (let r = 0; r < rows; r++) {
      const code = codes[r] as number;
      if (code < 0 || wanted[code] !== 1) mask[r] = 0;
    }
  }
  return mask;
}

function keepInRange(
  mask: Uint8Array,
  values: ColumnArray,
  low: number,
  high: number,
  highExclusive: boolean,
  missing = NaN,
): void {
  for (let r = 0; r < mask.length; r++) {
    const v = values[r] as number;
    const inside = v === v && v !== missing && v >= low && (highExclusive ? v < high : v <= high);
    if (!inside) mask[r] = 0;
  }
}

/** Keeps the masked rows of a column (a new, shorter array of the same type). */
export function applyMask<T extends ColumnArray>(values: T, mask: Uint8Array | null): T {
  if (mask === null) return values;
  let kept = 0;
  for (let r = 0; r < mask.length; r++) kept += mask[r] as number;
  const out = new (values.constructor as new (n: number) => T)(kept);
  let at = 0;
  for (let r = 0; r < mask.length; r++) if (mask[r] === 1) out[at++] = values[r] as number;
  return out;
}

/** Reads the named columns with a filter applied: the entry point analyses use. */
export function readFilteredColumns(
  db: Database.Database,
  datasetId: number,
  names: readonly string[],
  filter: DatasetFilter,
): Map<string, ColumnArray> {
  const mask = filterMask(db, datasetId, filter);
  return new Map(names.map((name) => [name, applyMask(readColumn(db, datasetId, name), mask)]));
}
