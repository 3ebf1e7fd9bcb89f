import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { ImportRequestInput } from '../../../shared/domain/import-options';
import { ImportRequestSchema } from '../../../shared/domain/import-options';
import type { CallContext } from '../../../electron/engine/api/call-context';
import { importFile, type ImportResult } from '../../../electron/engine/import/import-file';
import { openWorkspace, type Workspace } from '../../../electron/engine/workspace/open-workspace';

export const fixturesDir = path.resolve(__dirname, '..', '..', 'fixtures', 'import');

export function writeFile(dir: string, name: string, content: string | Buffer, gzip = false): string {
  const file = path.join(dir, name);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  fs.writeFileSync(file, gzip ? zlib.gzipSync(bytes) : bytes);
  return file;
}

export function quietContext(
  signal?: AbortSignal,
  onProgress: CallContext['onProgress'] = () => undefined,
): CallContext {
  return { signal: signal ?? new AbortController().signal, onProgress };
}

export function runImport(
  workspace: Workspace,
  request: ImportRequestInput,
  context = quietContext(),
): Promise<ImportResult> {
  return importFile(workspace.db, ImportRequestSchema.parse(request), context);
}

/** Everything a workspace holds, to compare before and after a failed import. */
export function workspaceFingerprint(workspace: Workspace): unknown {
  const db = workspace.db;
  return {
    datasets: db.prepare('SELECT id, name, row_count, source_sha256 FROM datasets ORDER BY id').all(),
    columns: db.prepare('SELECT count(*) AS n FROM dataset_columns').get(),
    chunks: db
      .prepare('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM column_chunks')
      .get(),
    integrity: db.pragma('integrity_check', { simple: true }),
  };
}

/** Runs an import that must fail, and checks that it said why and left the workspace untouched. */
export async function expectRefusal(
  workspace: Workspace,
  request: ImportRequestInput,
  message: RegExp,
  code: ApiError['code'] = 'invalid-input',
): Promise<ApiError> {
  const before = workspaceFingerprint(workspace);
  const error = await runImport(workspace, request).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the import should have failed').toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.message).toMatch(message);
  expect(apiError.code).toBe(code);
  expect(workspace.db.inTransaction).toBe(false);
  expect(workspaceFingerprint(workspace)).toEqual(before);
  return apiError;
}

export function freshWorkspace(dir: string): Workspace {
  return openWorkspace(path.join(dir, 'workspace.sqlite'));
}
