import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createEngine, type Engine } from '../../electron/engine/engine';

export interface SampleEngine {
  engine: Engine;
  client: ApiClient;
  datasetId: number;
  close(): void;
}

/** A real engine over a fresh temporary workspace with the bundled sample loaded. */
export async function sampleEngine(): Promise<SampleEngine> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-sample-'));
  const engine = createEngine({ workspacePath: path.join(folder, 'w.sqlite'), host: 'test' });
  const client = createApiClient(engine.transport);
  const loaded = await client.call('datasets.loadSample', {});
  return {
    engine,
    client,
    datasetId: loaded.id,
    close() {
      engine.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
