import type { Command } from 'commander';
import { createApiClient } from '../../../shared/api/client';
import type { CliIo } from '../cli-io';
import { withEngine } from '../with-engine';

export function registerRenameCommand(program: Command, io: CliIo): void {
  program
    .command('rename')
    .description('Rename a dataset.')
    .argument('<name>', 'current name')
    .argument('<new-name>', 'new name')
    .option('--json', 'print JSON')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .action(async (name: string, newName: string, options: { json?: boolean; workspace?: string }) => {
      const renamed = await withEngine(io, options.workspace, (engine) =>
        createApiClient(engine.transport).call('datasets.rename', { dataset: { name }, newName }),
      );
      io.stdout(
        options.json ? `${JSON.stringify(renamed, null, 2)}\n` : `Renamed "${name}" to "${renamed.name}".\n`,
      );
    });
}
