import type { ApiErrorPayload } from '../../../shared/api/api-error';
import type { Progress } from '../../../shared/api/progress';

/** Messages between the engine and its worker threads. Typed arrays travel as transferables. */
export interface TaskRequest {
  taskId: number;
  kind: string;
  payload: unknown;
}

export type WorkerMessage =
  | { taskId: number; type: 'progress'; progress: Progress }
  | { taskId: number; type: 'done'; value: unknown }
  | { taskId: number; type: 'failed'; error: ApiErrorPayload };
