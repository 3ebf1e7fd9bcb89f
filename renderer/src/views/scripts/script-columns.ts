/** Which of a dataset's row columns a run asks the engine for, and why. */
export interface RequestedColumns {
  readonly columns: string[];
  /** 'mentioned': the columns the compiled script names; 'all': it reads rows in a way that cannot be told. */
  readonly basis: 'mentioned' | 'all';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Reading a row reflectively (its keys, a `for … in`, a whole-row JSON) may touch any column, so
 * such a script gets them all.
 */
const REFLECTION = [
  /\bObject\s*\.\s*(?:keys|values|entries|getOwnPropertyNames|getOwnPropertyDescriptors|assign)\s*\(/,
  /\bReflect\s*\./,
  /\bJSON\s*\.\s*stringify\s*\(/,
  /\bfor\s*\(\s*(?:const|let|var)?\s*[A-Za-z_$][A-Za-z0-9_$]*\s+in\s/,
  /\bstructuredClone\s*\(/,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the JavaScript names `column`: as a word (`.name`, `{ name }`) or as a string literal
 * (`["name"]`, `'name'`). A word followed by `(` is a function (the script's own `score(row, p)`
 * method), not a column read.
 */
function mentions(javascript: string, column: string): boolean {
  if (IDENTIFIER.test(column)) {
    return new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(column)}(?![A-Za-z0-9_$]|\\s*\\()`).test(javascript);
  }
  const quoted = [
    JSON.stringify(column),
    `'${column.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    `\`${column}\``,
  ];
  return quoted.some((literal) => javascript.includes(literal));
}

/**
 * The row columns a compiled script reads: those it names anywhere in its JavaScript (a superset
 * of what it reads; a name in a comment costs one column more), or every row column when it reads
 * rows reflectively. Fewer columns mean less data read, sent and held by the sandbox.
 */
export function columnsToRequest(javascript: string, rowColumns: readonly string[]): RequestedColumns {
  if (REFLECTION.some((pattern) => pattern.test(javascript)))
    return { columns: [...rowColumns], basis: 'all' };
  return { columns: rowColumns.filter((column) => mentions(javascript, column)), basis: 'mentioned' };
}
