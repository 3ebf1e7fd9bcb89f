import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressEventStreams } from '../../../electron/web/event-stream';

let server: http.Server | undefined;
let streams: ProgressEventStreams | undefined;
afterEach(async () => {
  streams?.closeAll();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

/** Reads a stream until `until` matches what arrived. */
function readUntil(port: number, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (until.test(text)) {
          request.destroy();
          resolve(text);
        }
      });
    });
    request.on('error', reject);
  });
}

describe('progress event streams', () => {
  it('sends heartbeats and progress as Server-Sent Events, and forgets closed readers', async () => {
    const eventStreams = new ProgressEventStreams(20);
    streams = eventStreams;
    server = http.createServer((request, response) => eventStreams.open(request, response));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;

    const heartbeats = await readUntil(port, /: heartbeat\n\n/);
    expect(heartbeats.startsWith('retry: 2000\n')).toBe(true);

    const waitForReaders = async (count: number) => {
      while (eventStreams.size !== count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await waitForReaders(0);
    const reading = readUntil(port, /^data: .*\n\n/m);
    await waitForReaders(1);
    const progress = {
      phase: 'p',
      done: 1,
      total: null,
      unit: 'steps',
      rate: null,
      etaSeconds: null,
    } as const;
    eventStreams.publish({ requestId: 'r', progress });
    const text = await reading;
    expect(JSON.parse(/^data: (.*)$/m.exec(text)![1]!)).toEqual({ requestId: 'r', progress });

    await waitForReaders(0);
  });
});
