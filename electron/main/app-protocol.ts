import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { isSandboxPageRequest, sandboxPageResponse } from './sandbox-page-response';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { contentTypeOf } from '../../shared/web/content-types';

export type ResolvedAppRequest = { path: string } | { status: 403 | 404 };

const FORBIDDEN = { status: 403 } as const;
const NOT_FOUND = { status: 404 } as const;

/**
 * Registers the app scheme as a standard, secure origin. Electron requires this before the
 * `ready` event; it gives the page a real origin (storage, CSP, fetch) without file://.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  const scheme: CustomScheme = {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  };
  protocol.registerSchemesAsPrivileged([scheme]);
}

/** Serves the renderer's files, and nothing else, on the app scheme. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rootDir, request));
}

/**
 * Answers every file:// request with 403. Nothing in the app loads from file://; taking the
 * scheme over means a stray link or a compromised page cannot read local files through it.
 */
export function refuseFileScheme(protocol: Pick<Protocol, 'handle'>): void {
  protocol.handle('file', () => textResponse(403, 'Forbidden'));
}

export async function respondToAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed');
  }
  if (isSandboxPageRequest(request.url)) return sandboxPageResponse(request.method);
  const resolved = await resolveAppRequest(rootDir, request.url);
  if ('status' in resolved) {
    return textResponse(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not found');
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await fs.promises.readFile(resolved.path));
  } catch {
    return textResponse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: appResponseHeaders(contentTypeOf(resolved.path)),
  });
}

/**
 * Maps an app URL to a file under rootDir, or refuses it. Traversal is refused on the raw
 * text (Chromium normally canonicalises `..` away before we see it, but this must not depend
 * on that), then the resolved path is confined lexically and again after following symlinks.
 */
export async function resolveAppRequest(rootDir: string, url: string): Promise<ResolvedAppRequest> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return FORBIDDEN;
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return FORBIDDEN;
  }

  const segments = requestedSegments(url);
  if (segments === null) return FORBIDDEN;
  const relativeSegments = segments.length === 0 ? ['index.html'] : segments;
  // A trailing slash names a folder; folders are never listed.
  if (relativeSegments[relativeSegments.length - 1] === '') return NOT_FOUND;

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...relativeSegments);
  if (!isInside(root, candidate)) return FORBIDDEN;

  let realRoot: string;
  let realCandidate: string;
  try {
    realRoot = await fs.promises.realpath(root);
    realCandidate = await fs.promises.realpath(candidate);
  } catch {
    return NOT_FOUND;
  }
  // A symlink inside the app folder must not lead out of it.
  if (!isInside(realRoot, realCandidate)) return FORBIDDEN;

  try {
    const stats = await fs.promises.stat(realCandidate);
    if (!stats.isFile()) return NOT_FOUND;
  } catch {
    return NOT_FOUND;
  }
  return { path: realCandidate };
}

/**
 * The decoded path segments after the host, or null when the raw path tries to leave the root:
 * `.`/`..` segments (also percent-encoded), backslashes, NUL, drive letters or stream names
 * (any `:`), or empty segments that would make an absolute path (`//etc/passwd`, `%2Fetc`).
 */
function requestedSegments(url: string): string[] | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const rawPath = match?.[1] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') return [];
  if (!decoded.startsWith('/')) return null;
  if (/[\\\0:]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (segment === '.' || segment === '..') return null;
    if (segment === '' && index !== segments.length - 1) return null;
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function appResponseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Never guess a type: a data file must not be run as script.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
