import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { createApiClient } from '../../../shared/api/client';
import type { Progress } from '../../../shared/api/progress';
import { httpTransport } from '../../../renderer/src/api/http-transport';
import { ControlledCall, SLOW_CALL, startTestHost, type TestHost } from './web-host-harness';

/** URLs of the event streams the transport opened, and their connections. */
const opened: string[] = [];
const streams: http.ClientRequest[] = [];

/**
 * The renderer's transport runs here in Node against the real host. A browser would send the
 * session cookie by itself and provide EventSource; these stand-ins do just that, nothing more.
 */
function actAsBrowser(test: TestHost, cookie: string | null) {
  const realFetch = globalThis.fetch;
  const withCookie = (headers: Record<string, string> = {}) => (cookie ? { ...headers, cookie } : headers);
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) =>
    realFetch(new URL(input, test.host.origin), {
      ...init,
      headers: withCookie(init.headers as Record<string, string>),
    }),
  );

  class NodeEventSource extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    readyState = NodeEventSource.CONNECTING;

    constructor(url: string) {
      super();
      opened.push(url);
      const target = {
        host: '127.0.0.1',
        port: test.host.port,
        path: url,
        headers: withCookie(),
        agent: false,
      };
      const request = http.get(target, (response) => {
        const ok = response.statusCode === 200;
        this.readyState = ok ? NodeEventSource.OPEN : NodeEventSource.CLOSED;
        this.dispatchEvent(new Event(ok ? 'open' : 'error'));
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const messages = buffer.split('\n\n');
          buffer = messages.pop() ?? '';
          for (const line of messages.flatMap((message) => message.split('\n'))) {
            if (!line.startsWith('data: ')) continue;
            this.dispatchEvent(new MessageEvent('message', { data: line.slice('data: '.length) }));
          }
        });
        response.on('end', () => {
          this.readyState = NodeEventSource.CLOSED;
        });
      });
      request.on('error', () => undefined);
      streams.push(request);
    }
  }
  vi.stubGlobal('EventSource', NodeEventSource);
}

let test: TestHost | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const stream of streams.splice(0)) stream.destroy();
  opened.splice(0);
  await test?.close();
  test = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('renderer HTTP transport against the browser-mode host', () => {
  it('calls the API through the typed client', async () => {
    test = await startTestHost();
    actAsBrowser(test, test.cookie);
    const info = await createApiClient(httpTransport()).call('app.info', {});
    expect(info.host).toBe('test');
  });

  it('turns error answers back into ApiErrors with their code', async () => {
    test = await startTestHost();
    actAsBrowser(test, test.cookie);
    const transport = httpTransport();
    const invalid = await rejection(transport.call('datasets.loadSample', { name: 42 }, {}));
    expect(invalid.code).toBe('invalid-input');
    expect(invalid.message).toMatch(/\bname\b/);
    expect((await rejection(transport.call('no.such-call', {}, {}))).code).toBe('unknown-call');
  });

  it('explains a refusal when the tab is not signed in', async () => {
    test = await startTestHost();
    actAsBrowser(test, null);
    const error = await rejection(httpTransport().call('app.info', {}, {}));
    expect(error.message).toContain('URL printed in the terminal');
    expect(error.detail).toBe('HTTP 401');
  });

  it('routes progress to the call it belongs to', async () => {
    const slow = new ControlledCall();
    test = await startTestHost({ slow: (context) => slow.run(context) });
    actAsBrowser(test, test.cookie);
    const seen: Progress[] = [];
    let heard: () => void = () => undefined;
    const threeReports = new Promise<void>((resolve) => (heard = resolve));
    const answer = httpTransport().call(
      SLOW_CALL,
      {},
      {
        onProgress: (progress) => {
          seen.push(progress);
          if (seen.length === 3) heard();
        },
      },
    );
    await threeReports;
    expect(seen[0]).toMatchObject({ phase: 'Importing rows', unit: 'rows' });
    slow.complete({ finished: true });
    expect(await answer).toEqual({ finished: true });
  });

  it('shares one event stream between calls', async () => {
    const first = new ControlledCall();
    test = await startTestHost({ slow: (context) => first.run(context) });
    actAsBrowser(test, test.cookie);
    const transport = httpTransport();
    const calls = [1, 2].map(() => transport.call(SLOW_CALL, {}, { onProgress: () => undefined }));
    await first.started.promise;
    first.complete({});
    await Promise.all(calls);
    expect(opened).toEqual(['/api/events']);
  });

  it('cancels the engine call when the signal aborts', async () => {
    const slow = new ControlledCall();
    test = await startTestHost({ slow: (context) => slow.run(context) });
    actAsBrowser(test, test.cookie);
    const abort = new AbortController();
    const answer = httpTransport().call(SLOW_CALL, {}, { signal: abort.signal });
    await slow.started.promise;
    abort.abort();
    expect((await rejection(answer)).code).toBe('cancelled');
    await slow.aborted.promise;
  });

  it('says the engine is not reachable when the host is gone', async () => {
    test = await startTestHost();
    actAsBrowser(test, test.cookie);
    await test.host.close();
    const error = await rejection(httpTransport().call('app.info', {}, {}));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('not reachable');
  });
});
