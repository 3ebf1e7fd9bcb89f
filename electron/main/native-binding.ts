import fs from 'node:fs';
import path from 'node:path';

/**
 * Tests, the CLI and browser mode run better-sqlite3 on Node; the desktop app runs it on
 * Electron, whose native ABI differs. Rather than rebuilding node_modules back and forth, the
 * Electron build lives beside it in native/electron/ (made by `npm run build:native-electron`)
 * and is handed to better-sqlite3 through its `nativeBinding` option.
 */
export const ELECTRON_NATIVE_DIR = path.join('native', 'electron');
export const ELECTRON_NATIVE_FILE = 'better_sqlite3.node';
/** Written next to the addon by the build script: what it was built for. */
export const ELECTRON_NATIVE_INFO_FILE = 'build-info.json';

export interface NativeBuildInfo {
  electronVersion: string;
  /** process.versions.modules of the Electron it was built for. */
  abi: string;
  platform: string;
  arch: string;
}

export type NativeBindingCheck = { ok: true; path: string } | { ok: false; message: string };

export interface NativeRuntime {
  electronVersion: string;
  abi: string;
  platform: string;
  arch: string;
  isPackaged: boolean;
}

/**
 * Native addons cannot be loaded from inside app.asar; electron-builder unpacks them (and the
 * sample resources) next to it into app.asar.unpacked.
 */
export function unpackedAppRoot(appPath: string): string {
  return appPath.replace(/app\.asar$/, 'app.asar.unpacked');
}

export function checkElectronNativeBinding(appRoot: string, runtime: NativeRuntime): NativeBindingCheck {
  const folder = path.join(appRoot, ELECTRON_NATIVE_DIR);
  const addon = path.join(folder, ELECTRON_NATIVE_FILE);
  if (!fs.existsSync(addon)) {
    return { ok: false, message: missingMessage(runtime) };
  }
  const info = readBuildInfo(path.join(folder, ELECTRON_NATIVE_INFO_FILE));
  if (
    info &&
    (info.abi !== runtime.abi || info.platform !== runtime.platform || info.arch !== runtime.arch)
  ) {
    return {
      ok: false,
      message:
        `Scorecal cannot open its workspace: native/electron/${ELECTRON_NATIVE_FILE} was built for ` +
        `Electron ${info.electronVersion} on ${info.platform}-${info.arch} (ABI ${info.abi}), but this is ` +
        `Electron ${runtime.electronVersion} on ${runtime.platform}-${runtime.arch} (ABI ${runtime.abi}). ` +
        rebuildAdvice(runtime),
    };
  }
  return { ok: true, path: addon };
}

function readBuildInfo(file: string): NativeBuildInfo | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    const fields = ['electronVersion', 'abi', 'platform', 'arch'] as const;
    if (!fields.every((field) => typeof record[field] === 'string')) return null;
    return record as unknown as NativeBuildInfo;
  } catch {
    return null;
  }
}

function missingMessage(runtime: NativeRuntime): string {
  return (
    `Scorecal cannot open its workspace: the Electron build of better-sqlite3 ` +
    `(native/electron/${ELECTRON_NATIVE_FILE}) is missing. ` +
    rebuildAdvice(runtime)
  );
}

function rebuildAdvice(runtime: NativeRuntime): string {
  if (runtime.isPackaged) return 'This installation is incomplete; reinstall Scorecal.';
  return (
    "Run `npm run build:native-electron` once (it needs network access to fetch Electron's headers " +
    'or a prebuilt binary); it leaves the Node build used by `npm test` and `npm run web` untouched.'
  );
}
