import type { BenchSuite } from '../bench-types';
import { calibrationSuite } from './calibration';
import { importSuite } from './import';
import { scriptFitSuite } from './script-fit';
import { uiSuite } from './ui';
import { walkForwardSuite } from './walk-forward';

/** Every benchmark suite, in the order `npm run bench` runs them. Add a suite here. */
export const suites: BenchSuite[] = [
  importSuite,
  calibrationSuite,
  walkForwardSuite,
  uiSuite,
  scriptFitSuite,
];
