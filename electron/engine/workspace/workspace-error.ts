import { ApiError } from '../../../shared/api/api-error';

export function workspaceError(message: string, detail?: string): ApiError {
  return new ApiError('workspace', message, detail);
}
