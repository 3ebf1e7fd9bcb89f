import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '../../shared/web/content-types';
import { sendText } from './http-replies';

export type StaticLookup =
  | { kind: 'file'; filePath: string; size: number; contentType: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'missing' };

/** The real path of the folder to serve, resolved once so symlinks inside it are judged against it. */
export async function resolveStaticRoot(rendererDir: string): Promise<string> {
  const root = await fs.promises.realpath(rendererDir).catch(() => {
    throw new Error(`The renderer folder ${rendererDir} does not exist; build the renderer first.`);
  });
  if (!(await fs.promises.stat(root)).isDirectory()) throw new Error(`${rendererDir} is not a folder.`);
  return root;
}

/**
 * Percent-decodes each segment of a raw URL path and refuses anything that could name a file
 * outside the root: dot segments (and any hidden name), encoded or literal backslashes, encoded
 * slashes, NUL and drive-letter colons. The raw path is used on purpose: a URL parser would
 * silently resolve "..", hiding the attempt instead of refusing it.
 */
export function safeRelativeSegments(rawPathname: string): string[] | undefined {
  if (!rawPathname.startsWith('/') || rawPathname.includes('\\')) return undefined;
  const segments: string[] = [];
  for (const raw of rawPathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

export async function lookupStaticFile(root: string, rawPathname: string): Promise<StaticLookup> {
  const segments = rawPathname === '/' ? ['index.html'] : safeRelativeSegments(rawPathname);
  if (segments === undefined) return { kind: 'refused', reason: 'This path is not allowed.' };
  let realFile: string;
  try {
    realFile = await fs.promises.realpath(path.join(root, ...segments));
  } catch {
    return { kind: 'missing' };
  }
  // A symlink inside the folder must not lead out of it.
  if (!realFile.startsWith(root + path.sep)) return { kind: 'refused', reason: 'This path is not allowed.' };
  const stat = await fs.promises.stat(realFile);
  if (!stat.isFile()) return { kind: 'missing' };
  return { kind: 'file', filePath: realFile, size: stat.size, contentType: contentTypeOf(realFile) };
}

/** Answers GET and HEAD for the renderer's files. */
export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  rawPathname: string,
): Promise<void> {
  const found = await lookupStaticFile(root, rawPathname);
  if (found.kind === 'refused')
    return sendText(response, 403, `Scorecal refused this request: ${found.reason}`);
  if (found.kind === 'missing' && rawPathname === '/favicon.ico') {
    // Browsers ask for it unprompted; "no content" keeps a 404 out of every page's console.
    response.writeHead(204);
    response.end();
    return;
  }
  if (found.kind === 'missing') return sendText(response, 404, 'Not found.');
  response.writeHead(200, { 'Content-Type': found.contentType, 'Content-Length': found.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // A reader that leaves mid-file is not an error worth reporting.
  await pipeline(fs.createReadStream(found.filePath), response).catch(() => response.destroy());
}
