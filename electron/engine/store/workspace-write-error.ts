import { ApiError } from '../../../shared/api/api-error';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Turns SQLite's failures while writing into messages people can act on. Anything that is not a
 * known SQLite condition is passed through unchanged.
 */
export function describeWriteError(error: unknown, workspacePath: string): unknown {
  if (error instanceof ApiError) return error;
  const code =
    typeof (error as SqliteLikeError)?.code === 'string' ? ((error as SqliteLikeError).code as string) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL') {
    return new ApiError(
      'workspace',
      `The disk holding the workspace ${workspacePath} is full (or its size limit was reached); nothing was imported. Free some space and try again.`,
      detail,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ApiError(
      'workspace',
      `The workspace ${workspacePath} is read-only; nothing was changed. Check the file's permissions or choose another workspace with --workspace.`,
      detail,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError(
      'workspace',
      `The workspace ${workspacePath} is locked by another Scorecal process that is writing to it (an import?). Try again when it has finished.`,
      detail,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new ApiError(
      'workspace',
      `The workspace ${workspacePath} could not be written (a disk error).`,
      detail,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new ApiError('workspace', `The workspace ${workspacePath} is damaged.`, detail);
  }
  return error;
}
