import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { writeScoresCsv } from '../../fixtures/param-file/scores-csv';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('scorecal models', () => {
  it('keeps a calibration as a model, lists, shows, renames, exports, reports, imports and deletes it', () => {
    const dir = tempDir();
    const ws = ['--workspace', path.join(dir, 'w.sqlite')];
    const csv = writeScoresCsv(dir, 2000);
    const imported = runScorecal([
      'import',
      csv,
      '--name',
      'desk book',
      '--score',
      'logit_score',
      '--outcome',
      'defaulted',
      '--segment',
      'desk',
      ...ws,
    ]);
    expect(imported.status, imported.stderr).toBe(0);
    const saved = runScorecal([
      'calibrate',
      'desk book',
      '--score-kind',
      'logit',
      '--method',
      'isotonic',
      '--save',
      'iso v1',
      '--bootstrap',
      '20',
      ...ws,
    ]);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Saved as model "iso v1"');

    const list = JSON.parse(runScorecal(['models', 'list', '--json', ...ws]).stdout) as {
      models: Array<Record<string, unknown>>;
    };
    expect(list.models).toHaveLength(1);
    expect(list.models[0]).toMatchObject({
      name: 'iso v1',
      method: 'isotonic',
      datasetName: 'desk book',
      hasIntervals: true,
    });
    const table = runScorecal(['models', ...ws]);
    expect(table.stdout).toMatch(/iso v1\s+isotonic\s+desk book\s+holdout 30 %/);

    expect(runScorecal(['models', 'rename', 'iso v1', 'iso final', ...ws]).status).toBe(0);
    expect(runScorecal(['models', 'show', 'iso final', ...ws]).stdout).toContain(
      'iso final (id 1): isotonic',
    );

    const out = path.join(dir, 'exported.json');
    const exported = runScorecal(['models', 'export', '1', '--out', out, ...ws]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(runScorecal(['verify', out]).status).toBe(0);
    expect(readParamFile(out).provenance.dataset.name).toBe('desk book');

    const report = path.join(dir, 'report.html');
    const reported = runScorecal(['report', 'iso final', out, '--out', report, '--json', ...ws]);
    expect(reported.status, reported.stderr).toBe(0);
    expect(JSON.parse(reported.stdout)).toMatchObject({ datasetsFound: [true, true] });
    const html = fs.readFileSync(report, 'utf8');
    expect(html).toContain('<h2>Comparison</h2>');
    expect(html).toContain('By desk');
    expect(html).toContain('data-chart="roc"');

    expect(runScorecal(['models', 'import', out, '--name', 'from file', ...ws]).status).toBe(0);
    expect(runScorecal(['models', 'delete', 'iso final', ...ws]).status).toBe(0);
    const after = JSON.parse(runScorecal(['models', '--json', ...ws]).stdout) as {
      models: Array<{ name: string }>;
    };
    expect(after.models.map((m) => m.name)).toEqual(['from file']);
    const missing = runScorecal(['models', 'show', 'iso final', ...ws]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no model named "iso final"');
  });
});
