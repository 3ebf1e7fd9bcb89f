import fs from 'node:fs';
import { ApiError } from '../../../shared/api/api-error';
import type { ParamDocument, ParamDocumentBody } from '../../../shared/param-file/param-file-schema';
import {
  contentHashOf,
  verifyParamText,
  type ParamFileVerdict,
} from '../../../shared/param-file/verify-param-text';
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-file';
import { sha256Hex } from './sha256-hex';

/** The body with its content hash: SHA-256 over the canonical JSON of the body. */
export function sealParamDocument(body: ParamDocumentBody): ParamDocument {
  const { contentHash: _old, ...rest } = body as ParamDocumentBody & { contentHash?: unknown };
  return { ...rest, contentHash: { algorithm: 'sha256', value: contentHashOf(rest, sha256Hex) } };
}

/** The text written to disk: indented for people; the hash does not depend on the layout. */
export function paramFileText(document: ParamDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Writes a sealed document atomically (temporary file, fsync, rename); answers the bytes written. */
export function writeParamFile(target: string, document: ParamDocument, hooks?: AtomicWriteHooks): number {
  const text = paramFileText(document);
  try {
    writeFileAtomic(target, text, hooks);
  } catch (error) {
    throw new ApiError('invalid-input', `Cannot write the parameter file ${target}.`, String(error));
  }
  return Buffer.byteLength(text);
}

/** Every check on a file, without throwing: what `scorecal verify` reports. */
export function verifyParamFile(file: string): ParamFileVerdict {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      failedCheck: 'json',
      message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`,
      passed: [],
    };
  }
  return verifyParamText(text, sha256Hex);
}

/** The verified document, or an invalid-input error that names the file and the failed check. */
export function readParamFile(file: string): ParamDocument {
  const verdict = verifyParamFile(file);
  if (!verdict.ok) {
    throw new ApiError(
      'invalid-input',
      `${file} is refused: ${verdict.message}.`,
      `failed check: ${verdict.failedCheck}`,
    );
  }
  return verdict.document;
}
