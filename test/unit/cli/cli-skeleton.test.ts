import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the scorecal CLI', () => {
  it('prints help and exits 0', () => {
    const result = runScorecal(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: scorecal/);
    for (const command of ['datasets', 'sample', 'web']) expect(result.stdout).toContain(command);
  });

  it('exits 2 on a usage error and says what was wrong', () => {
    const unknown = runScorecal(['no-such-command']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/i);
    const badOption = runScorecal(['datasets', '--bogus']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/unknown option/i);
  });

  it('lists an empty workspace as JSON, choosing it with --workspace or SCORECAL_WORKSPACE', () => {
    const workspace = path.join(tempDir(), 'w.sqlite');
    const byFlag = runScorecal(['datasets', '--json', '--workspace', workspace]);
    expect(byFlag.status).toBe(0);
    expect(JSON.parse(byFlag.stdout)).toEqual({ datasets: [] });
    const byEnv = runScorecal(['datasets'], { SCORECAL_WORKSPACE: workspace });
    expect(byEnv.status).toBe(0);
    expect(byEnv.stdout).toMatch(/no datasets yet/);
  });

  it('lists the sample once the engine has loaded it, as JSON and as a table', async () => {
    const workspace = path.join(tempDir(), 'w.sqlite');
    const engine = createEngine({ workspacePath: workspace, host: 'test' });
    await engine.api.call(
      'datasets.loadSample',
      {},
      { signal: new AbortController().signal, onProgress: () => undefined },
    );
    engine.close();

    const json = runScorecal(['datasets', '--json', '--workspace', workspace]);
    expect(json.status).toBe(0);
    const { datasets } = JSON.parse(json.stdout) as { datasets: Array<{ name: string; rows: number }> };
    expect(datasets.map((d) => [d.name, d.rows])).toEqual([['Liquidations sample', 100_000]]);

    const table = runScorecal(['datasets', '--workspace', workspace]);
    expect(table.stdout).toMatch(/Liquidations sample\s+100,000\s+\d+\.\d\d %\s+2024-01-0\d – 2025-12-3\d/);
  });

  it('exits 1 with a clear message when the workspace is from a newer version', () => {
    const workspace = path.join(tempDir(), 'w.sqlite');
    runScorecal(['datasets', '--workspace', workspace]);
    const raw = new Database(workspace);
    raw.pragma('user_version = 999');
    raw.close();
    const result = runScorecal(['datasets', '--workspace', workspace]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/written by a newer version of Scorecal/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
