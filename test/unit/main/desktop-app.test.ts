import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type CallResult } from '../../../shared/api/bridge';
import { createEngine, type Engine, type EngineOptions } from '../../../electron/engine/engine';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import { startDesktopApp, type DesktopApp, type DesktopAppOptions } from '../../../electron/main/desktop-app';
import { secureWebPreferences } from '../../../electron/main/window-options';
import {
  asElectron,
  FakeBrowserWindow,
  FakeFrame,
  fakeElectron,
  FakeMenu,
  type FakeElectron,
} from './fake-electron';
import { useTempDirs } from '../../helpers/temp-dir';

// The Node build stands in for the Electron build: this test runs on Node, not Electron.
const nodeBuildOfBetterSqlite3 = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('desktop app wiring', () => {
  const tempDir = useTempDirs();
  let electron: FakeElectron;
  let mainDir: string;
  let workspacePath: string;
  let engines: Engine[];
  let engineOptions: EngineOptions[];
  const log: string[] = [];

  beforeEach(() => {
    const out = tempDir();
    mainDir = path.join(out, 'main');
    fs.mkdirSync(mainDir, { recursive: true });
    fs.mkdirSync(path.join(out, 'renderer'));
    fs.writeFileSync(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>Scorecal</title>');
    workspacePath = path.join(tempDir(), 'chosen.scorecal.sqlite');
    electron = fakeElectron(out);
    engines = [];
    engineOptions = [];
    log.length = 0;
  });
  afterEach(() => {
    for (const engine of engines) engine.close();
  });

  function start(overrides: Partial<DesktopAppOptions> = {}): DesktopApp {
    return startDesktopApp({
      electron: asElectron(electron),
      createEngine: (options) => {
        engineOptions.push(options);
        const engine = createEngine(options);
        engines.push(engine);
        return engine;
      },
      mainDir,
      argv: ['electron', '.', '--workspace', workspacePath],
      env: {},
      platform: 'linux',
      runtime: { abi: process.versions.modules, electronVersion: '45.5.0', arch: process.arch },
      checkNativeBinding: () => ({ ok: true, path: nodeBuildOfBetterSqlite3 }),
      log: (message) => log.push(message),
      ...overrides,
    });
  }

  it('sets the scheme, the sandbox and the single-instance lock before ready', () => {
    start();
    expect(electron.protocol.privilegedSchemes).toHaveLength(1);
    expect(electron.app.calls).toEqual([
      'enableSandbox',
      'appendSwitch:enable-features=IsolateSandboxedIframes',
      'requestSingleInstanceLock',
    ]);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('moves the Chromium profile and the lock to SCORECAL_USER_DATA_DIR when it is set', () => {
    start({ env: { SCORECAL_USER_DATA_DIR: '/tmp/scorecal-e2e-profile' } });
    expect(electron.app.paths.get('userData')).toBe(path.resolve('/tmp/scorecal-e2e-profile'));
    expect(electron.app.calls).toEqual([
      'enableSandbox',
      'appendSwitch:enable-features=IsolateSandboxedIframes',
      'setPath:userData',
      'requestSingleInstanceLock',
    ]);
  });

  it('on ready: opens the workspace, locks the session down and loads the app page', async () => {
    const app = start();
    electron.app.ready();
    await app.ready;

    expect(engineOptions).toEqual([
      expect.objectContaining({ workspacePath, host: 'desktop', nativeBinding: nodeBuildOfBetterSqlite3 }),
    ]);
    const session = electron.session.defaultSession;
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.permissionCheckHandler?.(null, 'media', 'scorecal://app', {})).toBe(false);
    expect(session.beforeRequestListener).not.toBeNull();
    expect([...electron.protocol.handlers.keys()].sort()).toEqual(['file', 'scorecal']);
    expect(FakeMenu.applicationMenu?.template.length).toBeGreaterThan(0);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      [IPC_CHANNELS.call, IPC_CHANNELS.cancel].sort(),
    );

    expect(FakeBrowserWindow.created).toHaveLength(1);
    const window = FakeBrowserWindow.created[0]!;
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences({
        preloadPath: path.join(mainDir, '..', 'preload', 'index.cjs'),
        allowDevTools: true,
      }),
    );
    expect(window.webContents.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);

    const page = await electron.protocol.handlers.get('scorecal')?.(new Request(APP_ENTRY_URL));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('removes developer tools from a packaged app', async () => {
    electron.app.isPackaged = true;
    const app = start();
    electron.app.ready();
    await app.ready;
    expect(FakeBrowserWindow.created[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('answers API calls from its window and refuses them from a subframe', async () => {
    const app = start();
    electron.app.ready();
    await app.ready;
    const contents = FakeBrowserWindow.created[0]!.webContents;
    const envelope = { name: 'app.info', input: {}, requestId: 'r1' };

    const answer = (await electron.ipcMain.invoke(
      IPC_CHANNELS.call,
      { sender: contents },
      envelope,
    )) as CallResult;
    expect(answer).toEqual({ ok: true, value: expect.objectContaining({ host: 'desktop', workspacePath }) });

    const subframe = new FakeFrame('scorecal://app/index.html', contents.mainFrame);
    const refused = (await electron.ipcMain.invoke(
      IPC_CHANNELS.call,
      { sender: contents, frame: subframe },
      envelope,
    )) as CallResult;
    expect(refused.ok).toBe(false);
  });

  it('hardens every webContents it creates', async () => {
    const app = start();
    electron.app.ready();
    await app.ready;
    const contents = FakeBrowserWindow.created[0]!.webContents;
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', { url: 'https://example.com/' }).defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('brings its window forward when a second instance starts', async () => {
    const app = start();
    electron.app.ready();
    await app.ready;
    const window = FakeBrowserWindow.created[0]!;
    window.minimized = true;
    electron.app.emit('second-instance');
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('closes the engine and the IPC handlers on quit', async () => {
    const app = start();
    electron.app.ready();
    await app.ready;
    expect(app.engine()).not.toBeNull();
    electron.app.emit('will-quit');
    expect(app.engine()).toBeNull();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('quits when the last window closes, except on macOS', async () => {
    start();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);

    electron = fakeElectron(electron.app.getAppPath());
    start({ platform: 'darwin' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(0);
  });

  it('quits at once when another instance already runs', async () => {
    electron.app.singleInstanceLockAvailable = false;
    const app = start();
    electron.app.ready();
    await app.ready;
    expect(electron.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(engineOptions).toHaveLength(0);
  });

  it('reports a missing Electron build of better-sqlite3 and exits without a window', async () => {
    const app = start({
      checkNativeBinding: undefined,
      runtime: { abi: '150', electronVersion: '45.5.0', arch: 'x64' },
    });
    electron.app.ready();
    await app.ready;
    expect(electron.dialog.errors).toHaveLength(1);
    expect(electron.dialog.errors[0]?.content).toContain('npm run build:native-electron');
    expect(electron.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(engineOptions).toHaveLength(0);
  });

  it('reports any other failure while starting instead of leaving an app without a window', async () => {
    electron.protocol.handle = () => {
      throw new Error('scheme already handled');
    };
    const app = start();
    electron.app.ready();
    await app.ready;
    expect(electron.dialog.errors[0]?.content).toBe('Scorecal could not start: scheme already handled');
    expect(electron.app.exitCode).toBe(1);
    expect(app.engine()).toBeNull();
  });

  it('reports a workspace that cannot be opened, with the engine’s message', async () => {
    fs.writeFileSync(
      workspacePath,
      'not a database, just text that is long enough to not be empty'.repeat(20),
    );
    const app = start();
    electron.app.ready();
    await app.ready;
    expect(electron.dialog.errors[0]?.content).toContain(workspacePath);
    expect(electron.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
