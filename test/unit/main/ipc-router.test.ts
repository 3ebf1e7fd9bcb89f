import path from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { IPC_CHANNELS, type CallResult } from '../../../shared/api/bridge';
import type { Progress } from '../../../shared/api/progress';
import type { CallContext } from '../../../electron/engine/api/call-context';
import type { EngineApi } from '../../../electron/engine/api/engine-api';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { registerIpcRouter, type IpcRouter } from '../../../electron/main/ipc-router';
import { isTrustedSender } from '../../../electron/main/ipc-sender-check';
import { asReal, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron';
import { useTempDirs } from '../../helpers/temp-dir';

const progress: Progress = {
  phase: 'import',
  done: 10,
  total: 100,
  unit: 'rows',
  rate: null,
  etaSeconds: null,
};

/** An engine stand-in that reports progress and then waits until it is cancelled. */
function waitingApi(): EngineApi & { calls: { name: string; context: CallContext }[] } {
  const calls: { name: string; context: CallContext }[] = [];
  return {
    calls,
    call(name, _input, context) {
      calls.push({ name, context });
      context.onProgress(progress);
      return new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () =>
          reject(new ApiError('cancelled', `${name} was cancelled.`)),
        );
      });
    },
  };
}

interface Setup {
  ipcMain: FakeIpcMain;
  window: FakeWebContents;
  router: IpcRouter;
  log: string[];
}

function setup(api: EngineApi): Setup {
  const ipcMain = new FakeIpcMain();
  const window = new FakeWebContents('scorecal://app/index.html');
  const log: string[] = [];
  const router = registerIpcRouter({
    ipcMain: asReal<IpcMain>(ipcMain),
    api,
    isTrustedSender: (event) => isTrustedSender(event, asReal<WebContents>(window)),
    log: (message) => log.push(message),
  });
  return { ipcMain, window, router, log };
}

const call = (s: Setup, envelope: unknown, from: { sender: FakeWebContents; frame?: FakeFrame | null }) =>
  s.ipcMain.invoke(IPC_CHANNELS.call, from, envelope) as Promise<CallResult>;

