import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'param-file', 'documents', 'spline-points.json');

describe('scorecal verify', () => {
  it('exits 0 for an intact file and 1 naming the failed check otherwise', () => {
    const ok = runScorecal(['verify', FIXTURE]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('valid spline parameter file');
    expect(ok.stdout).toMatch(/ok\s+content hash/);

    const dir = tempDir();
    const tampered = path.join(dir, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(FIXTURE, 'utf8').replace('"offset": 600', '"offset": 601'));
    const bad = runScorecal(['verify', tampered, '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      passed: ['json', 'format', 'version', 'schema'],
      failedCheck: 'hash',
      message: expect.stringMatching(
        /^content hash mismatch: the file was changed after it was written \(recorded [0-9a-f]{12}…/,
      ),
    });
  });

  it('says which check failed for a newer version and a truncated file', () => {
    const dir = tempDir();
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(newer, text.replace('"version": 1', '"version": 99'));
    const version = runScorecal(['verify', newer]);
    expect(version.status).toBe(1);
    expect(version.stdout).toMatch(
      /FAILED\s+version 1: version 99 is not supported \(this Scorecal reads version 1\)/,
    );
    expect(version.stderr).toContain('version 99 is not supported');

    const truncated = path.join(dir, 'truncated.json');
    fs.writeFileSync(truncated, text.slice(0, text.length / 2));
    const cut = runScorecal(['verify', truncated]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(/FAILED\s+JSON: not JSON \(line \d+, column \d+\)/);
  });
});
