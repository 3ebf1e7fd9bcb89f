import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppInfoSchema } from '../../../shared/api/contract';
import {
  browserHeaders,
  httpRequest,
  jsonBody,
  postCall,
  startTestHost,
  type TestHost,
} from './web-host-harness';

let test: TestHost;
beforeAll(async () => {
  test = await startTestHost({ bodyLimitBytes: 4096 });
});
afterAll(async () => {
  await test.close();
});

function postRaw(body: string, contentType = 'application/json', path = '/api/call/app.info') {
  return httpRequest(test.host.port, {
    method: 'POST',
    path,
    headers: browserHeaders(test, { 'content-type': contentType }),
    body,
  });
}

describe('browser-mode host: API calls', () => {
  it('answers app.info with the engine it serves', async () => {
    const answer = await postCall(test, 'app.info', { input: {}, requestId: 'info-1' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    const body = jsonBody(answer);
    expect(body.ok).toBe(true);
    const info = AppInfoSchema.parse(body.value);
    expect(info.host).toBe('test');
    expect(info.workspacePath).toBe(test.engine.workspacePath);
  });

  it('answers 400 with the parser message for a body that is not JSON', async () => {
    const answer = await postRaw('{"input": {');
    expect(answer.status).toBe(400);
    const body = jsonBody(answer);
    expect(body.ok).toBe(false);
    expect(body.error?.code).toBe('invalid-input');
    expect(body.error?.message).toMatch(/^The request body is not valid JSON: \S/);
  });

  it('answers 400 naming the field for input that breaks the contract, without running the call', async () => {
    const answer = await postCall(test, 'datasets.loadSample', {
      input: { name: 42 },
      requestId: 'bad-input',
    });
    expect(answer.status).toBe(400);
    const body = jsonBody(answer);
    expect(body.error?.code).toBe('invalid-input');
    expect(body.error?.message).toContain('datasets.loadSample');
    expect(body.error?.message).toMatch(/\bname\b/);
    expect(await datasetCount()).toBe(0);
  });

  it.each([
    [{ requestId: 'no-input' }, 'input is required'],
    [{ input: {}, requestId: 'has space' }, 'requestId'],
    [{ input: {}, requestId: 'x'.repeat(101) }, 'requestId'],
    [{ input: {}, requestId: 'ok', extra: true }, 'extra'],
    [[1, 2], 'expected object'],
  ])('answers 400 for a malformed envelope %j', async (envelope, mentioned) => {
    const answer = await postCall(test, 'app.info', envelope);
    expect(answer.status).toBe(400);
    expect(jsonBody(answer).error?.message).toContain(mentioned);
  });

  it('answers 404 unknown-call for a call the contract does not have', async () => {
    const answer = await postCall(test, 'no.such-call', { input: {} });
    expect(answer.status).toBe(404);
    expect(jsonBody(answer).error).toMatchObject({ code: 'unknown-call' });
    expect(jsonBody(answer).error?.message).toContain('no.such-call');
  });

  it('answers 415 for a body that is not declared as JSON (as an HTML form would send it)', async () => {
    const answer = await postRaw('input=%7B%7D', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(415);
    expect(jsonBody(answer).error?.message).toContain('application/json');
    const plain = await postRaw('{"input":{}}', 'text/plain');
    expect(plain.status).toBe(415);
  });

  it('accepts a charset parameter on the JSON content type', async () => {
    expect((await postRaw('{"input":{}}', 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('answers 413 for a body over the size limit', async () => {
    const answer = await postRaw(JSON.stringify({ input: { name: 'x'.repeat(5000) } }));
    expect(answer.status).toBe(413);
    expect(jsonBody(answer).error?.message).toContain('4096 bytes');
  });

  it('answers 413 for a streamed body without Content-Length once it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: test.host.port,
          method: 'POST',
          path: '/api/call/app.info',
          headers: browserHeaders(test, {
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          }),
          agent: false,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 64) {
          sent += 1;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const answer = await httpRequest(test.host.port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: browserHeaders(test, { 'content-type': 'application/json' }),
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(answer.status).toBe(400);
    expect(jsonBody(answer).error?.message).toContain('UTF-8');
  });

  it('answers 405 for the wrong method and 404 for an unknown API route', async () => {
    const get = await httpRequest(test.host.port, {
      path: '/api/call/app.info',
      headers: browserHeaders(test),
    });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const unknown = await postRaw('{}', 'application/json', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    const put = await httpRequest(test.host.port, {
      method: 'PUT',
      path: '/index.html',
      headers: browserHeaders(test),
    });
    expect(put.status).toBe(405);
  });

  it('answers 400 for a malformed cancel request id', async () => {
    const answer = await httpRequest(test.host.port, {
      method: 'POST',
      path: '/api/cancel/bad%20id',
      headers: browserHeaders(test),
    });
    expect(answer.status).toBe(400);
  });
});

describe('browser-mode host: static files', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/assets/escape.txt',
    '/.hidden',
    '/assets/%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const answer = await httpRequest(test.host.port, { path, headers: browserHeaders(test) });
    expect([403, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('PRIVATE');
    expect(answer.body).not.toContain('not for browsers');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect(
      (await httpRequest(test.host.port, { path: '/nope.js', headers: browserHeaders(test) })).status,
    ).toBe(404);
    expect(
      (await httpRequest(test.host.port, { path: '/assets', headers: browserHeaders(test) })).status,
    ).toBe(404);
  });

  it('answers a favicon request with no content when the renderer has none', async () => {
    const answer = await httpRequest(test.host.port, { path: '/favicon.ico', headers: browserHeaders(test) });
    expect(answer.status).toBe(204);
  });

  it('answers HEAD without a body', async () => {
    const answer = await httpRequest(test.host.port, {
      method: 'HEAD',
      path: '/assets/app.js',
      headers: browserHeaders(test),
    });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(0);
    expect(answer.body).toBe('');
  });
});

async function datasetCount(): Promise<number> {
  const answer = await postCall(test, 'datasets.list', { input: {} });
  return (jsonBody(answer).value as { datasets: unknown[] }).datasets.length;
}
