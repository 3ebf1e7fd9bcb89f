#!/usr/bin/env node
'use strict';
/*
 * `npm run build:native-electron`: builds better-sqlite3 for the project's Electron into
 * native/electron/better_sqlite3.node, next to (not instead of) the Node build in node_modules.
 * Tests, the CLI and browser mode keep loading the Node build; the desktop app passes this file
 * to better-sqlite3's `nativeBinding` option. No rebuild ping-pong: both builds always exist.
 *
 * It works on a copy of the package in a temporary folder, so node_modules/better-sqlite3/build
 * is never touched. First it tries the prebuilt binary better-sqlite3 publishes for each
 * Electron ABI (prebuild-install: a download, no compiler); if that fails it compiles with
 * node-gyp against Electron's headers (a download plus a C++ toolchain). Both need network.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { electronPackage, findElectronBinary } = require('./start.cjs');

const projectRoot = path.resolve(__dirname, '..');
const outputDir = path.join(projectRoot, 'native', 'electron');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|self[- ]signed|unable to get local issuer/i;

function paragraph(text) {
  return `${text.replace(/\s+/g, ' ').trim()}\n`;
}

function fail(message) {
  process.stderr.write(paragraph(message));
  process.exitCode = 1;
}

/** Runs a command, echoing and keeping its output so a failure can be explained. */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // npm passes its own config as npm_config_*; target/runtime/arch from there must not override ours.
    for (const key of Object.keys(env))
      if (/^npm_config_(target|runtime|arch|disturl|dist_url)$/i.test(key)) delete env[key];
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk, stream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

function resolveFrom(request, paths) {
  try {
    return require.resolve(request, { paths });
  } catch {
    return null;
  }
}

/** node-gyp from the project (electron-builder brings it) or else the copy bundled with npm. */
function findNodeGyp() {
  const npmDir = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  const npmDirWindows = path.join(path.dirname(process.execPath), 'node_modules', 'npm');
  return resolveFrom('node-gyp/bin/node-gyp.js', [projectRoot, npmDir, npmDirWindows]);
}

function copyPackage(sourceDir, targetDir) {
  fs.cpSync(sourceDir, targetDir, {
    recursive: true,
    // The Node build and its intermediates stay behind: the copy must start clean.
    filter: (source) => !['build', 'prebuilds'].includes(path.relative(sourceDir, source).split(path.sep)[0]),
  });
}

async function main() {
  const electron = electronPackage(projectRoot);
  if (!electron) {
    fail('The electron npm package is not installed; run `npm ci` first.');
    return;
  }
  const betterSqlite3Json = resolveFrom('better-sqlite3/package.json', [projectRoot]);
  if (!betterSqlite3Json) {
    fail('better-sqlite3 is not installed; run `npm ci` first.');
    return;
  }
  const betterSqlite3Dir = path.dirname(betterSqlite3Json);
  const betterSqlite3Version = JSON.parse(fs.readFileSync(betterSqlite3Json, 'utf8')).version;
  const { platform, arch } = process;
  process.stdout.write(
    `Building better-sqlite3 ${betterSqlite3Version} for Electron ${electron.version} (${platform}-${arch})...\n`,
  );

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-native-electron-'));
  const packageCopy = path.join(workDir, 'better-sqlite3');
  const outputs = [];
  try {
    copyPackage(betterSqlite3Dir, packageCopy);
    // The copy's own dependencies (bindings, prebuild-install) resolve from the project.
    const prebuildInstall = resolveFrom('prebuild-install/bin.js', [betterSqlite3Dir, projectRoot]);
    let built = false;
    if (prebuildInstall) {
      process.stdout.write('Trying the prebuilt binary for this Electron version...\n');
      const result = await run(
        process.execPath,
        [
          prebuildInstall,
          '--runtime',
          'electron',
          '--target',
          electron.version,
          '--arch',
          arch,
          '--platform',
          platform,
          '--verbose',
        ],
        packageCopy,
      );
      outputs.push(result.output);
      built = result.ok;
    }
    if (!built) {
      const nodeGyp = findNodeGyp();
      if (!nodeGyp) {
        fail(
          'No prebuilt binary could be fetched and node-gyp was not found to compile one (it ships with npm).',
        );
        return;
      }
      process.stdout.write("Compiling against Electron's headers with node-gyp...\n");
      const result = await run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          `--target=${electron.version}`,
          `--arch=${arch}`,
          `--dist-url=${ELECTRON_HEADERS_URL}`,
          // Electron's headers in their own cache, apart from Node's.
          `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        ],
        packageCopy,
      );
      outputs.push(result.output);
      built = result.ok;
    }
    const addon = path.join(packageCopy, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !fs.existsSync(addon)) {
      const offline = NETWORK_FAILURE.test(outputs.join('\n'));
      fail(
        offline
          ? 'Could not build better-sqlite3 for Electron: the network is not reachable from here. This step ' +
              "downloads a prebuilt binary from GitHub or Electron's headers from electronjs.org, once per " +
              'Electron version. Run it on a machine with network access (same OS, CPU architecture and ' +
              'Electron version) and copy its native/electron/ folder here. `npm test` and `npm run web` do ' +
              'not need it.'
          : 'Could not build better-sqlite3 for Electron (see the output above). Compiling needs Python 3 ' +
              'and a C++ toolchain (build-essential on Debian/Ubuntu, Xcode command line tools on macOS, ' +
              'Visual Studio Build Tools on Windows). The Node build in node_modules was not changed.',
      );
      return;
    }

    fs.mkdirSync(outputDir, { recursive: true });
    fs.copyFileSync(addon, path.join(outputDir, 'better_sqlite3.node'));
    const info = {
      electronVersion: electron.version,
      abi: electron.abi ?? '',
      platform,
      arch,
      betterSqlite3Version,
    };
    fs.writeFileSync(path.join(outputDir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
    process.stdout.write(`Wrote native/electron/better_sqlite3.node for Electron ${electron.version}.\n`);
    verifyWithElectron(packageCopy, path.join(outputDir, 'better_sqlite3.node'));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Opens an in-memory database with the new addon inside Electron itself, when Electron is installed. */
function verifyWithElectron(packageCopy, addonPath) {
  const electron = findElectronBinary(projectRoot);
  if (!electron.found) {
    process.stdout.write(
      'Not verified: the Electron binary is not installed here; `npm start` will load it.\n',
    );
    return;
  }
  const script =
    `const Database = require(${JSON.stringify(path.join(packageCopy, 'lib'))});` +
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(addonPath)} });` +
    `process.stdout.write('Verified in Electron: SQLite ' + db.prepare('select sqlite_version() v').get().v + '\\n');`;
  const result = spawnSync(electron.executablePath, ['-e', script], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_PATH: path.join(projectRoot, 'node_modules') },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(
      paragraph('The new addon did not load in Electron (see above); `npm start` will report it too.'),
    );
    process.exitCode = 1;
  }
}

main().catch((error) =>
  fail(`build:native-electron failed: ${error && error.message ? error.message : String(error)}`),
);
