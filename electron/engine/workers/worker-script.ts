import fs from 'node:fs';
import path from 'node:path';

export interface WorkerScript {
  file: string;
  workerData: { entry?: string };
}

/**
 * Where the worker entry is: the compiled `worker.js` beside the bundled main process, or the
 * TypeScript source loaded through a small tsx shim when running from sources.
 */
export function resolveWorkerScript(): WorkerScript {
  const bundled = path.join(__dirname, 'worker.js');
  if (!__filename.endsWith('.ts') && fs.existsSync(bundled)) return { file: bundled, workerData: {} };
  return {
    file: path.join(__dirname, 'worker-shim.cjs'),
    workerData: { entry: path.join(__dirname, 'worker-entry.ts') },
  };
}
