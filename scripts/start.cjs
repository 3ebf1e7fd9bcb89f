#!/usr/bin/env node
'use strict';
/*
 * `npm start`: runs the desktop app. It checks, in order, everything that would otherwise fail
 * with a stack trace deep inside Electron, and explains each missing piece in one paragraph:
 * the Electron binary, a display, an up-to-date build, and the Electron build of better-sqlite3.
 *
 * It must not `require('electron')`: in the electron package that call downloads the binary
 * when it is missing (and throws when it cannot). The binary is located the way that package
 * does it, without the download.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const projectRoot = path.resolve(__dirname, '..');

/** Version and ABI of the installed electron npm package, or null when it is not installed. */
function electronPackage(root) {
  let packageJsonPath;
  try {
    packageJsonPath = require.resolve('electron/package.json', { paths: [root] });
  } catch {
    return null;
  }
  const dir = path.dirname(packageJsonPath);
  const { version } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  let abi = null;
  try {
    abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  } catch {
    // Older packages have no abi_version file; the native build check then skips the ABI.
  }
  return { dir, version, abi };
}

/**
 * Where the electron package would find its executable, without downloading it. The package's
 * install step writes the executable's relative path to path.txt and unpacks Electron into
 * dist/ (with dist/version); ELECTRON_OVERRIDE_DIST_PATH points at a separately installed one.
 */
