import path from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, Menu, Protocol, Session } from 'electron';
import { ApiError } from '../../shared/api/api-error';
import type { Engine, EngineOptions } from '../engine/engine';
import { resolveWorkspacePath } from '../engine/workspace/default-workspace-path';
import { APP_ENTRY_URL } from './app-origin';
import { refuseFileScheme, registerAppScheme, serveAppProtocol } from './app-protocol';
import { hardenEveryWebContents } from './harden-web-contents';
import { registerIpcRouter, type IpcRouter } from './ipc-router';
import { isTrustedSender } from './ipc-sender-check';
import { applicationMenuTemplate } from './menu';
import { checkElectronNativeBinding, unpackedAppRoot, type NativeBindingCheck } from './native-binding';
import { lockDownNetwork } from './network-lockdown';
import { denyAllPermissions } from './permissions';
import { claimSingleInstance } from './single-instance';
import { mainWindowOptions } from './window-options';
import { workspaceFlag } from './workspace-flag';

/** The parts of the `electron` module the app uses; tests pass a fake with the same shape. */
export interface DesktopElectron {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  protocol: Protocol;
  session: { defaultSession: Session };
  Menu: typeof Menu;
  dialog: Pick<Dialog, 'showErrorBox'>;
}

export interface DesktopAppOptions {
  electron: DesktopElectron;
  createEngine: (options: EngineOptions) => Engine;
  /** The folder of the bundled main script (out/main); preload and renderer sit beside it. */
  mainDir: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** process.versions.modules and process.versions.electron of the running Electron. */
  runtime: { abi: string; electronVersion: string; arch: string };
  /** Lets tests point at the Node build of better-sqlite3 instead of the Electron one. */
  checkNativeBinding?: (appRoot: string) => NativeBindingCheck;
  log?: (message: string) => void;
}

export interface DesktopApp {
  /** Resolves once the window is loading, or after a fatal error was reported. */
  readonly ready: Promise<void>;
  mainWindow(): BrowserWindow | null;
  engine(): Engine | null;
}

/**
 * Wires the desktop app: security settings that must precede `ready`, then the engine, the
 * app protocol, permissions, network lockdown, menu, IPC and the window.
 */
export function startDesktopApp(options: DesktopAppOptions): DesktopApp {
  const { electron, platform } = options;
  const { app } = electron;
  const log = options.log ?? ((message: string) => console.error(`[scorecal] ${message}`));
  let window: BrowserWindow | null = null;
  let engine: Engine | null = null;
  let router: IpcRouter | null = null;

  // Before `ready`: these only take effect when set first.
  registerAppScheme(electron.protocol);
  app.enableSandbox();
  // User scripts run in a sandboxed iframe; in its own process a memory bomb kills only the sandbox
  // (default in current Chromium, stated here so it does not depend on the version).
  app.commandLine.appendSwitch('enable-features', 'IsolateSandboxedIframes');
  // Chromium's profile and the single-instance lock live in userData; an override lets the
  // end-to-end test run beside a Scorecal the user already has open, with a throwaway profile.
  const userDataOverride = options.env.SCORECAL_USER_DATA_DIR;
  if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));
  if (!claimSingleInstance(app, () => bringToFront(window))) {
    log('Scorecal is already running; bringing that window forward instead.');
    app.quit();
    return { ready: Promise.resolve(), mainWindow: () => null, engine: () => null };
  }
  hardenEveryWebContents(app, log);

  const closeEngine = () => {
    router?.dispose();
    router = null;
    engine?.close();
    engine = null;
  };
  const fatal = (message: string) => {
    log(message);
    electron.dialog.showErrorBox('Scorecal cannot start', message);
    // app.exit skips 'will-quit', so the workspace is closed here.
    closeEngine();
    app.exit(1);
  };

  const allowDevTools = !app.isPackaged;
  const createWindow = () => {
    const created = new electron.BrowserWindow(
      mainWindowOptions({
        preloadPath: path.join(options.mainDir, '..', 'preload', 'index.cjs'),
        allowDevTools,
      }),
    );
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
    void created.loadURL(APP_ENTRY_URL);
    return created;
  };

  const start = () => {
    const appRoot = unpackedAppRoot(app.getAppPath());
    const checkNativeBinding =
      options.checkNativeBinding ??
      ((root: string) =>
        checkElectronNativeBinding(root, { ...options.runtime, platform, isPackaged: app.isPackaged }));
    const nativeBinding = checkNativeBinding(appRoot);
    if (!nativeBinding.ok) {
      fatal(nativeBinding.message);
      return;
    }

    try {
      engine = options.createEngine({
        workspacePath: resolveWorkspacePath(workspaceFlag(options.argv), options.env, platform),
        host: 'desktop',
        nativeBinding: nativeBinding.path,
        resourcesDir: path.join(appRoot, 'resources'),
      });
    } catch (error) {
      fatal(ApiError.from(error).message);
      return;
    }

    const session = electron.session.defaultSession;
    denyAllPermissions(session);
    lockDownNetwork(session, log);
    refuseFileScheme(electron.protocol);
    serveAppProtocol(electron.protocol, path.join(options.mainDir, '..', 'renderer'));
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(applicationMenuTemplate({ platform, allowDevTools })),
    );
    router = registerIpcRouter({
      ipcMain: electron.ipcMain,
      api: engine.api,
      isTrustedSender: (event) => isTrustedSender(event, window?.webContents ?? null),
      log,
    });
    createWindow();
  };

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; everywhere else closing the window quits.
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (window === null && engine !== null) createWindow();
  });
  app.on('will-quit', closeEngine);

  // Anything unexpected while starting ends in the same error box, never in a window-less app.
  const ready = app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(`Scorecal could not start: ${ApiError.from(error).message}`));
  return { ready, mainWindow: () => window, engine: () => engine };
}

function bringToFront(window: BrowserWindow | null): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
