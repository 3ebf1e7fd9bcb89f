import ts from 'typescript';
import vm from 'node:vm';
import { SCRIPT_COMPILER_OPTIONS, SCRIPT_FILE_NAME } from '../../shared/scripting/compiler-options';
import { scriptStats } from '../../shared/scripting/script-stats';

/** The compiler options as the TypeScript API takes them (the editor maps the same text to Monaco's enums). */
export function scriptCompilerOptions(): ts.CompilerOptions {
  const converted = ts.convertCompilerOptionsFromJson(
    { ...SCRIPT_COMPILER_OPTIONS, lib: [...SCRIPT_COMPILER_OPTIONS.lib] },
    '.',
  );
  if (converted.errors.length > 0) throw new Error(String(converted.errors[0]!.messageText));
  return converted.options;
}

/** Compiles a script as the editor does: CommonJS JavaScript and its source map. */
export function compileScript(source: string): { javascript: string; sourceMap: string } {
  const output = ts.transpileModule(source, {
    compilerOptions: scriptCompilerOptions(),
    fileName: SCRIPT_FILE_NAME,
  });
  return { javascript: output.outputText, sourceMap: output.sourceMapText ?? '' };
}

/**
 * Runs compiled script JavaScript in a plain vm context to get its definition — for tests of the
 * numerical core on trusted example scripts only. `node:vm` is NOT a sandbox; hostile scripts are
 * tested in the real sandbox (Chromium), see test/e2e/browser-script-sandbox.test.ts.
 */
export function loadTrustedScript(javascript: string): unknown {
  const exports: Record<string, unknown> = {};
  vm.runInNewContext(javascript, {
    exports,
    module: { exports },
    defineScript: (definition: unknown) => definition,
    stats: scriptStats,
    Math,
  });
  return exports.default;
}
