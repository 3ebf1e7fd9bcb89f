import os from 'node:os';
import path from 'node:path';

export const WORKSPACE_FILE_NAME = 'workspace.scorecal.sqlite';

/**
 * The per-user data folder of each OS, computed the same way by the desktop app, browser mode
 * and CLI so that all three open one workspace. (Electron's app.getPath('userData') differs on
 * Linux, and plain Node cannot call it, so it is not used.)
 */
export function userDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Scorecal');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Scorecal');
  const base =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(home, '.local', 'share');
  return path.posix.join(base, 'scorecal');
}

/** `--workspace` wins, then SCORECAL_WORKSPACE, then the per-user default. */
export function resolveWorkspacePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const chosen = flag ?? env.SCORECAL_WORKSPACE;
  if (chosen !== undefined && chosen.trim() !== '') return path.resolve(chosen);
  return path.join(userDataFolder(platform, env), WORKSPACE_FILE_NAME);
}
