import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type CallResult, type ScorecalBridge } from '../../shared/api/bridge';
import type { ProgressEvent } from '../../shared/api/progress';

/*
 * Runs sandboxed: it may only import 'electron' and is bundled into one CommonJS file, so it
 * stays free of dependencies (validation happens in the main process and in the renderer).
 * The page receives three plain functions, never ipcRenderer or an IPC event object.
 */

const progressListeners = new Set<(event: ProgressEvent) => void>();

// One IPC listener for all calls, fanned out here, so many concurrent calls add no IPC listeners.
ipcRenderer.on(IPC_CHANNELS.progress, (_event: IpcRendererEvent, message: ProgressEvent) => {
  for (const listener of progressListeners) listener(message);
});

const bridge: ScorecalBridge = {
  call: (name, input, requestId) =>
    ipcRenderer.invoke(IPC_CHANNELS.call, { name, input, requestId }) as Promise<CallResult>,
  cancel: async (requestId) => {
    await ipcRenderer.invoke(IPC_CHANNELS.cancel, { requestId });
  },
  onProgress: (listener) => {
    progressListeners.add(listener);
    return () => {
      progressListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('scorecal', bridge);
