import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBinaryArray } from '../../../shared/scripting/binary-array';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';
import { LEVERAGE_SCRIPT, emptyEngine, fitReport, importSmall } from './script-test-kit';

const tempDir = useTempDirs();

describe('scorecal scripts', () => {
  it('saves versions from a file, lists, shows, renames and deletes', () => {
    const dir = tempDir();
    const ws = ['--workspace', path.join(dir, 'w.sqlite')];
    const file = path.join(dir, 'leverage.ts');
    fs.writeFileSync(file, `\uFEFF${LEVERAGE_SCRIPT}`);

    expect(runScorecal(['scripts', ...ws]).stdout).toContain('No saved scripts yet');
    const first = runScorecal(['scripts', 'save', 'lev', '--file', file, ...ws]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(`Saved ${file} as version 1 of script "lev" (id 1).\n`);
    expect(runScorecal(['scripts', 'save', 'lev', '--file', file, ...ws]).stdout).toContain('Unchanged: ');
    fs.writeFileSync(file, LEVERAGE_SCRIPT.replace('1.5', '2'));
    const second = JSON.parse(
      runScorecal(['scripts', 'save', 'lev', '--file', file, '--json', ...ws]).stdout,
    ) as {
      created: boolean;
      version: { version: number };
    };
    expect(second).toMatchObject({ created: true, version: { version: 2 } });

    expect(runScorecal(['scripts', 'list', ...ws]).stdout).toMatch(/1\s+lev\s+2\s+v2/);
    const listed = JSON.parse(runScorecal(['scripts', 'list', '--json', ...ws]).stdout) as {
      scripts: Array<Record<string, unknown>>;
    };
    expect(listed.scripts).toEqual([expect.objectContaining({ name: 'lev', versions: 2, latestVersion: 2 })]);

    const v1 = runScorecal(['scripts', 'show', 'lev', '--version', '1', ...ws]);
    expect(v1.status, v1.stderr).toBe(0);
    expect(v1.stdout).toMatch(/^\/\/ lev \(id 1\) v1 of 2, saved .+, SHA-256 [0-9a-f]{64}\n/);
    // The byte-order mark of the file is not part of the saved source.
    expect(v1.stdout.split('\n').slice(1).join('\n')).toBe(LEVERAGE_SCRIPT);
    expect(runScorecal(['scripts', 'show', '1', ...ws]).stdout).toContain('leverage * 2');

    const history = runScorecal(['scripts', 'history', 'lev', ...ws]);
    expect(history.stdout).toMatch(/version\s+saved\s+bytes\s+SHA-256/);
    expect(history.stdout.indexOf('\n2 ')).toBeLessThan(history.stdout.indexOf('\n1 '));

    expect(runScorecal(['scripts', 'rename', 'lev', 'leverage', ...ws]).stdout).toBe(
      'Renamed script 1 to "leverage".\n',
    );
    const deleted = runScorecal(['scripts', 'delete', 'leverage', ...ws]);
    expect(deleted.stdout).toBe('Deleted script "leverage" and its 2 versions.\n');
    const gone = runScorecal(['scripts', 'show', 'leverage', ...ws]);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('There is no script named "leverage".');
  });

  it('exits 2 on a bad --version and 1 on a missing file or version', () => {
    const dir = tempDir();
    const ws = ['--workspace', path.join(dir, 'w.sqlite')];
    const file = path.join(dir, 's.ts');
    fs.writeFileSync(file, LEVERAGE_SCRIPT);
    expect(runScorecal(['scripts', 'save', 's', '--file', file, ...ws]).status).toBe(0);
    const bad = runScorecal(['scripts', 'show', 's', '--version', 'two', ...ws]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--version must be an integer');
    const missingVersion = runScorecal(['scripts', 'show', 's', '--version', '3', ...ws]);
    expect(missingVersion.status).toBe(1);
    expect(missingVersion.stderr).toContain('Script "s" has no version 3');
    const noFile = runScorecal(['scripts', 'save', 's', '--file', path.join(dir, 'nope.ts'), ...ws]);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toContain('no such file');
    // The app's own --version still answers before a command.
    expect(runScorecal(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows a script model and refuses to apply its parameter file', async () => {
    const small = emptyEngine();
    const out = path.join(tempDir(), 'script.json');
    try {
      const datasetId = await importSmall(small);
      await small.client.call('scripts.save', { name: 's', source: LEVERAGE_SCRIPT });
      const selection = {
        dataset: { id: datasetId },
        outcomeColumn: 'y',
        validation: { scheme: 'none' as const },
        columns: [],
      };
      const data = await small.client.call('scripts.data', selection);
      const { model } = await small.client.call('scripts.saveRun', {
        script: { name: 's' },
        version: 1,
        selection,
        fit: fitReport(data.rows.train),
        testScores: encodeBinaryArray(new Float64Array(data.rows.test).fill(0.4)),
        scenario: null,
      });
      await small.client.call('models.exportParams', { model: { id: model.id }, path: out });
      small.engine.close();
      const ws = ['--workspace', small.engine.workspacePath];
      const shown = runScorecal(['models', 'show', String(model.id), ...ws]);
      expect(shown.status, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(`${model.name} (id ${model.id}): script`);
      expect(shown.stdout).toContain('no score column, outcome "y"');
      expect(runScorecal(['models', ...ws]).stdout).toMatch(/script\s+small\s+none/);
    } finally {
      small.close();
    }
    const applied = runScorecal(['apply', out, 'anything.csv']);
    expect(applied.status).toBe(1);
    expect(applied.stderr).toContain("script models run only in the workbench's sandbox");
    const verified = runScorecal(['verify', out]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('valid script parameter file');
  });
});
