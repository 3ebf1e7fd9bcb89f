import type { Command } from 'commander';
import { createApiClient } from '../../../shared/api/client';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import type { CliIo } from '../cli-io';
import { formatTable } from '../format-table';
import { withEngine } from '../with-engine';

export function registerDatasetsCommand(program: Command, io: CliIo): void {
  program
    .command('datasets')
    .description('List the datasets in the workspace.')
    .option('--json', 'print JSON instead of a table')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .action(async (options: { json?: boolean; workspace?: string }) => {
      const { datasets } = await withEngine(io, options.workspace, (engine) =>
        createApiClient(engine.transport).call('datasets.list', {}),
      );
      if (options.json) {
        io.stdout(`${JSON.stringify({ datasets }, null, 2)}\n`);
        return;
      }
      if (datasets.length === 0) {
        io.stdout(
          'The workspace has no datasets yet. Import one with `scorecal import FILE`, or load the sample from the Datasets view.\n',
        );
        return;
      }
      io.stdout(formatTable(['name', 'rows', 'base rate', 'time range', 'source'], datasets.map(toRow)));
    });
}

function toRow(dataset: DatasetSummary): string[] {
  return [
    dataset.name,
    dataset.rows.toLocaleString('en-US'),
    dataset.baseRate === null ? '—' : `${(dataset.baseRate * 100).toFixed(2)} %`,
    dataset.timeMin === null || dataset.timeMax === null
      ? '—'
      : `${new Date(dataset.timeMin).toISOString().slice(0, 10)} – ${new Date(dataset.timeMax).toISOString().slice(0, 10)}`,
    dataset.sourceName,
  ];
}
