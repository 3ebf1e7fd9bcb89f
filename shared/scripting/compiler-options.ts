/**
 * How a script's TypeScript is compiled, for the editor's TypeScript service and for tests alike:
 * CommonJS output (`exports.default = …`) so the sandbox runs it as a plain function body, ES2022
 * with no DOM or worker library, so completions offer only the language and the script API.
 */
export const SCRIPT_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'CommonJS',
  lib: ['es2022'],
  strict: true,
  noImplicitReturns: true,
  sourceMap: true,
  inlineSources: false,
  isolatedModules: true,
} as const;

/** The file name scripts compile as; error locations refer to it. */
export const SCRIPT_FILE_NAME = 'script.ts';
