import { describe, expect, it } from 'vitest';
import { SCRIPT_COMPILER_OPTIONS } from '../../../shared/scripting/compiler-options';
import { monacoScriptCompilerOptions } from '../../../renderer/src/editor/script-compiler-options';
import { flattenDiagnosticMessage, sortProblems } from '../../../renderer/src/editor/script-problem';
import { formatBounds, formatParam } from '../../../renderer/src/views/scripts/results/format-param';

describe("the script editor's pure parts", () => {
  it('maps the script compiler options onto TypeScript enum values, with the ES2022 library only (no DOM)', () => {
    const { target, module, lib, ...flags } = SCRIPT_COMPILER_OPTIONS;
    expect(monacoScriptCompilerOptions()).toEqual({
      ...flags,
      target: 9,
      module: 1,
      lib: ['lib.es2022.d.ts'],
      allowNonTsExtensions: true,
    });
    expect([target, module, lib]).toEqual(['ES2022', 'CommonJS', ['es2022']]);
    expect(flags.strict).toBe(true);
    expect(flags.sourceMap).toBe(true);
  });

  it('flattens a chained TypeScript message, indenting each explanation', () => {
    expect(
      flattenDiagnosticMessage({
        messageText: "Type '{ init: string; }' is not assignable to type 'ParamSpec'.",
        next: [{ messageText: "Types of property 'init' are incompatible." }],
      }),
    ).toBe(
      "Type '{ init: string; }' is not assignable to type 'ParamSpec'.\n  Types of property 'init' are incompatible.",
    );
    expect(flattenDiagnosticMessage('plain')).toBe('plain');
  });

  it('lists problems in source order', () => {
    const problems = [
      { line: 9, column: 2, message: 'c', code: 1 },
      { line: 3, column: 7, message: 'b', code: 1 },
      { line: 3, column: 1, message: 'a', code: 1 },
    ];
    expect(sortProblems(problems).map((p) => p.message)).toEqual(['a', 'b', 'c']);
  });

  it('formats parameters with five significant digits whatever their scale', () => {
    expect(formatParam(-3.214_756)).toBe('-3.2148');
    expect(formatParam(0.000_412_36)).toBe('0.00041236');
    expect(formatParam(1.5e-9)).toBe('1.5000e-9');
    expect(formatParam(0)).toBe('0');
    expect(formatParam(null)).toBe('—');
    expect(formatBounds(null, null)).toBe('none');
    expect(formatBounds(0, null)).toBe('[0, ∞)');
    expect(formatBounds(null, 1)).toBe('(−∞, 1]');
    expect(formatBounds(0.05, 5)).toBe('[0.05, 5]');
  });
});
