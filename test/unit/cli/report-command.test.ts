import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('scorecal report', () => {
  it('reports a parameter file on its own, with no dataset in the workspace', () => {
    const dir = tempDir();
    const fixture = path.join(
      __dirname,
      '..',
      '..',
      'fixtures',
      'param-file',
      'documents',
      'histogram-probability.json',
    );
    const report = path.join(dir, 'r.html');
    const result = runScorecal([
      'report',
      fixture,
      '--out',
      report,
      '--workspace',
      path.join(dir, 'w.sqlite'),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('not in this workspace');
    const html = fs.readFileSync(report, 'utf8');
    expect(html).toContain('data-chart="reliability"');
    expect(html).toContain('histogram-probability.json');
    expect(html).not.toContain(dir);
  });

  it('has --help, needs --out (exit 2) and fails on an unknown model (exit 1)', () => {
    const dir = tempDir();
    expect(runScorecal(['report', '--help']).stdout).toContain('--out <report.html>');
    expect(runScorecal(['report', 'some-model']).status).toBe(2);
    const unknown = runScorecal([
      'report',
      'nope',
      '--out',
      path.join(dir, 'r.html'),
      '--workspace',
      path.join(dir, 'w.sqlite'),
    ]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no model named "nope"');
  });
});
