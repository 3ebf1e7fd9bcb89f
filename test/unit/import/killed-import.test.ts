import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../../electron/engine/sample/write-sample-file';
import { openWorkspace } from '../../../electron/engine/workspace/open-workspace';
import { useTempDirs } from '../../helpers/temp-dir';
import { projectRoot } from '../../helpers/web-host-process';
import { runImport, workspaceFingerprint, writeFile } from './import-test-kit';

const tempDir = useTempDirs();

/** Starts `scorecal import` and SIGKILLs it once its write-ahead log has grown past `walBytes`. */
function importAndKill(
  csv: string,
  workspace: string,
  walBytes: number,
): Promise<{ killed: boolean; walSeen: number }> {
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'bin', 'scorecal.cjs'),
      'import',
      csv,
      '--workspace',
      workspace,
      '--if-exists',
      'import-again',
    ],
    { cwd: projectRoot, stdio: 'ignore', env: { ...process.env, SCORECAL_WORKSPACE: '' } },
  );
  return new Promise((resolve, reject) => {
    let walSeen = 0;
    const timer = setInterval(() => {
      try {
        walSeen = fs.statSync(`${workspace}-wal`).size;
      } catch {
        return;
      }
      if (walSeen >= walBytes) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 2);
    child.once('exit', (_code, signal) => {
      clearInterval(timer);
      resolve({ killed: signal === 'SIGKILL', walSeen });
    });
    child.once('error', reject);
  });
}

describe('an import killed with SIGKILL', () => {
  it('leaves the workspace exactly as it was, wherever it is killed', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'big.csv');
    await writeSampleFile({ rows: 400_000, seed: 11, out: csv });
    const file = path.join(dir, 'workspace.sqlite');
    const workspace = openWorkspace(file);
    await runImport(workspace, {
      file: writeFile(dir, 'small.csv', 'score,y\n0.2,1\n0.3,0\n'),
      name: 'kept',
    });
    const before = workspaceFingerprint(workspace);
    workspace.close();

    for (const walBytes of [64 * 1024, 4 * 1024 * 1024, 12 * 1024 * 1024, 24 * 1024 * 1024]) {
      const { killed, walSeen } = await importAndKill(csv, file, walBytes);
      expect(killed, `the import finished before its log reached ${walBytes} bytes`).toBe(true);
      expect(walSeen).toBeGreaterThanOrEqual(walBytes);
      const reopened = openWorkspace(file);
      expect(workspaceFingerprint(reopened)).toEqual(before);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      reopened.close();
    }
  }, 90_000);
});
