import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './web-host-process';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `scorecal` binary, as `npx scorecal` would. */
export function runScorecal(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'scorecal.cjs'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, SCORECAL_WORKSPACE: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
