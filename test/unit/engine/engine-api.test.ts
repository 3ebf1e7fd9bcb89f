import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/api/progress';
import { createApiClient } from '../../../shared/api/client';
import { createEngine } from '../../../electron/engine/engine';
import { LATEST_SCHEMA_VERSION } from '../../../electron/engine/workspace/migrations';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const quiet = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

describe('the engine behind the API contract', () => {
  it('answers app.info with the workspace it opened', async () => {
    const workspacePath = path.join(tempDir(), 'w.sqlite');
    const engine = createEngine({ workspacePath, host: 'test' });
    const info = await createApiClient(engine.transport).call('app.info', {});
    expect(info).toMatchObject({ workspacePath, host: 'test', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    engine.close();
  });

  it('refuses unknown calls and invalid input with specific codes', async () => {
    const engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    await expect(engine.api.call('datasets.drop', {}, quiet())).rejects.toMatchObject({
      code: 'unknown-call',
    });
    await expect(engine.api.call('constructor', {}, quiet())).rejects.toMatchObject({ code: 'unknown-call' });
    await expect(engine.api.call('datasets.loadSample', { name: 3 }, quiet())).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/name/),
    });
    await expect(engine.api.call('datasets.list', 'not an object', quiet())).rejects.toMatchObject({
      code: 'invalid-input',
    });
    engine.close();
  });

  it('loads the bundled sample with progress, and names a second copy apart', async () => {
    const engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    const client = createApiClient(engine.transport);
    const reports: Progress[] = [];
    const loaded = await client.call('datasets.loadSample', {}, { onProgress: (p) => reports.push(p) });
    expect(loaded.name).toBe('Liquidations sample');
    expect(loaded.rows).toBe(100_000);
    expect(loaded.baseRate).toBeGreaterThan(0.01);
    expect(loaded.baseRate).toBeLessThan(0.2);
    expect(loaded.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(loaded.timeMin ?? 0).toISOString()).toMatch(/^2024-01-0/);
    expect(new Date(loaded.timeMax ?? 0).toISOString()).toMatch(/^2025-12-3/);
    expect(reports.length).toBeGreaterThan(0);
    const last = reports[reports.length - 1] as Progress;
    expect(last).toMatchObject({ unit: 'bytes', done: last.total });

    const second = await client.call('datasets.loadSample', {});
    expect(second.name).toBe('Liquidations sample (2)');
    expect(second.sourceSha256).toBe(loaded.sourceSha256);
    const { datasets } = await client.call('datasets.list', {});
    expect(datasets.map((d) => d.name)).toEqual(['Liquidations sample (2)', 'Liquidations sample']);
    engine.close();
  });

  it('keeps nothing when the sample load is cancelled midway', async () => {
    const engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    const client = createApiClient(engine.transport);
    const controller = new AbortController();
    const attempt = client.call(
      'datasets.loadSample',
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done > 0) controller.abort();
        },
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    expect((await client.call('datasets.list', {})).datasets).toEqual([]);
    engine.close();
  });

  it('answers a short call while a long one runs', async () => {
    const engine = createEngine({ workspacePath: path.join(tempDir(), 'w.sqlite'), host: 'test' });
    const client = createApiClient(engine.transport);
    let loadFinished = false;
    const load = client.call('datasets.loadSample', {}).then(() => (loadFinished = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.call('app.info', {});
    expect(loadFinished).toBe(false);
    await load;
    engine.close();
  });
});
