import { describe, expect, it } from 'vitest';
import { workspaceFlag } from '../../../electron/main/workspace-flag';

describe('workspace flag', () => {
  it('reads --workspace in either form, wherever it is', () => {
    expect(workspaceFlag(['electron', '.', '--workspace', '/data/w.sqlite'])).toBe('/data/w.sqlite');
    expect(workspaceFlag(['scorecal', '--no-sandbox-x', '--workspace=/data/w.sqlite'])).toBe(
      '/data/w.sqlite',
    );
    expect(workspaceFlag(['scorecal'])).toBeUndefined();
  });
});
