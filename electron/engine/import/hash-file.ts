import { Worker } from 'node:worker_threads';

/**
 * Plain JavaScript, so the worker runs the same way from TypeScript sources (tsx), from the
 * bundled app and in tests, without a separate build entry.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
try {
  const fd = fs.openSync(workerData.file, 'r');
  const hash = crypto.createHash('sha256');
  const block = Buffer.allocUnsafe(8 * 1024 * 1024);
  let position = 0;
  for (;;) {
    const n = fs.readSync(fd, block, 0, block.length, position);
    if (n === 0) break;
    hash.update(n === block.length ? block : block.subarray(0, n));
    position += n;
  }
  fs.closeSync(fd);
  parentPort.postMessage({ sha256: hash.digest('hex'), bytes: position });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
}
`;

export interface FileHash {
  /** Resolves with the hex SHA-256 of the file's bytes. */
  readonly result: Promise<string>;
  /** The digest once known, else null. */
  readonly known: () => string | null;
  cancel(): void;
}

/**
 * Hashes a file on another thread while the import reads it on this one: on two cores the hash
 * costs no import time, and the duplicate check can answer before the import ends.
 */
export function hashFileInWorker(file: string): FileHash {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
  let digest: string | null = null;
  const result = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      if (message.sha256) {
        digest = message.sha256;
        resolve(message.sha256);
      } else reject(new Error(message.error ?? 'hashing failed'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('The hashing thread stopped before it finished.')));
  });
  // A cancelled import may never look at the result; an unobserved rejection must not crash the process.
  result.catch(() => undefined);
  return {
    result,
    known: () => digest,
    cancel: () => void worker.terminate(),
  };
}
