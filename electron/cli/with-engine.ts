import { createEngine, type Engine } from '../engine/engine';
import { resolveWorkspacePath } from '../engine/workspace/default-workspace-path';
import type { CliIo } from './cli-io';

/** Opens the workspace chosen by --workspace / SCORECAL_WORKSPACE for one command, then closes it. */
export async function withEngine<T>(
  io: CliIo,
  workspaceFlag: string | undefined,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = createEngine({ workspacePath: resolveWorkspacePath(workspaceFlag, io.env), host: 'cli' });
  try {
    return await run(engine);
  } finally {
    engine.close();
  }
}
