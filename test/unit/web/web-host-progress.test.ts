import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressEventSchema } from '../../../shared/api/progress';
import { defaultResourcesDir } from '../../../electron/engine/resources-dir';
import {
  browserHeaders,
  ControlledCall,
  httpRequest,
  jsonBody,
  openEventStream,
  postCall,
  SLOW_CALL,
  startTestHost,
  type TestHost,
} from './web-host-harness';

let test: TestHost | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function hostWithSlowCall() {
  const slow = new ControlledCall();
  test = await startTestHost({ slow: (context) => slow.run(context) });
  return { test, slow };
}

function cancel(host: TestHost, requestId: string) {
  return httpRequest(host.host.port, {
    method: 'POST',
    path: `/api/cancel/${requestId}`,
    headers: browserHeaders(host),
  });
}

describe('browser-mode host: long calls', () => {
  it('streams progress events of a running call over Server-Sent Events', async () => {
    const { test, slow } = await hostWithSlowCall();
    const stream = await openEventStream(test);
    const second = await openEventStream(test);
    const answer = postCall(test, SLOW_CALL, { input: {}, requestId: 'load-1' });
    await stream.waitFor((events) => events.filter((event) => event.requestId === 'load-1').length >= 3);
    await second.waitFor((events) => events.length >= 1);
    for (const event of stream.events) expect(ProgressEventSchema.parse(event).requestId).toBe('load-1');
    expect(stream.raw()).toMatch(/^retry: \d+\n/);
    slow.complete({ done: true });
    const result = await answer;
    expect(result.status).toBe(200);
    expect(jsonBody(result)).toEqual({ ok: true, value: { done: true } });
    stream.close();
    second.close();
  });

  const sampleFile = path.join(defaultResourcesDir(), 'samples', 'liquidations-100k.csv.gz');
  it.skipIf(!fs.existsSync(sampleFile))(
    "streams the real engine's progress while it imports the sample",
    async () => {
      test = await startTestHost();
      const stream = await openEventStream(test);
      const answer = await postCall(test, 'datasets.loadSample', {
        input: { name: 'Over HTTP' },
        requestId: 'sample-1',
      });
      expect(answer.status).toBe(200);
      expect(jsonBody(answer).value).toMatchObject({ name: 'Over HTTP' });
      // The forced final report may arrive just after the answer: they travel on different connections.
      await stream.waitFor((events) => events.some((event) => event.progress.done === event.progress.total));
      expect(stream.events.every((event) => event.requestId === 'sample-1')).toBe(true);
      stream.close();
    },
  );

  it('refuses the event stream without a session', async () => {
    test = await startTestHost();
    const answer = await httpRequest(test.host.port, {
      path: '/api/events',
      headers: { host: `127.0.0.1:${test.host.port}` },
    });
    expect(answer.status).toBe(401);
  });

  it('cancels a running call on POST /api/cancel/:requestId', async () => {
    const { test, slow } = await hostWithSlowCall();
    const answer = postCall(test, SLOW_CALL, { input: {}, requestId: 'load-2' });
    await slow.started.promise;
    const cancelled = await cancel(test, 'load-2');
    expect(jsonBody(cancelled)).toEqual({ ok: true, value: { cancelled: true } });
    await slow.aborted.promise;
    const result = await answer;
    expect(result.status).toBe(499);
    expect(jsonBody(result).error?.code).toBe('cancelled');
    expect(jsonBody(await cancel(test, 'load-2'))).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('answers other calls while a long call runs', async () => {
    const { test, slow } = await hostWithSlowCall();
    let slowSettled = false;
    const answer = postCall(test, SLOW_CALL, { input: {}, requestId: 'load-3' }).finally(() => {
      slowSettled = true;
    });
    await slow.started.promise;
    const info = await postCall(test, 'app.info', { input: {}, requestId: 'info-3' });
    expect(info.status).toBe(200);
    expect(jsonBody(info).ok).toBe(true);
    const page = await httpRequest(test.host.port, { headers: browserHeaders(test) });
    expect(page.status).toBe(200);
    expect(slowSettled).toBe(false);
    slow.complete({});
    expect((await answer).status).toBe(200);
  });

  it('refuses a second call with the requestId of a running one', async () => {
    const { test, slow } = await hostWithSlowCall();
    const first = postCall(test, SLOW_CALL, { input: {}, requestId: 'same-id' });
    await slow.started.promise;
    const duplicate = await postCall(test, 'app.info', { input: {}, requestId: 'same-id' });
    expect(duplicate.status).toBe(409);
    expect(jsonBody(duplicate).error?.code).toBe('conflict');
    slow.complete({});
    await first;
  });

  it('cancels a call whose client disconnects', async () => {
    const { test, slow } = await hostWithSlowCall();
    const request = http.request({
      host: '127.0.0.1',
      port: test.host.port,
      method: 'POST',
      path: `/api/call/${SLOW_CALL}`,
      headers: browserHeaders(test, { 'content-type': 'application/json' }),
      agent: false,
    });
    request.on('error', () => undefined);
    request.end(JSON.stringify({ input: {}, requestId: 'load-4' }));
    await slow.started.promise;
    request.destroy();
    await slow.aborted.promise;
  });

  it('cancels running calls and ends event streams when it closes', async () => {
    const { test, slow } = await hostWithSlowCall();
    const stream = await openEventStream(test);
    const answer = postCall(test, SLOW_CALL, { input: {}, requestId: 'load-5' }).catch(
      (error: Error) => error,
    );
    await slow.started.promise;
    await test.host.close();
    await slow.aborted.promise;
    await stream.ended;
    await answer;
  });
});
