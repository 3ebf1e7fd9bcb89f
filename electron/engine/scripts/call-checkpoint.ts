import { ApiError } from '../../../shared/api/api-error';
import type { CallContext } from '../api/call-context';

/**
 * Reports a step of a long call, then yields to the event loop so a cancel (IPC, HTTP or an
 * AbortSignal) can land between column reads, and stops the call if it did.
 */
export async function checkpoint(
  context: CallContext,
  what: string,
  phase: string,
  done: number,
  total: number,
): Promise<void> {
  context.onProgress({ phase, done, total, unit: 'steps', rate: null, etaSeconds: null });
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (context.signal.aborted) throw new ApiError('cancelled', `${what} was cancelled.`);
}
