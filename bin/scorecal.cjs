#!/usr/bin/env node
'use strict';
// Runs the CLI straight from its TypeScript sources, so `npx scorecal` works right after `npm ci`.
const path = require('node:path');
require('tsx/cjs');
const { runCli } = require(path.join(__dirname, '..', 'electron', 'cli', 'main.ts'));
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`scorecal: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