describe('IPC router', () => {
  const tempDir = useTempDirs();
  let engine: Engine | null = null;
  afterEach(() => {
    engine?.close();
    engine = null;
  });

  it('registers the call and cancel channels, and removes them on dispose', () => {
    const s = setup(waitingApi());
    expect([...s.ipcMain.handlers.keys()].sort()).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.cancel].sort());
    s.router.dispose();
    expect(s.ipcMain.handlers.size).toBe(0);
  });

  it('answers a valid call with the real engine’s answer', async () => {
    const workspacePath = path.join(tempDir(), 'workspace.scorecal.sqlite');
    engine = createEngine({ workspacePath, host: 'test' });
    const s = setup(engine.api);
    const result = await call(s, { name: 'app.info', input: {}, requestId: 'r1' }, { sender: s.window });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ host: 'test', workspacePath, schemaVersion: expect.any(Number) }),
    });
  });

  it('turns engine errors into error payloads, never thrown objects', async () => {
    engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    const s = setup(engine.api);
    const unknown = await call(s, { name: 'no.such.call', input: {}, requestId: 'r1' }, { sender: s.window });
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown-call' }) });
    const invalid = await call(
      s,
      { name: 'app.info', input: { extra: 1 }, requestId: 'r2' },
      { sender: s.window },
    );
    expect(invalid).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('keeps the stack of an unexpected failure in the main process log only', async () => {
    const s = setup({
      call: async () => {
        throw new TypeError('boom');
      },
    });
    const result = await call(s, { name: 'app.info', input: {}, requestId: 'r1' }, { sender: s.window });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(s.log.join('\n')).toContain('TypeError: boom');
  });

  it.each([
    [
      'a subframe',
      (w: FakeWebContents) => ({ sender: w, frame: new FakeFrame('scorecal://app/x', w.mainFrame) }),
    ],
    [
      'a frame on another origin',
      (w: FakeWebContents) => ({ sender: w, frame: new FakeFrame('https://example.com/') }),
    ],
    [
      'a frame of another host on the app scheme',
      (w: FakeWebContents) => ({ sender: w, frame: new FakeFrame('scorecal://evil/') }),
    ],
    ['a file:// page', (w: FakeWebContents) => ({ sender: w, frame: new FakeFrame('file:///tmp/x.html') })],
    ['a frame that is gone', (w: FakeWebContents) => ({ sender: w, frame: null })],
    ['another webContents', () => ({ sender: new FakeWebContents('scorecal://app/index.html') })],
  ])('refuses a call from %s without calling the engine', async (_what, from) => {
    const api = waitingApi();
    const s = setup(api);
    const result = await call(s, { name: 'app.info', input: {}, requestId: 'r1' }, from(s.window));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(result.ok || result.error.message).toMatch(/did not come from the Scorecal window/);
    expect(api.calls).toHaveLength(0);
    expect(s.log.join('\n')).toContain('Refused an IPC call');
  });

  it.each([
    ['no envelope', undefined],
    ['a bare string', 'app.info'],
    ['a missing request id', { name: 'app.info', input: {} }],
    ['a request id over 100 characters', { name: 'app.info', input: {}, requestId: 'x'.repeat(101) }],
    ['a non-string name', { name: 42, input: {}, requestId: 'r1' }],
    ['unexpected fields', { name: 'app.info', input: {}, requestId: 'r1', admin: true }],
  ])('rejects %s as invalid input', async (_what, envelope) => {
    const api = waitingApi();
    const s = setup(api);
    const result = await call(s, envelope, { sender: s.window });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    expect(api.calls).toHaveLength(0);
  });

  it('forwards progress to the calling window, tagged with the request id', async () => {
    const api = waitingApi();
    const s = setup(api);
    const pending = call(
      s,
      { name: 'datasets.loadSample', input: {}, requestId: 'r-progress' },
      { sender: s.window },
    );
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    expect(s.window.sent).toEqual([
      { channel: IPC_CHANNELS.progress, payload: { requestId: 'r-progress', progress } },
    ]);
    await s.ipcMain.invoke(IPC_CHANNELS.cancel, { sender: s.window }, { requestId: 'r-progress' });
    await pending;
  });

  it('cancel aborts the signal of that request, and the call answers "cancelled"', async () => {
    const api = waitingApi();
    const s = setup(api);
    const pending = call(
      s,
      { name: 'datasets.loadSample', input: {}, requestId: 'r1' },
      { sender: s.window },
    );
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    const signal = api.calls[0]?.context.signal;
    expect(signal?.aborted).toBe(false);
    await s.ipcMain.invoke(IPC_CHANNELS.cancel, { sender: s.window }, { requestId: 'r1' });
    expect(signal?.aborted).toBe(true);
    expect(await pending).toEqual({ ok: false, error: expect.objectContaining({ code: 'cancelled' }) });
  });

  it('ignores a cancel from an unexpected sender', async () => {
    const api = waitingApi();
    const s = setup(api);
    const pending = call(
      s,
      { name: 'datasets.loadSample', input: {}, requestId: 'r1' },
      { sender: s.window },
    );
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    const subframe = new FakeFrame('scorecal://app/x', s.window.mainFrame);
    await s.ipcMain.invoke(IPC_CHANNELS.cancel, { sender: s.window, frame: subframe }, { requestId: 'r1' });
    await s.ipcMain.invoke(IPC_CHANNELS.cancel, { sender: new FakeWebContents() }, { requestId: 'r1' });
    expect(api.calls[0]?.context.signal.aborted).toBe(false);
    s.router.dispose();
    await pending;
  });

  it('refuses a second call with a request id that is still running', async () => {
    const api = waitingApi();
    const s = setup(api);
    const first = call(
      s,
      { name: 'datasets.loadSample', input: {}, requestId: 'same' },
      { sender: s.window },
    );
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    const second = await call(s, { name: 'app.info', input: {}, requestId: 'same' }, { sender: s.window });
    expect(second).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    s.router.dispose();
    await first;
  });

  it('aborts the calls of a window that is destroyed', async () => {
    const api = waitingApi();
    const s = setup(api);
    const pending = call(
      s,
      { name: 'datasets.loadSample', input: {}, requestId: 'r1' },
      { sender: s.window },
    );
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    s.window.destroy();
    expect(api.calls[0]?.context.signal.aborted).toBe(true);
    expect(await pending).toEqual({ ok: false, error: expect.objectContaining({ code: 'cancelled' }) });
  });
});
