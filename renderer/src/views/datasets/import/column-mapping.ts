import type {
  ColumnKind,
  ColumnRole,
  ScoreScale,
  TimestampFormat,
} from '../../../../../shared/domain/column-schema';
import type { ImportColumnInput } from '../../../../../shared/domain/import-options';
import type { ImportPreview } from '../../../../../shared/domain/import-preview';

/** One column of the file as the wizard edits it. */
export interface MappedColumn {
  source: string;
  /** The stored name; the file's name unless the user changes it. */
  name: string;
  kind: ColumnKind;
  role: ColumnRole | null;
  include: boolean;
  timestampFormat: TimestampFormat | null;
  scoreScale: ScoreScale | null;
}

export const KINDS: readonly ColumnKind[] = ['number', 'integer', 'boolean', 'category', 'timestamp', 'text'];
export const ROLES: readonly ColumnRole[] = [
  'score',
  'outcome',
  'time',
  'segment',
  'weight',
  'id',
  'feature',
];
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = [
  'iso8601',
  'epoch-seconds',
  'epoch-milliseconds',
  'yyyy/mm/dd',
  'dd/mm/yyyy',
  'mm/dd/yyyy',
  'dd.mm.yyyy',
];
export const SCORE_SCALES: readonly ScoreScale[] = ['probability', 'logit', 'points'];

/** Roles a dataset has at most one column for. */
const SINGLE_ROLES: readonly ColumnRole[] = ['score', 'outcome', 'time', 'weight', 'id'];

/** The preview's suggestion, as the engine would apply it: free text is left out unless it is the id. */
export function suggestedMapping(preview: ImportPreview): MappedColumn[] {
  return preview.columns.map((column) => ({
    source: column.source,
    name: column.source,
    kind: column.kind,
    role: column.suggestedRole,
    include: column.kind !== 'text' || column.suggestedRole === 'id',
    timestampFormat: column.timestampFormat,
    scoreScale: column.scoreScale,
  }));
}

/** What a column that loses a single role becomes: what the engine's suggestion would make of it. */
function demotedRole(kind: ColumnKind): ColumnRole | null {
  if (kind === 'number' || kind === 'integer' || kind === 'boolean') return 'feature';
  if (kind === 'category') return 'segment';
  return null;
}

/** The kind a role needs, if the column's kind cannot serve it. */
function kindForRole(role: ColumnRole | null, kind: ColumnKind): ColumnKind {
  if (role === 'score' || role === 'weight') return kind === 'integer' ? 'integer' : 'number';
  if (role === 'outcome') return 'boolean';
  if (role === 'time') return 'timestamp';
  if (role === 'segment' && kind === 'text') return 'category';
  return kind;
}

/**
 * Gives a column a role. A single role moves: the column that held it falls back to what it
 * would otherwise be, exactly as the engine resolves role choices.
 */
export function assignRole(
  columns: readonly MappedColumn[],
  source: string,
  role: ColumnRole | null,
): MappedColumn[] {
  return columns.map((column) => {
    if (column.source === source) {
      const kind = kindForRole(role, column.kind);
      return {
        ...column,
        role,
        kind,
        include: role !== null ? true : column.include,
        scoreScale: role === 'score' ? (column.scoreScale ?? 'probability') : column.scoreScale,
      };
    }
    if (role !== null && SINGLE_ROLES.includes(role) && column.role === role) {
      return { ...column, role: demotedRole(column.kind) };
    }
    return column;
  });
}

export function updateColumn(
  columns: readonly MappedColumn[],
  source: string,
  patch: Partial<MappedColumn>,
): MappedColumn[] {
  return columns.map((column) => (column.source === source ? { ...column, ...patch } : column));
}

/** Problems that would make the engine refuse the mapping; the Import button waits for none. */
export function mappingProblems(columns: readonly MappedColumn[]): string[] {
  const included = columns.filter((column) => column.include);
  const problems: string[] = [];
  if (included.length === 0) problems.push('Choose at least one column to import.');
  for (const role of SINGLE_ROLES) {
    const holders = included.filter((column) => column.role === role);
    if (holders.length > 1)
      problems.push(`Only one column can be the ${role}: ${holders.map((c) => c.source).join(', ')}.`);
  }
  const names = new Map<string, number>();
  for (const column of included) names.set(column.name.trim(), (names.get(column.name.trim()) ?? 0) + 1);
  for (const [name, count] of names) {
    if (name === '') problems.push('Every imported column needs a name.');
    else if (count > 1) problems.push(`Two columns would both be stored as "${name}"; rename one.`);
  }
  for (const column of included) {
    if (column.role === 'outcome' && column.kind !== 'boolean') {
      problems.push(`The outcome "${column.source}" must have the type boolean (0/1, true/false, yes/no).`);
    }
    if (
      (column.role === 'score' || column.role === 'weight') &&
      column.kind !== 'number' &&
      column.kind !== 'integer'
    ) {
      problems.push(`The ${column.role} "${column.source}" must be a number.`);
    }
  }
  return problems;
}

/** What is allowed but limits what Scorecal can do with the dataset. */
export function mappingWarnings(columns: readonly MappedColumn[]): string[] {
  const included = columns.filter((column) => column.include);
  const has = (role: ColumnRole) => included.some((column) => column.role === role);
  const warnings: string[] = [];
  if (!has('score'))
    warnings.push('No score column: Diagnose needs one. Give the model score the role "score".');
  if (!has('outcome')) warnings.push('No outcome column: Diagnose needs the observed 0/1 outcome.');
  if (!has('time')) warnings.push('No time column: calibration over time will not be available.');
  return warnings;
}

/** The mapping in the form of the import request. */
export function toImportColumns(columns: readonly MappedColumn[]): ImportColumnInput[] {
  return columns.map((column) => ({
    source: column.source,
    ...(column.name.trim() !== '' && column.name.trim() !== column.source
      ? { name: column.name.trim() }
      : {}),
    kind: column.kind,
    role: column.role,
    include: column.include,
    ...(column.kind === 'timestamp' && column.timestampFormat
      ? { timestampFormat: column.timestampFormat }
      : {}),
    ...(column.role === 'score' && column.scoreScale ? { scoreScale: column.scoreScale } : {}),
  }));
}
