import { EXIT_FAILURE } from './cli-io';

/** A failure the CLI reports in one line, with the exit code it stands for. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
