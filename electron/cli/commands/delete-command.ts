import type { Command } from 'commander';
import { createApiClient } from '../../../shared/api/client';
import type { CliIo } from '../cli-io';
import { withEngine } from '../with-engine';

export function registerDeleteCommand(program: Command, io: CliIo): void {
  program
    .command('delete')
    .description('Delete a dataset; its data is overwritten in the workspace files, not just unlinked.')
    .argument('<name>', 'dataset name')
    .option('--compact', 'also shrink the workspace file (slower on a large workspace)')
    .option('--json', 'print JSON')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .action(async (name: string, options: { compact?: boolean; json?: boolean; workspace?: string }) => {
      const { deleted } = await withEngine(io, options.workspace, (engine) =>
        createApiClient(engine.transport).call('datasets.delete', {
          dataset: { name },
          compact: Boolean(options.compact),
        }),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify({ deleted }, null, 2)}\n`
          : `Deleted "${deleted.name}" (${deleted.rows.toLocaleString('en-US')} rows).\n`,
      );
    });
}
