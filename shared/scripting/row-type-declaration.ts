import type { ColumnKind, ColumnRole } from '../domain/column-schema';

export interface RowTypeColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly role: ColumnRole | null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The TypeScript type a value of each column kind has in a script's row (see script-data.ts). */
export function rowValueType(kind: ColumnKind): string {
  switch (kind) {
    case 'number':
    case 'integer':
    case 'timestamp':
      return 'number';
    case 'boolean':
      return 'boolean | null';
    case 'category':
    case 'text':
      return 'string | null';
  }
}

/**
 * The columns a script's rows carry: every column except the outcome and the weight, so a
 * formula cannot read the answer it is fitted to.
 */
export function rowColumns<C extends RowTypeColumn>(columns: readonly C[]): C[] {
  return columns.filter((c) => c.role !== 'outcome' && c.role !== 'weight');
}

/** `interface Row` for a dataset, with each column's kind and role in its doc comment. */
export function rowTypeDeclaration(datasetName: string, columns: readonly RowTypeColumn[]): string {
  const lines = [
    `/** One row of dataset ${JSON.stringify(datasetName).replace(/\*\//g, '*\\/')}. */`,
    'interface Row {',
  ];
  for (const column of rowColumns(columns)) {
    const missing =
      column.kind === 'number' || column.kind === 'integer' || column.kind === 'timestamp' ? 'NaN' : 'null';
    const unit = column.kind === 'timestamp' ? ', epoch milliseconds (UTC)' : '';
    const role = column.role ? `, role ${column.role}` : '';
    lines.push(
      `  /** ${column.kind}${unit}${role}; ${missing} when missing. */`.replace(/\*\/(?=.)/g, '*\\/'),
    );
    const key = IDENTIFIER.test(column.name) ? column.name : JSON.stringify(column.name);
    lines.push(`  readonly ${key}: ${rowValueType(column.kind)};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
