import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { isEmptyFilter, type DatasetFilter } from '../../../shared/domain/dataset-filter';
import type { DatasetDetails, StoredColumn } from '../../../shared/domain/dataset-details';
import { readColumn } from '../store/read-column';
import { readDictionary } from '../store/read-dictionary';

/**
 * Which rows a filter keeps (1) or drops (0), evaluated column by column on stored arrays; null
 * when the filter keeps everything. Rows with a missing value in a filtered column are dropped.
 */
export function filterMask(
  db: Database.Database,
  details: DatasetDetails,
  filter: DatasetFilter | undefined,
): Uint8Array | null {
  if (!filter || isEmptyFilter(filter)) return null;
  const rows = details.summary.rows;
  const mask = new Uint8Array(rows).fill(1);
  const column = (name: string, kinds: StoredColumn['kind'][], purpose: string): StoredColumn => {
    const found = details.columns.find((c) => c.name === name);
    if (!found)
      throw new ApiError(
        'invalid-input',
        `Filter: dataset "${details.summary.name}" has no column "${name}".`,
      );
    if (!kinds.includes(found.kind)) {
      throw new ApiError(
        'invalid-input',
        `Filter: column "${name}" is ${found.kind}; ${purpose} needs ${kinds.join(' or ')}.`,
      );
    }
    return found;
  };

  const time = filter.timeRange;
  if (time && (time.from !== null || time.to !== null)) {
    const timeColumn = details.columns.find((c) => c.role === 'time');
    if (!timeColumn)
      throw new ApiError('invalid-input', `Filter: dataset "${details.summary.name}" has no time column.`);
    const values = readColumn(db, details.summary.id, timeColumn.name) as Float64Array;
    const from = time.from ?? -Infinity;
    const to = time.to ?? Infinity;
    for (let i = 0; i < rows; i++) {
      const t = values[i] as number;
      if (!(t >= from && t < to)) mask[i] = 0;
    }
  }

  for (const segment of filter.segments) {
    const spec = column(segment.column, ['category', 'text', 'boolean'], 'a segment filter');
    const codes = readColumn(db, details.summary.id, spec.name);
    const keep = new Set<number>();
    if (spec.kind === 'boolean') {
      for (const value of segment.values) keep.add(/^(1|true|yes)$/i.test(value) ? 1 : 0);
    } else {
      const dictionary = readDictionary(db, details.summary.id, spec.name);
      segment.values.forEach((value) => {
        const code = dictionary.indexOf(value);
        if (code >= 0) keep.add(code);
      });
    }
    for (let i = 0; i < rows; i++) if (!keep.has(codes[i] as number)) mask[i] = 0;
  }

  for (const range of filter.ranges) {
    const spec = column(range.column, ['number', 'integer', 'timestamp'], 'a range filter');
    const values = readColumn(db, details.summary.id, spec.name) as Float64Array;
    const min = range.min ?? -Infinity;
    const max = range.max ?? Infinity;
    for (let i = 0; i < rows; i++) {
      const v = values[i] as number;
      if (!(v >= min && v <= max)) mask[i] = 0;
    }
  }
  return mask;
}
