import type { SandboxFailureKind, SandboxProgress } from '../../sandbox/sandbox-types';
import type { ScriptMethod } from './scripts-settings';

export const METHOD_LABELS: Record<ScriptMethod, string> = {
  auto: 'Auto',
  lbfgsb: 'L-BFGS-B',
  'nelder-mead': 'Nelder–Mead',
};

export const METHOD_HELP: Record<ScriptMethod, string> = {
  auto: 'L-BFGS-B, falling back to Nelder–Mead if it fails',
  lbfgsb: 'Quasi-Newton with bounds and numerical gradients: fast for smooth scores',
  'nelder-mead': 'Derivative-free simplex: slower, copes with kinks and steps',
};

/** What stopped a run, as a heading over the sandbox's message. */
export const FAILURE_TITLES: Record<SandboxFailureKind, string> = {
  definition: 'The script does not define a valid model',
  runtime: 'The script failed while running',
  timeout: 'The script stopped making progress',
  memory: 'The script ran out of memory',
  cancelled: 'The run was cancelled',
  protocol: 'The sandbox answered something unexpected',
};

export const SANDBOX_PHASES: Record<SandboxProgress['phase'], string> = {
  starting: 'Starting the sandbox',
  fitting: 'Fitting the parameters',
  'standard-errors': 'Standard errors',
  scoring: 'Scoring the test rows',
  scenario: 'Scoring the scenario',
};

export const OBJECTIVE_LABELS = { logloss: 'mean log loss', brier: 'mean Brier score' } as const;
