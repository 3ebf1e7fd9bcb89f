import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../engine/engine';
import { resolveWorkspacePath } from '../../engine/workspace/default-workspace-path';
import { buildRenderer, builtRendererDir, rendererBuildIsStale } from '../../web/renderer-build';
import { startWebHost, type WebHost } from '../../web/start-web-host';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE, type CliIo } from '../cli-io';
import { interruptSignal } from '../interrupt-signal';

/** The repository root, from electron/cli/commands. */
const PROJECT_ROOT = path.resolve(__dirname, '../../..');

export interface BrowserModeOptions {
  /** 0 picks a free port. */
  port: number;
  workspacePath: string;
  projectRoot: string;
  /** Rebuild the renderer first when its sources are newer than the build. */
  build: boolean;
  /** Defaults to out/renderer under projectRoot. */
  rendererDir?: string;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new CliFailure(`--port must be a whole number from 0 to 65535 (got "${value}").`, EXIT_USAGE);
  }
  return port;
}

/** Settles when the signal fires: serveInBrowser only needs to know when to stop. */
function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

async function startOrExplain(start: () => Promise<WebHost>, port: number): Promise<WebHost> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliFailure(
        `Port ${port} is already in use: choose another with --port, or leave --port out for a free one.`,
      );
    }
    if (code === 'EACCES')
      throw new CliFailure(`This user may not listen on port ${port}: choose a port above 1023.`);
    throw error;
  }
}

/** Builds if needed, opens the workspace, serves it until `stopped` resolves, then closes both. */
export async function serveInBrowser(
  options: BrowserModeOptions,
  io: CliIo,
  stopped: Promise<void>,
): Promise<void> {
  const rendererDir = options.rendererDir ?? builtRendererDir(options.projectRoot);
  if (options.build && rendererBuildIsStale(options.projectRoot)) {
    io.stderr('Building the renderer…\n');
    await buildRenderer(options.projectRoot);
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new CliFailure(
      `The renderer is not built (${rendererDir} has no index.html): run without --no-build.`,
    );
  }
  const engine = createEngine({ workspacePath: options.workspacePath, host: 'browser' });
  try {
    const host = await startOrExplain(
      () =>
        startWebHost({
          api: engine.api,
          rendererDir,
          port: options.port,
          log: (line) => io.stderr(`${line}\n`),
        }),
      options.port,
    );
    io.stdout(`Scorecal is running at ${host.url} — open it in your browser; press Ctrl+C to stop.\n`);
    io.stdout(`Workspace: ${engine.workspacePath}\n`);
    await stopped;
    io.stderr('Stopping Scorecal…\n');
    await host.close();
  } finally {
    engine.close();
  }
}

export function registerWebCommand(program: Command, io: CliIo): void {
  program
    .command('web')
    .description(
      'Serve Scorecal to a browser on this machine only (127.0.0.1), behind a token printed at start.',
    )
    .option('--port <n>', 'port to listen on (default: a free port chosen at random)')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .option('--no-build', 'serve the renderer as built, even if its sources changed since')
    .action(async (options: { port?: string; workspace?: string; build: boolean }) => {
      const port = parsePort(options.port);
      // The first Ctrl+C (or SIGTERM) stops the host and closes the workspace; a second exits at once.
      const interrupt = interruptSignal();
      try {
        await serveInBrowser(
          {
            port,
            workspacePath: resolveWorkspacePath(options.workspace, io.env),
            projectRoot: PROJECT_ROOT,
            build: options.build,
          },
          io,
          whenAborted(interrupt.signal),
        );
      } finally {
        interrupt.dispose();
      }
    });
}
