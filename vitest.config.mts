import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and CLI tests start real processes; two cores cannot run many at once.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
