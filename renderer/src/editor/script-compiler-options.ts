import { SCRIPT_COMPILER_OPTIONS } from '../../../shared/scripting/compiler-options';

/**
 * TypeScript's own enum values (the language service receives numbers). Monaco's declared enums
 * stop at ES2020, but its worker passes the number straight to TypeScript, which knows ES2022.
 */
const SCRIPT_TARGET = { ES2020: 7, ES2022: 9, ESNext: 99 } as const;
const MODULE_KIND = { CommonJS: 1, ES2015: 5, ESNext: 99 } as const;

type ScriptOptions = typeof SCRIPT_COMPILER_OPTIONS;

/** The compiler options Monaco's TypeScript service takes, meaning the same as SCRIPT_COMPILER_OPTIONS. */
export type MonacoScriptCompilerOptions = Omit<ScriptOptions, 'target' | 'module' | 'lib'> & {
  target: number;
  module: number;
  lib: string[];
  /** Monaco's models are not files named *.ts on disk; TypeScript must accept them anyway. */
  allowNonTsExtensions: boolean;
};

/**
 * SCRIPT_COMPILER_OPTIONS with the target and module kind as TypeScript's enum values and the
 * libraries by file name (the worker reads "lib.es2022.d.ts"): ES2022 only, no DOM. The flags
 * (strict, sourceMap, …) pass through unchanged.
 */
export function monacoScriptCompilerOptions(
  options: ScriptOptions = SCRIPT_COMPILER_OPTIONS,
): MonacoScriptCompilerOptions {
  const { target, module, lib, ...flags } = options;
  return {
    ...flags,
    target: SCRIPT_TARGET[target],
    module: MODULE_KIND[module],
    lib: lib.map((name) => `lib.${name.toLowerCase()}.d.ts`),
    allowNonTsExtensions: true,
  };
}
