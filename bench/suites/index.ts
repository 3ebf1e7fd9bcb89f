import type { BenchSuite } from '../bench-types';

/** Every benchmark suite, in the order `npm run bench` runs them. Add a suite here. */
export const suites: BenchSuite[] = [];
