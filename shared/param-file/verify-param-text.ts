import type { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { jsonErrorLocation } from './json-error-location';
import {
  PARAM_FILE_FORMAT,
  PARAM_FILE_VERSION,
  ParamDocumentSchema,
  type ParamDocument,
} from './param-file-schema';

/** The checks a parameter file passes, in the order they run; the first failure stops the rest. */
export type ParamFileCheck = 'json' | 'format' | 'version' | 'schema' | 'hash';
export const PARAM_FILE_CHECKS: readonly ParamFileCheck[] = ['json', 'format', 'version', 'schema', 'hash'];

export type ParamFileVerdict =
  | { ok: true; document: ParamDocument; passed: ParamFileCheck[] }
  | { ok: false; failedCheck: ParamFileCheck; message: string; passed: ParamFileCheck[] };

/** SHA-256 of the UTF-8 bytes of a string, lowercase hex (node:crypto in the engine, anything elsewhere). */
export type Sha256Hex = (text: string) => string;

/**
 * Reads a parameter file's text: JSON, then the format name, the version, the schema of version 1,
 * and last the content hash over the canonical JSON of everything but `contentHash`. The message of
 * a failure names the check, so a person can tell a damaged file from one of a newer Scorecal.
 */
export function verifyParamText(text: string, sha256: Sha256Hex): ParamFileVerdict {
  const passed: ParamFileCheck[] = [];
  const fail = (failedCheck: ParamFileCheck, message: string): ParamFileVerdict => ({
    ok: false,
    failedCheck,
    message,
    passed,
  });

  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const { line, column } = jsonErrorLocation(text, error);
    return fail('json', `not JSON (line ${line}, column ${column}): the file is damaged or truncated`);
  }
  passed.push('json');

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('format', 'unknown format: the file holds JSON but not an object');
  }
  const record = value as Record<string, unknown>;
  if (record.format !== PARAM_FILE_FORMAT) {
    return fail(
      'format',
      `unknown format: expected "format": "${PARAM_FILE_FORMAT}", found ${describe(record.format)}`,
    );
  }
  passed.push('format');

  if (record.version !== PARAM_FILE_VERSION) {
    return fail(
      'version',
      typeof record.version === 'number'
        ? `version ${record.version} is not supported (this Scorecal reads version ${PARAM_FILE_VERSION})`
        : `version ${describe(record.version)} is not supported (this Scorecal reads version ${PARAM_FILE_VERSION})`,
    );
  }
  passed.push('version');

  const parsed = ParamDocumentSchema.safeParse(value);
  if (!parsed.success) return fail('schema', `schema: ${describeSchemaIssues(parsed.error)}`);
  passed.push('schema');

  const recorded = parsed.data.contentHash.value;
  const actual = contentHashOf(record, sha256);
  if (actual !== recorded) {
    return fail(
      'hash',
      `content hash mismatch: the file was changed after it was written (recorded ${recorded.slice(0, 12)}…, content gives ${actual.slice(0, 12)}…)`,
    );
  }
  // A script's own hash is part of the same promise: the source is the one that was fitted.
  const script = parsed.data.script;
  if (script !== null && sha256(script.source) !== script.sourceSha256) {
    return fail(
      'hash',
      `script source hash mismatch: script.source is not the source that was fitted (recorded ${script.sourceSha256.slice(0, 12)}…, source gives ${sha256(script.source).slice(0, 12)}…)`,
    );
  }
  passed.push('hash');
  return { ok: true, document: parsed.data as ParamDocument, passed };
}

/** The hash a document body gets: SHA-256 over its canonical JSON. */
export function contentHashOf(body: object, sha256: Sha256Hex): string {
  const { contentHash: _ignored, ...rest } = body as Record<string, unknown>;
  return sha256(canonicalJson(rest));
}

function describe(value: unknown): string {
  if (value === undefined) return 'no such field';
  return JSON.stringify(value).slice(0, 60);
}

function describeSchemaIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.') || '(document)';
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return missing ? `field ${path} is missing` : `field ${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}
