import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from '../../shared/api/client';
import type { DatasetRef } from '../../shared/domain/dataset-details';
import { createApiClient } from '../../shared/api/client';
import { createEngine, type Engine } from '../engine/engine';
import type { CliIo } from './cli-io';
import { progressBar } from './progress-bar';
import { withEngine } from './with-engine';

export interface SourceRoles {
  score?: string | undefined;
  outcome?: string | undefined;
  weight?: string | undefined;
  time?: string | undefined;
  segments?: string[] | undefined;
}

const DATA_FILE = /\.(csv|tsv|txt|psv|gz|parquet|jsonl|ndjson)$/i;

/**
 * Commands that take `<file|dataset>` run against a workspace dataset, or against a file read with
 * the import's own parser into a throwaway workspace that is deleted afterwards.
 */
export async function withDatasetSource<T>(
  io: CliIo,
  source: string,
  options: { workspace?: string | undefined; roles: SourceRoles; signal: AbortSignal },
  run: (client: ApiClient, dataset: DatasetRef, engine: Engine) => Promise<T>,
): Promise<T> {
  const isFile = DATA_FILE.test(source) && fs.existsSync(source);
  if (!isFile) {
    return withEngine(io, options.workspace, (engine) =>
      run(createApiClient(engine.transport), { name: source }, engine),
    );
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-file-'));
  const engine = createEngine({ workspacePath: path.join(folder, 'scratch.sqlite'), host: 'cli' });
  try {
    const client = createApiClient(engine.transport);
    const bar = progressBar(io);
    const roles = Object.fromEntries(Object.entries(options.roles).filter(([, v]) => v !== undefined));
    const imported = await client.call(
      'datasets.import',
      { file: path.resolve(source), roles, onError: 'refuse', ifExists: 'import-again' },
      { signal: options.signal, onProgress: bar.update },
    );
    bar.done();
    return await run(client, { id: imported.dataset.id }, engine);
  } finally {
    engine.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
