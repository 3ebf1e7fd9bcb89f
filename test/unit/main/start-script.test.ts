import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

type BinaryCheck =
  { found: true; executablePath: string; version: string } | { found: false; reason: string };
interface StartScript {
  findElectronBinary(root: string, env?: NodeJS.ProcessEnv): BinaryCheck;
  checkNativeBuild(
    root: string,
    electron: { version: string; abi: string | null },
  ): { ok: boolean; message?: string };
  isBuildStale(root: string): boolean;
}
/** The scripts wrap their paragraphs; compare text regardless of where the lines break. */
const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');

const startScript = createRequire(__filename)(path.join(projectRoot, 'scripts', 'start.cjs')) as StartScript;

describe('npm start', () => {
  const tempDir = useTempDirs();
  const executableName = process.platform === 'win32' ? 'electron.exe' : 'electron';

  /** A project whose node_modules/electron looks like the real package before or after its download. */
  function projectWithElectron(options: { downloaded: boolean; distVersion?: string }): string {
    const root = tempDir();
    const electronDir = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(electronDir, { recursive: true });
    fs.writeFileSync(
      path.join(electronDir, 'package.json'),
      JSON.stringify({ name: 'electron', version: '45.5.0' }),
    );
    fs.writeFileSync(path.join(electronDir, 'abi_version'), '150');
    // The real package downloads on require; the check must never load it.
    fs.writeFileSync(path.join(electronDir, 'index.js'), 'throw new Error("download attempted");');
    if (options.downloaded) {
      fs.mkdirSync(path.join(electronDir, 'dist'));
      fs.writeFileSync(path.join(electronDir, 'path.txt'), executableName);
      fs.writeFileSync(path.join(electronDir, 'dist', executableName), '');
      fs.writeFileSync(path.join(electronDir, 'dist', 'version'), options.distVersion ?? '45.5.0');
    }
    return root;
  }

  it('finds a downloaded Electron binary without loading the electron package', () => {
    const root = projectWithElectron({ downloaded: true });
    expect(startScript.findElectronBinary(root, {})).toEqual(
      expect.objectContaining({
        found: true,
        executablePath: path.join(root, 'node_modules', 'electron', 'dist', executableName),
        version: '45.5.0',
      }),
    );
  });

  it('reports a binary that was never downloaded', () => {
    const check = startScript.findElectronBinary(projectWithElectron({ downloaded: false }), {});
    expect(check).toEqual({ found: false, reason: expect.stringContaining('never downloaded') });
  });

  it('reports a binary left over from another Electron version', () => {
    const check = startScript.findElectronBinary(
      projectWithElectron({ downloaded: true, distVersion: '44.1.0' }),
      {},
    );
    expect(check).toEqual({ found: false, reason: expect.stringContaining('44.1.0') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const root = projectWithElectron({ downloaded: false });
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, executableName), '');
    const check = startScript.findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(check).toEqual(
      expect.objectContaining({ found: true, executablePath: path.join(dist, executableName) }),
    );
  });

  it('asks for the Electron build of better-sqlite3, and for a rebuild when Electron changed', () => {
    const root = tempDir();
    const electron = { version: '45.5.0', abi: '150' };
    const missing = startScript.checkNativeBuild(root, electron);
    expect(missing.ok).toBe(false);
    expect(oneLine(missing.message)).toContain('npm run build:native-electron');
    const folder = path.join(root, 'native', 'electron');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'better_sqlite3.node'), '');
    const info = { electronVersion: '44.0.0', abi: '140', platform: process.platform, arch: process.arch };
    fs.writeFileSync(path.join(folder, 'build-info.json'), JSON.stringify(info));
    expect(startScript.checkNativeBuild(root, electron).ok).toBe(false);
    fs.writeFileSync(path.join(folder, 'build-info.json'), JSON.stringify({ ...info, abi: '150' }));
    expect(startScript.checkNativeBuild(root, electron)).toEqual({ ok: true });
  });

  it('rebuilds when a bundle is missing or older than its sources', () => {
    const root = tempDir();
    expect(startScript.isBuildStale(root)).toBe(true);
    for (const output of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      fs.mkdirSync(path.dirname(path.join(root, output)), { recursive: true });
      fs.writeFileSync(path.join(root, output), '');
    }
    fs.mkdirSync(path.join(root, 'electron', 'main'), { recursive: true });
    const source = path.join(root, 'electron', 'main', 'index.ts');
    fs.writeFileSync(source, '');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(source, past, past);
    expect(startScript.isBuildStale(root)).toBe(false);
    fs.utimesSync(source, new Date(), new Date(Date.now() + 60_000));
    expect(startScript.isBuildStale(root)).toBe(true);
  });

  const binary = startScript.findElectronBinary(projectRoot);
  it.skipIf(binary.found)(
    'without the Electron binary, says so in one paragraph and points to npm run web',
    () => {
      const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'start.cjs')], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' },
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const message = result.stderr.trim();
      expect(message).toContain('npm run web');
      expect(message).toContain('node node_modules/electron/install.js');
      expect(message).not.toMatch(/\n\s*\n/); // one paragraph
      expect(message).not.toMatch(/^\s+at /m); // no stack trace
      expect(message).not.toContain('Downloading');
    },
  );
});
