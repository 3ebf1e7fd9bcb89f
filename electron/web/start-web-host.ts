import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineApi } from '../engine/api/engine-api';
import { routeApiRequest, type ApiRouteContext } from './api-routes';
import { ProgressEventStreams } from './event-stream';
import { sendText } from './http-replies';
import { InFlightCalls } from './in-flight-calls';
import { DEFAULT_BODY_LIMIT_BYTES } from './read-json-body';
import { checkRequestSource } from './request-guard';
import { SANDBOX_PAGE_PATH } from '../../shared/security/sandbox-page';
import { serveSandboxPage } from './sandbox-page-answer';
import { applySecurityHeaders } from './security-headers';
import { resolveStaticRoot, serveStaticFile } from './static-files';
import { createWebCredentials, randomSecret, type WebCredentials } from './web-credentials';

/** Browser mode never listens beyond this machine: other hosts on the network cannot connect. */
export const LOOPBACK_ADDRESS = '127.0.0.1';
/** How long shutdown waits for cancelled calls to let go of the workspace. */
const SHUTDOWN_GRACE_MS = 5_000;

const NOT_SIGNED_IN =
  'Scorecal refused this request: this browser is not signed in to this Scorecal session. ' +
  'Open the URL printed in the terminal where Scorecal is running (it carries the access token).';
const WRONG_TOKEN =
  'Scorecal refused this link: its token is not the one of the running Scorecal (tokens change at every start). ' +
  'Open the URL printed in the terminal where Scorecal is running.';

export interface WebHostOptions {
  api: EngineApi;
  /** The built renderer (index.html and assets); nothing outside it is ever served. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes in hex; a fixed token is for tests. */
  token?: string;
  bodyLimitBytes?: number;
  /** Where unexpected failures are reported (a terminal); silent by default. */
  log?: (message: string) => void;
}

export interface WebHost {
  /** The URL to open, token included: http://127.0.0.1:PORT/?token=... */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_ADDRESS, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The raw path (still percent-encoded, never normalised) and the query of a request target. */
function splitTarget(target: string): { pathname: string; query: URLSearchParams } {
  const hash = target.indexOf('#');
  const withoutHash = hash < 0 ? target : target.slice(0, hash);
  const question = withoutHash.indexOf('?');
  return question < 0
    ? { pathname: withoutHash, query: new URLSearchParams() }
    : {
        pathname: withoutHash.slice(0, question),
        query: new URLSearchParams(withoutHash.slice(question + 1)),
      };
}

interface RequestContext extends ApiRouteContext {
  port: number;
  credentials: WebCredentials;
  staticRoot: string;
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext) {
  applySecurityHeaders(response);
  const source = checkRequestSource(request, context.port);
  if (!source.allowed) return sendText(response, 403, source.reason);

  const target = request.url ?? '';
  if (!target.startsWith('/'))
    return sendText(response, 400, 'Scorecal accepts only origin-form request targets.');
  const { pathname, query } = splitTarget(target);
  const isRead = request.method === 'GET' || request.method === 'HEAD';

  const token = query.get('token');
  if (isRead && token !== null) {
    if (!context.credentials.isToken(token)) return sendText(response, 403, WRONG_TOKEN);
    // 303 to a token-free URL: the token leaves the address bar and the history.
    response.writeHead(303, { Location: '/', 'Set-Cookie': context.credentials.sessionCookie() });
    response.end();
    return;
  }
  if (!context.credentials.isAuthenticated(request.headers)) return sendText(response, 401, NOT_SIGNED_IN);

  if (pathname === '/api' || pathname.startsWith('/api/'))
    return routeApiRequest(request, response, pathname, context);
  if (isRead && pathname === `/${SANDBOX_PAGE_PATH}`) return serveSandboxPage(request, response);
  if (isRead) return serveStaticFile(request, response, context.staticRoot, pathname);
  return sendText(response, 405, 'Scorecal serves its files with GET only.', { Allow: 'GET, HEAD' });
}

/**
 * The browser-mode host, modelled on Jupyter's local server: the renderer and the engine's API
 * over HTTP on 127.0.0.1 only, behind a per-start token traded for a SameSite=Strict cookie,
 * with Host and Origin checked on every request.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const staticRoot = await resolveStaticRoot(options.rendererDir);
  const token = options.token ?? randomSecret();
  const log = options.log ?? (() => undefined);
  if (token.length === 0) throw new Error('The browser-mode token must not be empty.');
  const server = http.createServer();
  const port = await listen(server, options.port ?? 0);
  const streams = new ProgressEventStreams();
  const calls = new InFlightCalls();
  const context: RequestContext = {
    api: options.api,
    calls,
    streams,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    log,
    port,
    // The cookie name carries the port, which is known only once listening.
    credentials: createWebCredentials(port, token),
    staticRoot,
  };
  // Attached before the event loop turns again, so no connection can arrive unanswered.
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response, context).catch((error: unknown) => {
      log(`Browser-mode host error: ${(error as Error)?.stack ?? String(error)}`);
      if (response.headersSent) response.destroy();
      else sendText(response, 500, 'Scorecal failed to answer this request.');
    });
  });

  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        calls.cancelAll();
        streams.closeAll();
        server.closeIdleConnections();
        await calls.settle(SHUTDOWN_GRACE_MS);
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
