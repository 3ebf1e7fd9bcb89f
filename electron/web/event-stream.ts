import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProgressEvent } from '../../shared/api/progress';

export const HEARTBEAT_INTERVAL_MS = 15_000;

/**
 * The Server-Sent Events streams of GET /api/events. Every progress event goes to every open
 * stream; clients pick theirs by requestId (random ids, so no one's events are guessable noise).
 */
export class ProgressEventStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = HEARTBEAT_INTERVAL_MS) {
    // A comment line now and then keeps idle connections from being dropped as dead.
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  open(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // The retry hint makes browsers reconnect quickly after the host restarts.
    response.write('retry: 2000\n: connected\n\n');
    this.clients.add(response);
    const forget = () => this.clients.delete(response);
    request.once('close', forget);
    response.once('close', forget);
  }

  publish(event: ProgressEvent): void {
    this.broadcast(`data: ${JSON.stringify(event)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(chunk: string): void {
    for (const client of this.clients) {
      // Progress is "latest wins": a reader that is behind skips reports rather than letting
      // them pile up in memory.
      if (client.writableNeedDrain || client.destroyed) continue;
      client.write(chunk);
    }
  }
}
