import type { ServerResponse } from 'node:http';
import type { CallResult } from '../../shared/api/bridge';

/** A client that went away cannot be answered; writing anyway would only raise socket errors. */
function canAnswer(response: ServerResponse): boolean {
  return !response.headersSent && !response.destroyed && !response.writableEnded;
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (!canAnswer(response)) return;
  const body = `${text}\n`;
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: CallResult,
  headers: Record<string, string> = {},
): void {
  if (!canAnswer(response)) return;
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
