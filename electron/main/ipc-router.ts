import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { ApiError } from '../../shared/api/api-error';
import { IPC_CHANNELS, type CallResult } from '../../shared/api/bridge';
import type { ProgressEvent } from '../../shared/api/progress';
import { describeIssues } from '../../shared/api/validation';
import type { EngineApi } from '../engine/api/engine-api';
import { originForLog } from './origin-for-log';

/** What the preload sends for one call; the input itself is validated by the engine. */
const CallEnvelopeSchema = z.strictObject({
  name: z.string().min(1).max(200),
  input: z.unknown(),
  requestId: z.string().min(1).max(100),
});

const CancelEnvelopeSchema = z.strictObject({
  requestId: z.string().min(1).max(100),
});

export interface IpcRouterOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  api: EngineApi;
  /** Decides, per message, whether it comes from the app's own window (see ipc-sender-check). */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  log: (message: string) => void;
}

export interface IpcRouter {
  /** Removes the handlers and cancels every call still running (on quit). */
  dispose(): void;
}

const REFUSED: CallResult = {
  ok: false,
  error: new ApiError(
    'forbidden',
    'This request did not come from the Scorecal window and was refused.',
  ).toPayload(),
};

/**
 * Routes the renderer's API calls to the engine. Every message's sender is checked, the
 * envelope is validated, each call gets its own AbortController so Cancel reaches the engine,
 * progress goes back to the calling window only, and every outcome is a CallResult: nothing
 * thrown (and no stack trace) ever crosses to the renderer.
 */
export function registerIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { ipcMain, api, isTrustedSender, log } = options;
  const running = new Map<string, AbortController>();
  const watchedSenders = new WeakSet<WebContents>();
  const keyOf = (sender: WebContents, requestId: string) => `${sender.id}:${requestId}`;

  // A closed or reloaded window cannot receive answers: stop the work it started.
  const abortWhenDestroyed = (sender: WebContents) => {
    if (watchedSenders.has(sender)) return;
    watchedSenders.add(sender);
    sender.once('destroyed', () => {
      const prefix = `${sender.id}:`;
      for (const [key, controller] of running) {
        if (key.startsWith(prefix)) controller.abort();
      }
    });
  };

  ipcMain.handle(IPC_CHANNELS.call, async (event, envelope: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event)) {
      log(`Refused an IPC call from an unexpected sender (${originForLog(event.senderFrame?.url)}).`);
      return REFUSED;
    }
    const parsed = CallEnvelopeSchema.safeParse(envelope);
    if (!parsed.success) {
      return failure(new ApiError('invalid-input', `Invalid IPC call: ${describeIssues(parsed.error)}`));
    }
    const { name, input, requestId } = parsed.data;
    const sender = event.sender;
    const key = keyOf(sender, requestId);
    if (running.has(key)) {
      return failure(new ApiError('conflict', `Request ${requestId} is already running.`));
    }

    const controller = new AbortController();
    running.set(key, controller);
    abortWhenDestroyed(sender);
    try {
      const value = await api.call(name, input, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (sender.isDestroyed()) return;
          const message: ProgressEvent = { requestId, progress };
          sender.send(IPC_CHANNELS.progress, message);
        },
      });
      return { ok: true, value };
    } catch (error) {
      const apiError = ApiError.from(error);
      if (!(error instanceof ApiError)) {
        // Unexpected failures keep their stack here, in the main process log, not in the renderer.
        log(`${name} failed: ${error instanceof Error && error.stack ? error.stack : String(error)}`);
      }
      return failure(apiError);
    } finally {
      running.delete(key);
    }
  });

  ipcMain.handle(IPC_CHANNELS.cancel, (event, envelope: unknown): void => {
    if (!isTrustedSender(event)) {
      log('Refused an IPC cancel from an unexpected sender.');
      return;
    }
    const parsed = CancelEnvelopeSchema.safeParse(envelope);
    if (!parsed.success) return;
    // Keyed by sender: one window can only cancel its own requests.
    running.get(keyOf(event.sender, parsed.data.requestId))?.abort();
  });

  return {
    dispose() {
      ipcMain.removeHandler(IPC_CHANNELS.call);
      ipcMain.removeHandler(IPC_CHANNELS.cancel);
      for (const controller of running.values()) controller.abort();
      running.clear();
    },
  };
}

function failure(error: ApiError): CallResult {
  return { ok: false, error: error.toPayload() };
}
