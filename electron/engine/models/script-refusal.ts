import { ApiError } from '../../../shared/api/api-error';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { scriptRefusal } from '../../../shared/param-file/script-file-error';

/**
 * Stops a call that would score rows with a script model before it reads anything: the engine never
 * runs script code (docs/security.md), so applying, scoring a CSV or monitoring drift with one is
 * refused with a message that says where scripts do run.
 */
export function refuseScript(document: ParamDocument, label: string): void {
  if (document.method !== 'script') return;
  const name = document.script
    ? `"${label}" (script "${document.script.name}" v${document.script.version})`
    : `"${label}"`;
  throw new ApiError('invalid-input', scriptRefusal(name));
}
