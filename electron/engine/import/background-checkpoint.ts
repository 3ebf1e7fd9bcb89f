import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Plain JavaScript run on a thread of its own (like the hashing thread): a second connection to
 * the workspace copies the write-ahead log into the database file. Checkpointing is crash-safe
 * at any point, so the thread may be stopped or the process killed while it works.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let db = null;
try {
  db = new Database(workerData.file, {
    fileMustExist: true,
    timeout: 0,
    ...(workerData.binding ? { nativeBinding: workerData.binding } : {}),
  });
  let done = false;
  // PASSIVE never blocks the engine's connection; it answers busy while another checkpoint runs
  // and stops short of frames a reader still needs, so it is retried for a while.
  for (let attempt = 0; attempt < 200 && !done; attempt++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    done = result.busy === 0 && result.checkpointed >= result.log;
    if (!done) pause(50);
  }
  // Shrink the log file when nobody is using it; with a reader or writer around this just answers busy.
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch {}
  db.close();
  db = null;
  parentPort.postMessage({ done });
} catch (error) {
  try { if (db) db.close(); } catch {}
  parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
}
`;

/**
 * The file of the better-sqlite3 addon this process loaded. A second connection must use the
 * very same library: two copies of SQLite in one process do not see each other's POSIX locks.
 */
function loadedAddon(): string | undefined {
  return Object.keys(require.cache).find((file) => /better_sqlite3\.node$/.test(file));
}

/**
 * Starts copying the write-ahead log into the database on another thread, so a large import's
 * commit does not wait for it (the data are durable in the log once committed). Answers false
 * when no such thread can be started; the caller then checkpoints itself.
 */
export function checkpointInBackground(db: Database.Database): boolean {
  const binding = loadedAddon();
  if (!binding || db.memory || db.name === '') return false;
  let module: string;
  try {
    module = require.resolve('better-sqlite3');
  } catch {
    return false;
  }
  try {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: db.name, module, binding },
    });
    // A failed background checkpoint costs nothing but disk space until the next one.
    worker.once('error', () => undefined);
    worker.once('message', () => void worker.terminate());
    return true;
  } catch {
    return false;
  }
}
