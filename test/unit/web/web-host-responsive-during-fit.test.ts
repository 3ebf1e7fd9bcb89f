import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, jsonBody, postCall, startTestHost, type TestHost } from './web-host-harness';

let test: TestHost;
let datasetId = 0;
beforeAll(async () => {
  test = await startTestHost();
  const loaded = jsonBody(await postCall(test, 'datasets.loadSample', { input: {}, requestId: 'load' }));
  datasetId = (loaded.value as { id: number }).id;
});
afterAll(() => test?.close());

describe('browser-mode host while the engine fits', () => {
  it('answers other API calls while a long calibration runs in the worker threads, and cancels it', async () => {
    let fitSettled = false;
    const fit = postCall(test, 'calibration.run', {
      requestId: 'long-fit',
      input: {
        dataset: { id: datasetId },
        methods: [{ method: 'spline' }, { method: 'venn-abers' }],
        validation: { scheme: 'kfold', folds: 5, seed: 1 },
      },
    }).then((answer) => {
      fitSettled = true;
      return answer;
    });
    // Give the fit time to reach the workers, then ask for something else.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const info = await postCall(test, 'app.info', { input: {}, requestId: 'info' });
    expect(info.status).toBe(200);
    const list = await postCall(test, 'datasets.list', { input: {}, requestId: 'list' });
    expect(jsonBody(list).ok).toBe(true);
    expect(fitSettled).toBe(false);

    const stop = await httpRequest(test.host.port, {
      method: 'POST',
      path: '/api/cancel/long-fit',
      headers: { host: `127.0.0.1:${test.host.port}`, cookie: test.cookie },
    });
    expect(stop.status).toBe(200);
    const answer = await fit;
    expect(answer.status).toBe(499);
    expect(jsonBody(answer).error?.code).toBe('cancelled');
  });
});
