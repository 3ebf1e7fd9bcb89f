import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import type { ProgressEvent } from '../../../shared/api/progress';
import type { CallContext } from '../../../electron/engine/api/call-context';
import type { EngineApi } from '../../../electron/engine/api/engine-api';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { startWebHost, type WebHost } from '../../../electron/web/start-web-host';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestSpec {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * node:http rather than fetch, because fetch forbids setting Host, Origin and Sec-Fetch-Site,
 * which are exactly what these tests forge.
 */
export function httpRequest(
  port: number,
  spec: RequestSpec = {},
  address = '127.0.0.1',
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: address,
        port,
        method: spec.method ?? 'GET',
        path: spec.path ?? '/',
        headers: spec.headers ?? {},
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}

export function jsonBody(answer: HttpAnswer): {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
} {
  return JSON.parse(answer.body) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** Promise.withResolvers, which Node 20 lacks. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A long call the test starts, watches and ends by hand, with progress every few milliseconds. */
export class ControlledCall {
  started = deferred<CallContext>();
  aborted = deferred<void>();
  private finish = deferred<unknown>();

  run(context: CallContext): Promise<unknown> {
    this.started.resolve(context);
    let done = 0;
    const ticker = setInterval(() => {
      done += 10;
      context.onProgress({
        phase: 'Importing rows',
        done,
        total: 1000,
        unit: 'rows',
        rate: null,
        etaSeconds: null,
      });
    }, 10);
    context.signal.addEventListener('abort', () => {
      this.aborted.resolve();
      this.finish.reject(new ApiError('cancelled', 'The slow call was cancelled.'));
    });
    return this.finish.promise.finally(() => clearInterval(ticker));
  }

  complete(value: unknown): void {
    this.finish.resolve(value);
  }
}

export const SLOW_CALL = 'datasets.loadSample';

/**
 * The real engine, except that SLOW_CALL is answered by whatever the test supplies, and every
 * call is counted, so tests can prove that a refused request never reached the engine.
 */
export function countingApi(engine: Engine, slow?: (context: CallContext) => Promise<unknown>) {
  const calls: string[] = [];
  const api: EngineApi = {
    call(name, input, context) {
      calls.push(name);
      if (name === SLOW_CALL && slow) return slow(context);
      return engine.api.call(name, input, context);
    },
  };
  return { api, calls };
}

export interface TestHost {
  host: WebHost;
  engine: Engine;
  /** Names of the API calls that reached the engine. */
  calls: string[];
  rendererDir: string;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
  close(): Promise<void>;
}

/** A temp folder with a tiny renderer, a file beside it that must stay private, and a symlink to it. */
function makeRendererDir(root: string): string {
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Scorecal</title><script type="module" src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'document.title = "Scorecal ready";\n');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(rendererDir, '.hidden'), 'not for browsers');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'PRIVATE');
  try {
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'escape.txt'));
  } catch {
    // Windows without the symlink privilege: the escape test then checks a missing file.
  }
  return rendererDir;
}

export async function signIn(host: WebHost): Promise<string> {
  const answer = await httpRequest(host.port, {
    path: `/?token=${host.token}`,
    headers: { host: `127.0.0.1:${host.port}` },
  });
  const setCookie = answer.headers['set-cookie']?.[0];
  if (answer.status !== 303 || setCookie === undefined)
    throw new Error(`Sign-in failed with HTTP ${answer.status}`);
  return setCookie.split(';')[0] ?? '';
}

export async function startTestHost(
  options: { slow?: (context: CallContext) => Promise<unknown>; bodyLimitBytes?: number } = {},
): Promise<TestHost> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-web-'));
  const engine = createEngine({ workspacePath: path.join(root, 'w.sqlite'), host: 'test' });
  const { api, calls } = countingApi(engine, options.slow);
  const rendererDir = makeRendererDir(root);
  const host = await startWebHost({
    api,
    rendererDir,
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
  });
  const cookie = await signIn(host);
  return {
    host,
    engine,
    calls,
    rendererDir,
    cookie,
    async close() {
      await host.close();
      engine.close();
      // The engine's background WAL checkpoint may still be closing its file handles: retry
      // (Node retries ENOTEMPTY/EBUSY) rather than fail a passed test on its teardown.
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

/** Headers of a same-origin request from the signed-in renderer. */
export function browserHeaders(test: TestHost, extra: Record<string, string> = {}): Record<string, string> {
  return { host: `127.0.0.1:${test.host.port}`, cookie: test.cookie, ...extra };
}

export function postCall(
  test: TestHost,
  name: string,
  envelope: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<HttpAnswer> {
  return httpRequest(test.host.port, {
    method: 'POST',
    path: `/api/call/${name}`,
    headers: browserHeaders(test, { 'content-type': 'application/json', ...extraHeaders }),
    body: JSON.stringify(envelope),
  });
}

/** An open GET /api/events stream that collects the progress events it receives. */
export async function openEventStream(test: TestHost): Promise<{
  events: ProgressEvent[];
  raw: () => string;
  waitFor(predicate: (events: ProgressEvent[]) => boolean): Promise<void>;
  ended: Promise<void>;
  close(): void;
}> {
  const events: ProgressEvent[] = [];
  let raw = '';
  let buffer = '';
  const ended = deferred<void>();
  const waiters: Array<() => void> = [];
  const request = http.request({
    host: '127.0.0.1',
    port: test.host.port,
    path: '/api/events',
    headers: browserHeaders(test, { accept: 'text/event-stream' }),
    agent: false,
  });
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
  if (response.statusCode !== 200) throw new Error(`The event stream answered HTTP ${response.statusCode}`);
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    raw += chunk;
    buffer += chunk;
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const message = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      for (const line of message.split('\n')) {
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as ProgressEvent);
      }
      boundary = buffer.indexOf('\n\n');
    }
    for (const wake of waiters.splice(0)) wake();
  });
  response.on('end', () => ended.resolve());
  response.on('error', () => ended.resolve());
  request.on('error', () => ended.resolve());
  return {
    events,
    raw: () => raw,
    async waitFor(predicate) {
      while (!predicate(events)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    ended: ended.promise,
    close: () => request.destroy(),
  };
}
