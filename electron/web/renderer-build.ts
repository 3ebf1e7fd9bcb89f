import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the built renderer is made from; a change in any of them calls for a rebuild. */
const RENDERER_SOURCES = ['renderer', 'shared', 'electron.vite.config.ts'];

export function builtRendererDir(projectRoot: string): string {
  return path.join(projectRoot, 'out', 'renderer');
}

function newestModification(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

/** True when out/renderer/index.html is missing or older than any renderer source. */
export function rendererBuildIsStale(projectRoot: string): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(builtRendererDir(projectRoot), 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return RENDERER_SOURCES.some((source) => newestModification(path.join(projectRoot, source)) > builtAt);
}

/** electron-vite's CLI script, run with this Node so no shell and no Electron binary are needed. */
function electronViteCli(projectRoot: string): string {
  const manifestPath = require.resolve('electron-vite/package.json', { paths: [projectRoot] });
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['electron-vite'];
  if (bin === undefined) throw new Error('electron-vite does not declare its command-line script.');
  return path.resolve(path.dirname(manifestPath), bin);
}

/**
 * Runs `electron-vite build` in the project. Its output goes to stderr so that stdout keeps
 * only what scripts may parse (the URL).
 */
export function buildRenderer(projectRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [electronViteCli(projectRoot), 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 2, 2],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Building the renderer failed (electron-vite ${signal ? `killed by ${signal}` : `exited with ${code}`}).`,
          ),
        );
    });
  });
}
