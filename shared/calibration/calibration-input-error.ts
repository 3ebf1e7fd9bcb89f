/** What is wrong with the data, options or parameters handed to a calibrator (docs/calibrators.md lists each case). */
export type CalibrationProblem =
  | 'empty-input'
  | 'length-mismatch'
  | 'invalid-probability'
  | 'invalid-label'
  | 'invalid-weight'
  | 'zero-total-weight'
  | 'one-class'
  | 'single-distinct-score'
  | 'too-few-distinct-scores'
  | 'perfect-separation'
  | 'anti-informative-score'
  | 'no-convergence'
  | 'invalid-options'
  | 'invalid-params';

/**
 * Thrown instead of returning NaN when a calibrator cannot produce a meaningful result;
 * `problem` lets callers branch, the message says which calibrator and why, in words.
 */
export class CalibrationInputError extends Error {
  readonly problem: CalibrationProblem;

  constructor(problem: CalibrationProblem, message: string) {
    super(message);
    this.name = 'CalibrationInputError';
    this.problem = problem;
  }
}
