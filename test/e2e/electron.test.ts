import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The desktop app end to end, in real Electron: open it on a fresh workspace, load the sample,
 * see it listed with its row count. Where the Electron binary (or the Electron build of
 * better-sqlite3, or any display) is missing, it skips and prints why.
 */

const projectRoot = path.resolve(__dirname, '..', '..');

interface StartScript {
  findElectronBinary(
    root: string,
  ): { found: true; executablePath: string } | { found: false; reason: string };
  checkNativeBuild(root: string, electron: object): { ok: true } | { ok: false; message: string };
  electronPackage(root: string): { version: string; abi: string | null } | null;
}
// The same detection `npm start` uses, which never triggers the electron package's download.
const startScript = createRequire(__filename)(path.join(projectRoot, 'scripts', 'start.cjs')) as StartScript;

const electronBinary = startScript.findElectronBinary(projectRoot);
const electronPackage = startScript.electronPackage(projectRoot);
const nativeBuild = electronPackage ? startScript.checkNativeBuild(projectRoot, electronPackage) : null;
const hasXvfb = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].some((file) => fs.existsSync(file));
const needsVirtualDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const skipReason = !electronBinary.found
  ? `the Electron binary is not installed on this machine (${electronBinary.reason}); ` +
    'run `node node_modules/electron/install.js` with network access to enable this test'
  : nativeBuild && !nativeBuild.ok
    ? `the Electron build of better-sqlite3 is missing; run \`npm run build:native-electron\` (${nativeBuild.message.trim()})`
    : needsVirtualDisplay && !hasXvfb
      ? 'there is no display (DISPLAY is unset) and no Xvfb to provide one; run under xvfb-run'
      : null;

if (skipReason) console.warn(`Electron e2e skipped: ${skipReason}`);

/** Starts Xvfb on a free display number and answers its DISPLAY value. */
async function startVirtualDisplay(): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s.')), 10_000);
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(`:${chunk.toString().trim()}`);
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited with code ${code}.`)));
  });
  return { display, process: child };
}

describe.skipIf(skipReason !== null)('desktop app in Electron', () => {
  const tempDir = useTempDirs();
  let xvfb: ChildProcess | null = null;
  let display: string | undefined = process.env.DISPLAY;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(projectRoot, 'out', 'main', 'index.js'))) {
      throw new Error('The app is not built: run `npm run build` first (npm test does).');
    }
    if (needsVirtualDisplay) {
      const virtual = await startVirtualDisplay();
      xvfb = virtual.process;
      display = virtual.display;
    }
  });
  afterAll(() => {
    xvfb?.kill();
  });

  it('loads the sample and lists it with its row count, offline and without console errors', async () => {
    if (!electronBinary.found) return;
    const workspace = path.join(tempDir(), 'workspace.scorecal.sqlite');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;
    Object.assign(env, { SCORECAL_WORKSPACE: '', SCORECAL_USER_DATA_DIR: tempDir() });
    if (display) env.DISPLAY = display;

    const app: ElectronApplication = await _electron.launch({
      executablePath: electronBinary.executablePath,
      args: [projectRoot, '--workspace', workspace],
      cwd: projectRoot,
      env,
      // Run with Chromium's OS sandbox, as users do. Where unprivileged user namespaces are
      // restricted and chrome-sandbox is not set up, set SCORECAL_E2E_NO_OS_SANDBOX=1.
      chromiumSandbox: process.env.SCORECAL_E2E_NO_OS_SANDBOX !== '1',
      timeout: 60_000,
    });
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];
    app.context().on('request', (request) => {
      const url = request.url();
      if (!/^(scorecal:\/\/app\/|data:|blob:|devtools:)/.test(url)) foreignRequests.push(url);
    });
    try {
      const page: Page = await app.firstWindow();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      expect(page.url()).toMatch(/^scorecal:\/\/app\//);

      await page.getByRole('heading', { name: 'Datasets' }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Load sample dataset', exact: true }).click();
      const row = page.getByRole('row', { name: /Liquidations sample/ });
      await row.waitFor({ timeout: 60_000 });
      await expect.poll(() => row.innerText()).toContain('100,000');

      // The renderer has no Node: the page sees only the three bridge functions.
      const surface = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as unknown as { scorecal: object }).scorecal).sort(),
      }));
      expect(surface).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['call', 'cancel', 'onProgress'],
      });

      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await app.close();
    }
  }, 180_000);
});
