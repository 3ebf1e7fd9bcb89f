import type { ApiErrorCode } from '../../shared/api/api-error';

/**
 * The HTTP status for each API error code, so that scripts (curl --fail) and browser dev tools
 * see failures as failures; the JSON body stays what the client branches on.
 */
const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'unknown-call': 404,
  'not-found': 404,
  conflict: 409,
  // 499 "client closed request": the caller asked for the stop, nothing went wrong.
  cancelled: 499,
  // The workspace is there but unusable right now (locked, read-only, newer schema).
  workspace: 503,
  internal: 500,
};

export function httpStatusForApiError(code: ApiErrorCode): number {
  return STATUS_BY_CODE[code];
}
