/**
 * How the sandbox worker's source is laid out: the user's compiled script, wrapped in a function
 * assigned to a global, then the runtime, which takes that function and removes the global.
 * Line numbers in the worker's stack traces are user lines plus USER_SCRIPT_LINE_OFFSET.
 */
export const USER_SCRIPT_GLOBAL = '__scorecalUserScript';
export const USER_SCRIPT_LINE_OFFSET = 1;

/** The parameters the user's code sees as free variables (CommonJS plus the script API). */
export type UserScriptFunction = (
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  defineScript: (definition: unknown) => unknown,
  stats: unknown,
) => void;

export function composeWorkerSource(userJavaScript: string, runtimeSource: string): string {
  // A sourceMappingURL comment would name a file the sandbox cannot (and must not) fetch.
  const body = userJavaScript.replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  // On the first line, so it adds no line: zod must know before its schemas are built that the
  // sandbox has no eval, instead of probing for it (which logs a policy violation).
  const zodConfig = 'globalThis.__zod_globalConfig = { jitless: true };';
  return `${zodConfig} var ${USER_SCRIPT_GLOBAL} = function (exports, module, defineScript, stats) {\n${body}\n};\n${runtimeSource}`;
}

/** How many lines of the worker source belong to the user's script. */
export function userScriptLineCount(userJavaScript: string): number {
  return userJavaScript.split('\n').length;
}
