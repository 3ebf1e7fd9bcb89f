import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { IPC_CHANNELS, type ScorecalBridge } from '../../../shared/api/bridge';
import { createApiClient } from '../../../shared/api/client';
import type { Progress } from '../../../shared/api/progress';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { registerIpcRouter } from '../../../electron/main/ipc-router';
import { isTrustedSender } from '../../../electron/main/ipc-sender-check';
import { ipcTransport } from '../../../renderer/src/api/ipc-transport';
import { asReal, FakeIpcMain, FakeWebContents } from './fake-electron';
import { useTempDirs } from '../../helpers/temp-dir';

/*
 * The preload runs against a fake `electron` whose ipcRenderer talks to a fake ipcMain, so one
 * test covers renderer transport -> preload bridge -> main router -> real engine and back.
 */
const wire = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as null | ((channel: string, ...args: unknown[]) => Promise<unknown>),
  rendererListeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => wire.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      if (!wire.invoke) throw new Error('No main process wired.');
      return wire.invoke(channel, ...args);
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      wire.rendererListeners.set(channel, [...(wire.rendererListeners.get(channel) ?? []), listener]);
    },
  },
}));

describe('preload bridge', () => {
  const tempDir = useTempDirs();
  const ipcMain = new FakeIpcMain();
  const window = new FakeWebContents('scorecal://app/index.html');
  let engine: Engine;
  let bridge: ScorecalBridge;

  beforeAll(async () => {
    await import('../../../electron/preload/index');
    bridge = wire.exposed.get('scorecal') as ScorecalBridge;
    // What the main process's send() would deliver to this renderer.
    window.send = (channel: string, payload: unknown) => {
      for (const listener of wire.rendererListeners.get(channel) ?? [])
        listener({ sender: 'hidden' }, payload);
    };
    wire.invoke = (channel, ...args) =>
      ipcMain.invoke(channel, { sender: window }, ...args) as Promise<unknown>;
  });
  afterAll(() => engine?.close());

  function routeTo(api: Parameters<typeof registerIpcRouter>[0]['api']) {
    return registerIpcRouter({
      ipcMain: asReal<IpcMain>(ipcMain),
      api,
      isTrustedSender: (event: IpcMainInvokeEvent) => isTrustedSender(event, asReal<WebContents>(window)),
      log: () => undefined,
    });
  }

  it('exposes exactly call, cancel and onProgress as window.scorecal, and nothing else', () => {
    expect([...wire.exposed.keys()]).toEqual(['scorecal']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onProgress']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('carries a typed API call to the real engine and back', async () => {
    engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    const router = routeTo(engine.api);
    try {
      const client = createApiClient(ipcTransport(bridge));
      const info = await client.call('app.info', {});
      expect(info).toEqual(expect.objectContaining({ host: 'test', workspacePath: engine.workspacePath }));
      await expect(client.call('datasets.list', {})).resolves.toEqual({ datasets: [] });
    } finally {
      router.dispose();
    }
  });

  it('throws engine errors as ApiError in the renderer', async () => {
    const router = routeTo({
      call: async () => {
        throw new ApiError('not-found', 'No such dataset.');
      },
    });
    try {
      const transport = ipcTransport(bridge);
      const failure = transport.call('datasets.list', {}, {}).catch((error: unknown) => error);
      const error = await failure;
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'not-found', message: 'No such dataset.' });
    } finally {
      router.dispose();
    }
  });

  it('delivers progress to the right call and turns an abort into a cancel', async () => {
    const progress: Progress = { phase: 'rows', done: 5, total: 10, unit: 'rows', rate: 1, etaSeconds: 5 };
    const signals: AbortSignal[] = [];
    const router = routeTo({
      call: (name, _input, context) => {
        signals.push(context.signal);
        context.onProgress(progress);
        return new Promise((_resolve, reject) =>
          context.signal.addEventListener('abort', () =>
            reject(new ApiError('cancelled', `${name} was cancelled.`)),
          ),
        );
      },
    });
    try {
      let id = 0;
      const transport = ipcTransport(bridge, () => `request-${(id += 1)}`);
      const first = new AbortController();
      const second = new AbortController();
      const heardByFirst: Progress[] = [];
      const heardBySecond: Progress[] = [];
      const running = [
        transport.call(
          'datasets.loadSample',
          {},
          { signal: first.signal, onProgress: (p) => heardByFirst.push(p) },
        ),
        transport.call(
          'datasets.loadSample',
          {},
          { signal: second.signal, onProgress: (p) => heardBySecond.push(p) },
        ),
      ].map((call) => call.catch((error: unknown) => error));
      await vi.waitFor(() => expect(signals).toHaveLength(2));
      // Each call hears its own report only, although both travel on one IPC channel.
      expect(heardByFirst).toEqual([progress]);
      expect(heardBySecond).toEqual([progress]);

      first.abort();
      expect(await running[0]).toMatchObject({ code: 'cancelled' });
      expect(signals[0]?.aborted).toBe(true);
      expect(signals[1]?.aborted).toBe(false);
      second.abort();
      expect(await running[1]).toMatchObject({ code: 'cancelled' });
    } finally {
      router.dispose();
    }
  });

  it('refuses to start a call whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      ipcTransport(bridge).call('app.info', {}, { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('stops delivering progress after unsubscribing', () => {
    const heard: unknown[] = [];
    const unsubscribe = bridge.onProgress((event) => heard.push(event));
    window.send(IPC_CHANNELS.progress, { requestId: 'x', progress: {} });
    unsubscribe();
    window.send(IPC_CHANNELS.progress, { requestId: 'y', progress: {} });
    expect(heard).toEqual([{ requestId: 'x', progress: {} }]);
  });
});
