import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');

export interface RunningWebHost {
  url: string;
  origin: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `scorecal web` as a user would, and reads the URL it prints. */
export async function startWebHostProcess(
  workspace: string,
  extraArgs: string[] = [],
): Promise<RunningWebHost> {
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'bin', 'scorecal.cjs'),
      'web',
      '--port',
      '0',
      '--no-build',
      '--workspace',
      workspace,
      ...extraArgs,
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCORECAL_WORKSPACE: '' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`scorecal web printed no URL within 30 s:\n${output}`)),
      30_000,
    );
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scorecal web exited with ${code} before printing a URL:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
