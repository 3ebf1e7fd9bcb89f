import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { Grouping } from '../../../shared/api/calls/analysis-calls';
import type { GroupDefinition } from '../../../shared/analysis/group-calibration';
import { periodOf } from '../../../shared/analysis/period-key';
import { quantilesOfSorted } from '../../../shared/statistics/quantile';
import { readColumn } from '../store/read-column';
import { readDictionary } from '../store/read-dictionary';
import type { AnalysisSample } from './analysis-sample';

/** Assigns each used row to a group (or -1), with the groups in display order. */
export function groupRows(
  db: Database.Database,
  sample: AnalysisSample,
  by: Grouping,
): { groupOf: Int32Array; groups: GroupDefinition[] } {
  const { details, rowIndex } = sample;
  const n = rowIndex.length;
  const groupOf = new Int32Array(n).fill(-1);
  const columnNamed = (name: string) => {
    const column = details.columns.find((c) => c.name === name);
    if (!column)
      throw new ApiError('invalid-input', `Dataset "${details.summary.name}" has no column "${name}".`);
    return column;
  };

  if (by.kind === 'segment') {
    const column = columnNamed(by.column);
    if (column.kind !== 'category' && column.kind !== 'boolean' && column.kind !== 'text') {
      throw new ApiError(
        'invalid-input',
        `Column "${by.column}" is ${column.kind}; group a numeric column by quantiles.`,
      );
    }
    const codes = readColumn(db, details.summary.id, column.name);
    const labels =
      column.kind === 'boolean' ? ['0', '1'] : readDictionary(db, details.summary.id, column.name);
    const groups: GroupDefinition[] = labels.map((label, code) => ({
      key: String(code),
      label,
      from: null,
      to: null,
    }));
    for (let j = 0; j < n; j++) {
      const code = codes[rowIndex[j] as number] as number;
      if (code >= 0 && code < labels.length) groupOf[j] = code;
    }
    return { groupOf, groups };
  }

  if (by.kind === 'period') {
    const timeColumn = details.columns.find((c) => c.role === 'time');
    if (!timeColumn)
      throw new ApiError('invalid-input', `Dataset "${details.summary.name}" has no time column.`);
    const times = readColumn(db, details.summary.id, timeColumn.name) as Float64Array;
    const indexByStart = new Map<number, number>();
    const groups: GroupDefinition[] = [];
    const periodsOfRows = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const t = times[rowIndex[j] as number] as number;
      periodsOfRows[j] = Number.isFinite(t) ? periodOf(t, by.period).start : Number.NaN;
    }
    const starts = [...new Set(periodsOfRows.filter((s) => !Number.isNaN(s)))].sort((a, b) => a - b);
    for (const start of starts) {
      const period = periodOf(start, by.period);
      indexByStart.set(start, groups.length);
      groups.push({ key: period.label, label: period.label, from: period.start, to: period.end });
    }
    for (let j = 0; j < n; j++) {
      const index = indexByStart.get(periodsOfRows[j] as number);
      if (index !== undefined) groupOf[j] = index;
    }
    return { groupOf, groups };
  }

  const column = columnNamed(by.column);
  if (column.kind !== 'number' && column.kind !== 'integer') {
    throw new ApiError(
      'invalid-input',
      `Column "${by.column}" is ${column.kind}; quantile groups need a numeric column.`,
    );
  }
  const raw = readColumn(db, details.summary.id, column.name) as Float64Array;
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) values[j] = raw[rowIndex[j] as number] as number;
  const finite = values.filter((v) => Number.isFinite(v)).sort();
  if (finite.length === 0)
    throw new ApiError('invalid-input', `Column "${by.column}" has no values in the selected rows.`);
  // Type-7 quantile edges; repeated edges merge groups rather than leave empty ones.
  const edges = [
    ...new Set(
      quantilesOfSorted(
        finite,
        Array.from({ length: by.groups + 1 }, (_, k) => k / by.groups),
      ),
    ),
  ];
  const groups: GroupDefinition[] = [];
  for (let g = 0; g < Math.max(1, edges.length - 1); g++) {
    const from = edges[g] as number;
    const to = (edges[g + 1] ?? edges[g]) as number;
    const last = g === edges.length - 2 || edges.length === 1;
    groups.push({
      key: `q${g + 1}`,
      label: `${by.column} ${last ? `[${fmt(from)}, ${fmt(to)}]` : `[${fmt(from)}, ${fmt(to)})`}`,
      from,
      to,
    });
  }
  for (let j = 0; j < n; j++) {
    const v = values[j] as number;
    if (!Number.isFinite(v)) continue;
    let g = 0;
    while (g < groups.length - 1 && v >= (groups[g + 1] as GroupDefinition).from!) g++;
    groupOf[j] = g;
  }
  return { groupOf, groups };
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(4)).toString());
