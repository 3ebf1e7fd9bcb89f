/** A raw score that the chosen score-input rule cannot turn into a probability (or back). */
export class ScoreInputError extends Error {
  /** Index of the first offending row. */
  readonly row: number;

  constructor(row: number, message: string) {
    super(message);
    this.name = 'ScoreInputError';
    this.row = row;
  }
}
