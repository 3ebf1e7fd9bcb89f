import { describe, expect, it } from 'vitest';
import { originalLocation } from '../../../shared/scripting/source-map';
import { userLocationInStack, workerLineToUser } from '../../../shared/scripting/stack-location';
import { composeWorkerSource, USER_SCRIPT_LINE_OFFSET } from '../../../shared/scripting/worker-script-layout';
import { compileScript } from '../../helpers/compile-script';

describe('error locations', () => {
  it('maps compiled JavaScript positions back to the TypeScript source', () => {
    const source = [
      'type Unused = { a: number };',
      'interface Also { b: string }',
      'export default defineScript({',
      '  params: { a: { init: 0 } },',
      '  score(row, p) {',
      '    const bad: number = (row as unknown as { missing: { deep: number } }).missing.deep;',
      '    return bad;',
      '  },',
      '});',
    ].join('\n');
    const { javascript, sourceMap } = compileScript(source);
    const lines = javascript.split('\n');
    const generatedLine = lines.findIndex((line) => line.includes('.missing.deep')) + 1;
    const generatedColumn = lines[generatedLine - 1]!.indexOf('.missing') + 1;
    expect(originalLocation(sourceMap, { line: generatedLine, column: generatedColumn })).toEqual({
      line: 6,
      column: source.split('\n')[5]!.indexOf('.missing') + 1,
    });
  });

  it('finds the first stack frame inside the user part of the worker source', () => {
    const url = 'blob:null/1234';
    const stack = ['TypeError: boom', `    at score (${url}:5:20)`, `    at meanLoss (${url}:900:10)`].join(
      '\n',
    );
    expect(userLocationInStack(stack, url, USER_SCRIPT_LINE_OFFSET, 10)).toEqual({ line: 4, column: 20 });
    // A frame in the runtime only (below the user's lines) is not the user's.
    expect(
      userLocationInStack(`Error\n    at fit (${url}:900:10)`, url, USER_SCRIPT_LINE_OFFSET, 10),
    ).toBeNull();
    expect(workerLineToUser(1, 5, USER_SCRIPT_LINE_OFFSET, 10)).toBeNull();
  });

  it('lays out the worker source with the user script from line 2 and without its source-map comment', () => {
    const source = composeWorkerSource('a;\nb;\n//# sourceMappingURL=script.js.map', 'runtime();');
    const lines = source.split('\n');
    expect(lines[USER_SCRIPT_LINE_OFFSET]).toBe('a;');
    expect(source).not.toContain('sourceMappingURL');
    expect(source.endsWith('runtime();')).toBe(true);
  });
});
