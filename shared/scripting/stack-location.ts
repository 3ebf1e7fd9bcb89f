/** A 1-based line and column in the compiled JavaScript of a user script. */
export interface GeneratedLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * The first frame of a V8 stack trace (`at f (url:line:col)` or `at url:line:col`) that lies in
 * the user's part of the worker source, as a position in the user's JavaScript. Frames in the
 * runtime after it (line > offset + userLines) are skipped.
 */
export function userLocationInStack(
  stack: string,
  workerUrl: string,
  lineOffset: number,
  userLines: number,
): GeneratedLocation | null {
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`${workerUrl}:`);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(line.slice(at + workerUrl.length));
    if (!match) continue;
    const mapped = workerLineToUser(Number(match[1]), Number(match[2]), lineOffset, userLines);
    if (mapped) return mapped;
  }
  return null;
}

/** A worker-source position as a user-script position, or null when it is outside the user's part. */
export function workerLineToUser(
  line: number,
  column: number,
  lineOffset: number,
  userLines: number,
): GeneratedLocation | null {
  const userLine = line - lineOffset;
  if (userLine < 1 || userLine > userLines) return null;
  return { line: userLine, column: Math.max(1, column) };
}
