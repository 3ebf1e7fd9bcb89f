/** A compile error in a script, 1-based like the editor's positions. */
export interface ScriptProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** TypeScript's error code (TS2339 …); null for problems that are not TypeScript's. */
  readonly code: number | null;
}

interface MessageChain {
  messageText: string;
  next?: MessageChain[];
}

/** TypeScript's message, with its chained explanations indented beneath it as TypeScript prints them. */
export function flattenDiagnosticMessage(message: string | MessageChain, indent = 0): string {
  if (typeof message === 'string') return message;
  const lines = [`${'  '.repeat(indent)}${message.messageText}`];
  for (const next of message.next ?? []) lines.push(flattenDiagnosticMessage(next, indent + 1));
  return lines.join('\n');
}

/** Problems in source order (line, then column), so the list reads top to bottom like the file. */
export function sortProblems(problems: readonly ScriptProblem[]): ScriptProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
