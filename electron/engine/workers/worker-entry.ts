import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/api-error';
import type { TaskRequest, WorkerMessage } from './worker-protocol';
import { workerTasks } from './worker-tasks';

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread.');

port.on('message', (request: TaskRequest) => {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    const task = Object.prototype.hasOwnProperty.call(workerTasks, request.kind)
      ? workerTasks[request.kind]
      : undefined;
    if (!task) throw new ApiError('internal', `No worker task named "${request.kind}".`);
    const value = task(request.payload as never, (progress) =>
      post({ taskId: request.taskId, type: 'progress', progress }),
    );
    post({ taskId: request.taskId, type: 'done', value }, transferablesOf(value));
  } catch (error) {
    post({ taskId: request.taskId, type: 'failed', error: toApiError(error).toPayload() });
  }
});

/** Errors of the numerical core about their input are the caller's to fix, not internal faults. */
const INPUT_ERRORS = new Set(['MetricInputError', 'CalibrationInputError', 'ScoreInputError']);

function toApiError(error: unknown): ApiError {
  if (error instanceof Error && INPUT_ERRORS.has(error.name))
    return new ApiError('invalid-input', error.message);
  return ApiError.from(error);
}

/** Typed arrays in a result move to the engine instead of being copied. */
function transferablesOf(value: unknown): ArrayBuffer[] {
  const found: ArrayBuffer[] = [];
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !found.includes(v.buffer))
      found.push(v.buffer);
    else if (v && typeof v === 'object') for (const inner of Object.values(v)) visit(inner);
  };
  visit(value);
  return found;
}
