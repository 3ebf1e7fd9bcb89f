import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
} from 'electron';
import type { DesktopElectron } from '../../../electron/main/desktop-app';

/*
 * A stand-in for the parts of the `electron` module the main process uses. It records what the
 * code under test registers (options, handlers, listeners) so tests can assert on it and then
 * drive those handlers the way Electron would. Typed loosely on purpose; `asElectron` casts once.
 */

type Listener = (...args: unknown[]) => unknown;

/** An Electron-style event: preventDefault is recorded, extra fields (url, ...) are copied in. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loadedUrl: string | null = null;
  destroyed = false;

  constructor(url = 'scorecal://app/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Fires a guarded event the way Electron does and reports whether it was prevented. */
  fire(eventName: string, fields: Record<string, unknown> = {}): FakeEvent {
    const event = new FakeEvent(fields);
    this.emit(eventName, event, fields.url);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  minimized = false;

  constructor(public readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a registered handler as ipcRenderer.invoke from `sender`/`frame` would. */
  async invoke(
    channel: string,
    from: { sender: FakeWebContents; frame?: FakeFrame | null },
    ...args: unknown[]
  ) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = {
      sender: from.sender,
      senderFrame: from.frame === undefined ? from.sender.mainFrame : from.frame,
    } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  displayMediaRequestHandler: Listener | null = null;
  beforeRequestListener: Listener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequestListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMediaRequestHandler = handler;
  }
}

export class FakeProtocol {
  readonly privilegedSchemes: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privilegedSchemes.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  singleInstanceLockAvailable = true;
  quitCalls = 0;
  exitCode: number | null = null;
  /** Order of calls that Electron requires to happen before `ready`. */
  readonly calls: string[] = [];
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor(private readonly appPath: string) {
    super();
  }
  getAppPath(): string {
    return this.appPath;
  }
  readonly paths = new Map<string, string>();
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
    this.calls.push(`setPath:${name}`);
  }
  readonly commandLine = {
    appendSwitch: (name: string, value?: string): void => {
      this.calls.push(`appendSwitch:${name}=${value ?? ''}`);
    },
  };
  enableSandbox(): void {
    this.sandboxEnabled = true;
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLockAvailable;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  ready(): void {
    this.calls.push('ready');
    this.resolveReady();
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

export class FakeMenu {
  static applicationMenu: { template: MenuItemConstructorOptions[] } | null = null;
  static buildFromTemplate(template: MenuItemConstructorOptions[]) {
    return { template };
  }
  static setApplicationMenu(menu: { template: MenuItemConstructorOptions[] } | null): void {
    FakeMenu.applicationMenu = menu;
  }
}

export interface FakeElectron {
  app: FakeApp;
  BrowserWindow: typeof FakeBrowserWindow;
  ipcMain: FakeIpcMain;
  protocol: FakeProtocol;
  session: { defaultSession: FakeSession };
  Menu: typeof FakeMenu;
  dialog: {
    errors: { title: string; content: string }[];
    showErrorBox(title: string, content: string): void;
  };
}

export function fakeElectron(appPath = '/app'): FakeElectron {
  FakeBrowserWindow.created = [];
  FakeMenu.applicationMenu = null;
  const errors: { title: string; content: string }[] = [];
  return {
    app: new FakeApp(appPath),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol: new FakeProtocol(),
    session: { defaultSession: new FakeSession() },
    Menu: FakeMenu,
    dialog: {
      errors,
      showErrorBox(title, content) {
        errors.push({ title, content });
      },
    },
  };
}

/** The one cast from the fake to Electron's types. */
export function asElectron(fake: FakeElectron): DesktopElectron {
  return fake as unknown as DesktopElectron;
}

/** Casts any fake piece to the Electron type a module under test expects. */
export function asReal<T>(fake: unknown): T {
  return fake as T;
}
