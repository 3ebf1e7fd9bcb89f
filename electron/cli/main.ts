import { Command, CommanderError } from 'commander';
import { ApiError } from '../../shared/api/api-error';
import { appVersion } from '../engine/app-version';
import { CliFailure } from './cli-failure';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './cli-io';
import { registerApplyCommand } from './commands/apply-command';
import { registerCalibrateCommand } from './commands/calibrate-command';
import { registerDatasetsCommand } from './commands/datasets-command';
import { registerDeleteCommand } from './commands/delete-command';
import { registerEvaluateCommand } from './commands/evaluate-command';
import { registerImportCommand } from './commands/import-command';
import { registerModelsCommand } from './commands/models-command';
import { registerRenameCommand } from './commands/rename-command';
import { registerReportCommand } from './commands/report-command';
import { registerSampleCommand } from './commands/sample-command';
import { registerScriptsCommand } from './commands/scripts-command';
import { registerShowCommand } from './commands/show-command';
import { registerVerifyCommand } from './commands/verify-command';
import { registerWebCommand } from './commands/web-command';

export function buildProgram(io: CliIo): Command {
  const program = new Command('scorecal')
    .description('Scorecal: calibrate risk scoring models on your own machine. Nothing leaves it.')
    .version(appVersion, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Root options only before a command, so a command may have its own --version
    // (`scripts show NAME --version 2`) instead of printing the app's.
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerDatasetsCommand(program, io);
  registerImportCommand(program, io);
  registerShowCommand(program, io);
  registerRenameCommand(program, io);
  registerDeleteCommand(program, io);
  registerEvaluateCommand(program, io);
  registerCalibrateCommand(program, io);
  registerApplyCommand(program, io);
  registerReportCommand(program, io);
  registerVerifyCommand(program, io);
  registerModelsCommand(program, io);
  registerScriptsCommand(program, io);
  registerSampleCommand(program, io);
  registerWebCommand(program, io);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/** Runs one CLI invocation and answers its exit code: 0 ok, 1 failure, 2 usage. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        return EXIT_OK;
      }
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      io.stderr(`scorecal: ${error.message}\n`);
      return error.exitCode;
    }
    const apiError = ApiError.from(error);
    io.stderr(`scorecal: ${apiError.message}\n${apiError.detail ? `  ${apiError.detail}\n` : ''}`);
    return EXIT_FAILURE;
  }
}
