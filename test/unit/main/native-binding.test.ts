import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkElectronNativeBinding, unpackedAppRoot } from '../../../electron/main/native-binding';
import { useTempDirs } from '../../helpers/temp-dir';

const runtime = { electronVersion: '45.5.0', abi: '150', platform: 'linux', arch: 'x64', isPackaged: false };

describe('Electron build of better-sqlite3', () => {
  const tempDir = useTempDirs();

  function appWithAddon(info?: object): string {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'native', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(root, 'native', 'electron', 'better_sqlite3.node'), 'addon');
    if (info) {
      fs.writeFileSync(path.join(root, 'native', 'electron', 'build-info.json'), JSON.stringify(info));
    }
    return root;
  }

  it('finds the addon beside the app', () => {
    const root = appWithAddon({ electronVersion: '45.5.0', abi: '150', platform: 'linux', arch: 'x64' });
    expect(checkElectronNativeBinding(root, runtime)).toEqual({
      ok: true,
      path: path.join(root, 'native', 'electron', 'better_sqlite3.node'),
    });
  });

  it('explains how to build it when it is missing', () => {
    const check = checkElectronNativeBinding(tempDir(), runtime);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain('npm run build:native-electron');
  });

  it('refuses an addon built for another Electron ABI', () => {
    const root = appWithAddon({ electronVersion: '44.0.0', abi: '140', platform: 'linux', arch: 'x64' });
    const check = checkElectronNativeBinding(root, runtime);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/Electron 44\.0\.0.*Electron 45\.5\.0/);
  });

  it('tells a packaged app’s user to reinstall instead of running npm', () => {
    const check = checkElectronNativeBinding(tempDir(), { ...runtime, isPackaged: true });
    expect(!check.ok && check.message).toContain('reinstall Scorecal');
  });

  it('looks beside app.asar, where electron-builder unpacks native files', () => {
    expect(unpackedAppRoot('/opt/Scorecal/resources/app.asar')).toBe(
      '/opt/Scorecal/resources/app.asar.unpacked',
    );
    expect(unpackedAppRoot('/home/me/scorecal')).toBe('/home/me/scorecal');
  });
});
