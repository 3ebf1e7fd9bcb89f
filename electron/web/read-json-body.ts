import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../shared/api/api-error';

/** A request body that cannot be read as JSON, with the HTTP status that says why. */
export class BodyError extends ApiError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'BodyError';
  }
}

export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Requiring application/json is also a cross-site defence: an HTML form cannot send it, and a
 * cross-origin fetch that does must pass a CORS preflight, which this host never grants.
 */
function checkContentType(request: IncomingMessage): void {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new BodyError(
      415,
      `The request body must be JSON sent with Content-Type: application/json (got ${request.headers['content-type'] ?? 'none'}).`,
    );
  }
}

function tooLarge(limitBytes: number): BodyError {
  return new BodyError(413, `The request body is larger than the limit of ${limitBytes} bytes.`);
}

function collect(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        request.off('data', onData);
        // Stop buffering at once; the caller answers 413 and closes the connection.
        request.pause();
        reject(tooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
    // Without 'end' first, the client went away mid-upload; nobody is left to answer.
    request.once('close', () => reject(new BodyError(400, 'The request body was cut off.')));
  });
}

/** Reads and parses a JSON request body, refusing wrong types, oversized bodies and bad JSON. */
export async function readJsonBody(
  request: IncomingMessage,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
): Promise<unknown> {
  checkContentType(request);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const bytes = await collect(request, limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError(400, 'The request body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
