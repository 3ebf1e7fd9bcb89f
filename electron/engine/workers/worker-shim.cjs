'use strict';
// Loads the TypeScript worker entry through tsx when the engine runs from its sources (CLI, tests).
// The bundled app loads the compiled out/main/worker.js instead and never uses this file.
require('tsx/cjs');
require(require('node:worker_threads').workerData.entry);
