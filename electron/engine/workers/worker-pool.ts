import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/api-error';
import type { Progress } from '../../../shared/api/progress';
import type { TaskRequest, WorkerMessage } from './worker-protocol';
import { resolveWorkerScript } from './worker-script';

export interface RunTaskOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Buffers moved to the worker instead of copied (the caller must not use them afterwards). */
  transfer?: ArrayBuffer[];
}

interface PendingTask {
  request: TaskRequest;
  options: RunTaskOptions;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: ApiError) => void;
}

interface Slot {
  worker: Worker;
  task: PendingTask | null;
}

/**
 * A fixed set of worker threads for CPU-heavy work, so the Electron main thread and the browser
 * host keep answering. Cancelling a running task terminates its worker (pure number crunching
 * cannot be interrupted otherwise) and a fresh worker takes its place.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingTask[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(readonly size: number = Math.max(1, Math.min(4, os.availableParallelism()))) {}

  run<T>(kind: string, payload: unknown, options: RunTaskOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new ApiError('internal', 'The engine is shutting down.'));
    if (options.signal?.aborted) return Promise.reject(cancelled(kind));
    return new Promise<T>((resolve, reject) => {
      const signal = options.signal;
      const task: PendingTask = {
        request: { taskId: this.nextTaskId++, kind, payload },
        options,
        transfer: options.transfer ?? [],
        resolve: (value) => {
          if (signal) this.unwatch(signal, task);
          resolve(value as T);
        },
        reject: (error) => {
          if (signal) this.unwatch(signal, task);
          reject(error);
        },
      };
      if (signal) this.watch(signal, task);
      this.queue.push(task);
      this.dispatch();
    });
  }

  /**
   * One abort listener per signal, however many tasks share it (a walk-forward sends dozens),
   * so cancelling reaches them all without piling listeners on the caller's signal.
   */
  private readonly tasksBySignal = new WeakMap<AbortSignal, Set<PendingTask>>();

  private watch(signal: AbortSignal, task: PendingTask): void {
    let tasks = this.tasksBySignal.get(signal);
    if (!tasks) {
      const watched = new Set<PendingTask>();
      tasks = watched;
      this.tasksBySignal.set(signal, watched);
      signal.addEventListener('abort', () => [...watched].forEach((pending) => this.cancel(pending)), {
        once: true,
      });
    }
    tasks.add(task);
  }

  private unwatch(signal: AbortSignal, task: PendingTask): void {
    this.tasksBySignal.get(signal)?.delete(task);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      task.reject(new ApiError('cancelled', 'The engine is shutting down.'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => candidate.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as PendingTask;
      slot.task = task;
      // A busy worker keeps the process alive (a CLI awaiting it must not exit); an idle one must not.
      slot.worker.ref();
      slot.worker.postMessage(task.request, task.transfer);
    }
  }

  private spawn(): Slot {
    const script = resolveWorkerScript();
    const worker = new Worker(script.file, { workerData: script.workerData });
    const slot: Slot = { worker, task: null };
    worker.on('message', (message: WorkerMessage) => {
      const task = slot.task;
      if (!task || task.request.taskId !== message.taskId) return;
      if (message.type === 'progress') {
        task.options.onProgress?.(message.progress);
        return;
      }
      slot.task = null;
      slot.worker.unref();
      if (message.type === 'done') task.resolve(message.value);
      else task.reject(ApiError.fromPayload(message.error));
      this.dispatch();
    });
    worker.on('error', (error) =>
      this.retire(slot, new ApiError('internal', `A worker thread failed: ${error.message}`)),
    );
    worker.on('exit', () =>
      this.retire(slot, new ApiError('internal', 'A worker thread stopped unexpectedly.')),
    );
    // Idle workers must not keep the CLI process alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot, error: ApiError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.task?.reject(error);
    slot.task = null;
    if (!this.closed) this.dispatch();
  }

  private cancel(task: PendingTask): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      task.reject(cancelled(task.request.kind));
      return;
    }
    const slot = this.slots.find((candidate) => candidate.task === task);
    if (!slot) return;
    slot.task = null;
    this.slots.splice(this.slots.indexOf(slot), 1);
    task.reject(cancelled(task.request.kind));
    void slot.worker.terminate();
    this.dispatch();
  }
}

function cancelled(kind: string): ApiError {
  return new ApiError('cancelled', `The ${kind} computation was cancelled.`);
}
