'use strict';
// Preloaded with --require into a measured process: prints its peak resident memory at exit.
process.on('exit', () => {
  process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
