import { ApiError } from '../../../shared/api/api-error';
import type { ColumnKind, ColumnRole } from '../../../shared/domain/column-schema';
import type { ImportColumn, RoleChoices } from '../../../shared/domain/import-options';
import type { ImportPreview } from '../../../shared/domain/import-preview';
import { storageFor } from '../store/column-spec';
import { inferTimestampFormat } from './decode-timestamp';
import { inferScoreScale } from './infer-column';
import type { PlannedColumn } from './import-plan';

/** Roles a dataset has at most one column for. */
const SINGLE_ROLES: readonly ColumnRole[] = ['score', 'outcome', 'time', 'weight', 'id'];

/** The mapping the preview suggests: every column with its inferred kind and role; free text left out. */
export function suggestedMapping(preview: ImportPreview): ImportColumn[] {
  return preview.columns.map((column) => ({
    source: column.source,
    kind: column.kind,
    role: column.suggestedRole,
    include: column.kind !== 'text' || column.suggestedRole === 'id',
    ...(column.timestampFormat ? { timestampFormat: column.timestampFormat } : {}),
    ...(column.scoreScale ? { scoreScale: column.scoreScale } : {}),
  }));
}

/**
 * The columns to store, from an explicit mapping or the preview's suggestion, with the role
 * choices applied on top. Everything is checked here, before a byte of data is read.
 */
export function resolveMapping(
  preview: ImportPreview,
  columns: readonly ImportColumn[] | undefined,
  roles: RoleChoices | undefined,
): PlannedColumn[] {
  const file = preview.file;
  const index = new Map(preview.header.map((name, i) => [name, i]));
  const fail = (message: string): never => {
    throw new ApiError('invalid-input', `${file}: ${message}`);
  };
  const mapping: ImportColumn[] = (columns ?? suggestedMapping(preview)).map((c) => ({ ...c }));
  for (const column of mapping) {
    if (!index.has(column.source))
      fail(`there is no column "${column.source}" (the columns are: ${listed(preview.header)}).`);
  }
  const bySource = new Map(mapping.map((c) => [c.source, c]));
  const cellsOf = (source: string) => preview.rows.map((row) => row[index.get(source) as number] ?? null);
  const pick = (source: string, what: string): ImportColumn => {
    if (!index.has(source))
      fail(`there is no column "${source}" for the ${what} (the columns are: ${listed(preview.header)}).`);
    let column = bySource.get(source);
    if (!column) {
      const detected = preview.columns[index.get(source) as number];
      column = { source, kind: detected?.kind ?? 'text', role: null, include: true };
      mapping.push(column);
      bySource.set(source, column);
    }
    return column;
  };
  const assign = (role: ColumnRole, source: string, kind: (current: ColumnKind) => ColumnKind) => {
    for (const other of mapping) {
      if (other.role === role && other.source !== source) other.role = demotedRole(other.kind);
    }
    const column = pick(source, role);
    column.role = role;
    column.include = true;
    column.kind = kind(column.kind);
  };

  if (roles?.score) assign('score', roles.score, () => 'number');
  if (roles?.outcome) assign('outcome', roles.outcome, () => 'boolean');
  if (roles?.weight) assign('weight', roles.weight, () => 'number');
  if (roles?.id) assign('id', roles.id, (kind) => (kind === 'number' || kind === 'integer' ? kind : 'text'));
  if (roles?.time) assign('time', roles.time, () => 'timestamp');
  for (const segment of roles?.segments ?? []) {
    const column = pick(segment, 'segment');
    column.role = 'segment';
    column.include = true;
    if (column.kind === 'text') column.kind = 'category';
  }

  for (const role of SINGLE_ROLES) {
    const holders = mapping.filter((c) => c.include && c.role === role);
    if (holders.length > 1)
      fail(`only one column can be the ${role} (${listed(holders.map((c) => c.source))} all are).`);
  }
  for (const column of mapping) {
    if (column.kind === 'timestamp' && !column.timestampFormat) {
      const detected = preview.columns[index.get(column.source) as number]?.timestampFormat;
      const format =
        detected ??
        inferTimestampFormat(
          cellsOf(column.source).filter((c): c is string => c !== null),
          true,
        );
      if (!format) {
        const example = cellsOf(column.source).find((c) => c !== null && c.trim() !== '') ?? '';
        fail(
          `column "${column.source}" does not hold timestamps in a format Scorecal knows (e.g. "${example.slice(0, 40)}"); choose its timestampFormat.`,
        );
      }
      column.timestampFormat = format ?? undefined;
    }
    if (column.role === 'score' && !column.scoreScale)
      column.scoreScale = inferScoreScale(cellsOf(column.source), preview.decimal ?? '.');
    if (column.role === 'outcome' && column.kind !== 'boolean') {
      fail(
        `the outcome column "${column.source}" must be binary (0/1, true/false, yes/no), not ${column.kind}.`,
      );
    }
    if (column.role === 'score' && column.kind !== 'number' && column.kind !== 'integer') {
      fail(`the score column "${column.source}" must be numeric, not ${column.kind}.`);
    }
  }
  const included = mapping.filter((c) => c.include);
  if (included.length === 0) fail('no column is chosen for import.');
  const names = new Set<string>();
  const planned = included
    .map((column): PlannedColumn => {
      const name = column.name ?? column.source;
      if (names.has(name)) fail(`two columns would both be stored as "${name}"; rename one.`);
      names.add(name);
      return {
        fileIndex: index.get(column.source) as number,
        spec: {
          name,
          storage: storageFor(column.kind),
          kind: column.kind,
          role: column.role,
          source: column.source,
          ...(column.kind === 'timestamp' && column.timestampFormat
            ? { timestampFormat: column.timestampFormat }
            : {}),
          ...(column.role === 'score' && column.scoreScale ? { scoreScale: column.scoreScale } : {}),
        },
      };
    })
    .sort((a, b) => a.fileIndex - b.fileIndex);
  return planned;
}

function demotedRole(kind: ColumnKind): ColumnRole | null {
  if (kind === 'number' || kind === 'integer' || kind === 'boolean') return 'feature';
  if (kind === 'category') return 'segment';
  return null;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `"${n}"`);
  return names.length > 12 ? `${shown.join(', ')}, … (${names.length} in all)` : shown.join(', ');
}