function findElectronBinary(root = projectRoot, env = process.env) {
  const electron = electronPackage(root);
  if (!electron) {
    return { found: false, reason: 'the electron npm package is not installed (run `npm ci`)' };
  }
  const pathFile = path.join(electron.dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';

  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || defaultExecutableName());
    return fs.existsSync(overridden)
      ? { found: true, executablePath: overridden, version: electron.version, abi: electron.abi }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${overridden}, which does not exist` };
  }
  if (!relative) {
    return {
      found: false,
      reason: `the electron package (${electron.version}) is installed but its binary was never downloaded`,
    };
  }
  const executablePath = path.join(electron.dir, 'dist', relative);
  if (!fs.existsSync(executablePath)) {
    return { found: false, reason: `the Electron binary is missing from the electron package's dist folder` };
  }
  let distVersion = '';
  try {
    distVersion = fs
      .readFileSync(path.join(electron.dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    // Without a version file the binary is taken as is, as the electron package itself does.
  }
  if (distVersion && distVersion !== electron.version) {
    return {
      found: false,
      reason: `the downloaded Electron binary is version ${distVersion}, but the project uses ${electron.version}`,
    };
  }
  return { found: true, executablePath, version: electron.version, abi: electron.abi };
}

function defaultExecutableName() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Text wrapped to a readable width, printed as one paragraph. */
function paragraph(text, width = 96) {
  const lines = [];
  let line = '';
  // A `command in backticks` is never broken across lines, so it can be copied as is.
  for (const word of text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return `${lines.join('\n')}\n`;
}

function missingElectronMessage(reason) {
  return paragraph(
    `Scorecal's desktop mode needs the Electron runtime, and it is not available on this machine: ${reason} ` +
      '(Electron fetches it from the network on first use, which this installation could not do). ' +
      'On a machine with network access, run `node node_modules/electron/install.js` (or ' +
      '`npx electron --version`) once, then `npm start` again. Meanwhile, `npm run web` opens the ' +
      'same workbench in your browser, served from this machine only.',
  );
}

const SOURCE_ENTRIES = [
  'electron/main',
  'electron/preload',
  'electron/engine',
  'shared',
  'renderer',
  'electron.vite.config.ts',
  'package.json',
];
const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestModification(entry) {
  let stats;
  try {
    stats = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

/** True when a bundle is missing or older than any source it is built from. */
function isBuildStale(root = projectRoot) {
  const outputTimes = BUILD_OUTPUTS.map((output) => {
    try {
      return fs.statSync(path.join(root, output)).mtimeMs;
    } catch {
      return 0;
    }
  });
  const oldestOutput = Math.min(...outputTimes);
  if (oldestOutput === 0) return true;
  const newestSource = Math.max(...SOURCE_ENTRIES.map((entry) => newestModification(path.join(root, entry))));
  return newestSource > oldestOutput;
}

/** The Electron build of better-sqlite3 made by `npm run build:native-electron`. */
function checkNativeBuild(root, electron) {
  const folder = path.join(root, 'native', 'electron');
  const advice =
    "Run `npm run build:native-electron` once (it needs network access for Electron's headers or a " +
    'prebuilt binary). It builds into native/electron/ and leaves the Node build in node_modules, ' +
    'which `npm test` and `npm run web` use, untouched.';
  if (!fs.existsSync(path.join(folder, 'better_sqlite3.node'))) {
    return {
      ok: false,
      message: paragraph(
        `The desktop app needs better-sqlite3 built for Electron ${electron.version}, and it is missing. ${advice}`,
      ),
    };
  }
  try {
    const info = JSON.parse(fs.readFileSync(path.join(folder, 'build-info.json'), 'utf8'));
    const mismatch =
      (electron.abi && info.abi !== electron.abi) ||
      info.platform !== process.platform ||
      info.arch !== process.arch;
    if (mismatch) {
      return {
        ok: false,
        message: paragraph(
          `native/electron/better_sqlite3.node was built for Electron ${info.electronVersion} on ` +
            `${info.platform}-${info.arch}, but this project now uses Electron ${electron.version} on ` +
            `${process.platform}-${process.arch}. ${advice}`,
        ),
      };
    }
  } catch {
    // A hand-copied addon without build-info.json is trusted; the app reports a load failure itself.
  }
  return { ok: true };
}

function hasDisplay(env = process.env) {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function buildApp(root) {
  // The package's exports hide its bin file from require.resolve; its package.json names it.
  const packageJsonPath = require.resolve('electron-vite/package.json', { paths: [root] });
  const { bin } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  const cli = path.join(path.dirname(packageJsonPath), typeof bin === 'string' ? bin : bin['electron-vite']);
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function launch(executablePath, root, args) {
  const env = { ...process.env };
  // Set, it would make Electron behave as plain Node instead of starting the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executablePath, [root, ...args], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(paragraph(`Electron could not be started: ${error.message}.`));
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function main(args) {
  const electron = findElectronBinary(projectRoot);
  if (!electron.found) {
    process.stderr.write(missingElectronMessage(electron.reason));
    return 1;
  }
  if (!hasDisplay()) {
    process.stderr.write(
      paragraph(
        'The desktop app needs a graphical display, and none is set (neither DISPLAY nor WAYLAND_DISPLAY). ' +
          'Start it from a desktop session, or under a virtual display with `xvfb-run npm start`; ' +
          '`npm run web` serves the same workbench to a browser instead.',
      ),
    );
    return 1;
  }
  if (isBuildStale(projectRoot)) {
    process.stdout.write('Building the app (electron-vite build)...\n');
    if (!buildApp(projectRoot)) {
      process.stderr.write(paragraph('The build failed (see above); fix it and run `npm start` again.'));
      return 1;
    }
  }
  const native = checkNativeBuild(projectRoot, electron);
  if (!native.ok) {
    process.stderr.write(native.message);
    return 1;
  }
  launch(electron.executablePath, projectRoot, args);
  return undefined;
}

module.exports = {
  findElectronBinary,
  electronPackage,
  isBuildStale,
  checkNativeBuild,
  missingElectronMessage,
};

if (require.main === module) {
  try {
    const code = main(process.argv.slice(2));
    if (code !== undefined) process.exitCode = code;
  } catch (error) {
    process.stderr.write(
      paragraph(`npm start failed: ${error && error.message ? error.message : String(error)}`),
    );
    process.exitCode = 1;
  }
}
