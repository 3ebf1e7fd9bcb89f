import { Command } from 'commander';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliFailure } from '../../../electron/cli/cli-failure';
import { EXIT_USAGE, type CliIo } from '../../../electron/cli/cli-io';
import { parsePort, registerWebCommand, serveInBrowser } from '../../../electron/cli/commands/web-command';
import { rendererBuildIsStale } from '../../../electron/web/renderer-build';
import { deferred, httpRequest, jsonBody } from './web-host-harness';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-web-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function capturingIo(): CliIo & { out: () => string; err: () => string; printed: Promise<void> } {
  let out = '';
  let err = '';
  const printed = deferred<void>();
  return {
    stdout: (text) => {
      out += text;
      if (out.includes('Workspace:')) printed.resolve();
    },
    stderr: (text) => {
      err += text;
    },
    stderrIsTty: false,
    env: {},
    out: () => out,
    err: () => err,
    printed: printed.promise,
  };
}

function builtRenderer(): string {
  const rendererDir = path.join(dir, 'out', 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Scorecal</title>');
  return rendererDir;
}

describe('scorecal web', () => {
  it.each([
    [undefined, 0],
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
  ])('takes --port %s as %d', (value, port) => {
    expect(parsePort(value)).toBe(port);
  });

  it.each(['-1', '65536', 'abc', '1.5', '', '80a', '0x50'])('refuses --port %j as a usage error', (value) => {
    expect(() => parsePort(value)).toThrow(CliFailure);
    try {
      parsePort(value);
    } catch (error) {
      expect((error as CliFailure).exitCode).toBe(EXIT_USAGE);
      expect((error as CliFailure).message).toContain('0 to 65535');
    }
  });

  it('fails the command with a usage error before opening anything', async () => {
    const program = new Command('scorecal').exitOverride();
    registerWebCommand(program, capturingIo());
    await expect(program.parseAsync(['web', '--port', 'many'], { from: 'user' })).rejects.toMatchObject({
      exitCode: EXIT_USAGE,
    });
  });

  it('serves the workspace, prints one URL line and the workspace, and stops on request', async () => {
    const io = capturingIo();
    const stop = deferred<void>();
    const workspacePath = path.join(dir, 'w.sqlite');
    const running = serveInBrowser(
      { port: 0, workspacePath, projectRoot: dir, build: false, rendererDir: builtRenderer() },
      io,
      stop.promise,
    );
    await io.printed;
    const line = io.out().split('\n')[0] ?? '';
    const match =
      /^Scorecal is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})) — open it in your browser; press Ctrl\+C to stop\.$/.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    expect(io.out()).toContain(`Workspace: ${workspacePath}`);
    const port = Number(match![2]);
    const info = await httpRequest(port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: {
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${match![3]}`,
        'content-type': 'application/json',
      },
      body: '{"input":{}}',
    });
    expect(jsonBody(info).value).toMatchObject({ host: 'browser', workspacePath });
    stop.resolve();
    await running;
    await expect(httpRequest(port, { headers: { host: `127.0.0.1:${port}` } })).rejects.toThrow();
  });

  it('says so when the renderer is not built and building is off', async () => {
    const io = capturingIo();
    const serving = serveInBrowser(
      { port: 0, workspacePath: path.join(dir, 'w.sqlite'), projectRoot: dir, build: false },
      io,
      new Promise(() => undefined),
    );
    await expect(serving).rejects.toThrow(/not built.*without --no-build/);
  });

  it('explains a port that is already taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const serving = serveInBrowser(
        {
          port,
          workspacePath: path.join(dir, 'w.sqlite'),
          projectRoot: dir,
          build: false,
          rendererDir: builtRenderer(),
        },
        capturingIo(),
        new Promise(() => undefined),
      );
      await expect(serving).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('renderer build freshness', () => {
  function write(relative: string) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }

  /** Sets every file and folder under `relative` to a time in the past. */
  function age(relative: string, secondsAgo: number) {
    const when = new Date(Date.now() - secondsAgo * 1000);
    const visit = (entry: string) => {
      if (fs.statSync(entry).isDirectory())
        for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
      fs.utimesSync(entry, when, when);
    };
    visit(path.join(dir, relative));
  }

  it('is stale without a build', () => {
    write('renderer/src/App.tsx');
    expect(rendererBuildIsStale(dir)).toBe(true);
  });

  it('is fresh when the build is newer than every source, stale when a source changes', () => {
    for (const source of [
      'renderer/src/App.tsx',
      'renderer/index.html',
      'shared/api/contract.ts',
      'out/renderer/index.html',
    ]) {
      write(source);
    }
    age('renderer', 100);
    age('shared', 100);
    age('out', 10);
    expect(rendererBuildIsStale(dir)).toBe(false);
    write('shared/api/contract.ts');
    expect(rendererBuildIsStale(dir)).toBe(true);
  });
});
