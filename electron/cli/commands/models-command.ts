import path from 'node:path';
import type { Command } from 'commander';
import { formatMetric as fmt } from '../flag-values';
import type { ModelRef, ModelSummary } from '../../../shared/api/calls/model-calls';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import type { CliIo } from '../cli-io';
import { formatTable } from '../format-table';
import { withEngine } from '../with-engine';

const WORKSPACE_HELP = 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)';

/** A model named on the command line: digits are an id, anything else a name. */
export function modelRefOf(text: string): ModelRef {
  return /^\d+$/.test(text) ? { id: Number(text) } : { name: text };
}

export function registerModelsCommand(program: Command, io: CliIo): void {
  const models = program
    .command('models')
    .description('Saved calibration models: list, show, rename, delete, export, import.');
  const run = <T>(workspace: string | undefined, call: (client: ApiClient) => Promise<T>) =>
    withEngine(io, workspace, (engine) => call(createApiClient(engine.transport)));
  const print = (json: boolean | undefined, value: unknown, text: string) =>
    io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : text);

  models
    .command('list', { isDefault: true })
    .description('Every saved model, newest first.')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (flags: { json?: boolean; workspace?: string }) => {
      const { models: list } = await run(flags.workspace, (client) => client.call('models.list', {}));
      if (flags.json) return print(true, { models: list }, '');
      if (list.length === 0) {
        io.stdout(
          'No saved models yet. Keep one with `scorecal calibrate DATASET --method M --save NAME`.\n',
        );
        return;
      }
      io.stdout(
        formatTable(
          ['id', 'name', 'method', 'dataset', 'validation', 'test rows', 'ECE', 'Brier', 'saved'],
          list.map(row),
        ),
      );
    });

  models
    .command('show <model>')
    .description("A model's provenance, metrics and parameters (name or id).")
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (model: string, flags: { json?: boolean; workspace?: string }) => {
      const details = await run(flags.workspace, (client) => client.call('models.get', modelRefOf(model)));
      const s = details.summary;
      print(
        flags.json,
        details,
        `${s.name} (id ${s.id}): ${s.method} ${JSON.stringify(s.options)}\n` +
          `dataset ${s.datasetName}${s.datasetId === null ? ' (no longer in the workspace)' : ''}, ${s.scoreColumn === null ? 'no score column' : `score "${s.scoreColumn}"`}, outcome "${s.outcomeColumn}"\n` +
          `validation ${JSON.stringify(s.validation)}, filter ${s.filter ? JSON.stringify(s.filter) : 'none'}\n` +
          `test: ${s.metrics.n.toLocaleString('en-US')} rows, ECE ${fmt(s.metrics.ece)}, Brier ${fmt(s.metrics.brier)}, AUC ${fmt(s.metrics.auc)}\n` +
          `content SHA-256 ${s.contentHash}\n`,
      );
    });

  models
    .command('rename <model> <newName>')
    .description('Give a model a new name.')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (model: string, newName: string, flags: { json?: boolean; workspace?: string }) => {
      const renamed = await run(flags.workspace, (client) =>
        client.call('models.rename', { model: modelRefOf(model), newName }),
      );
      print(flags.json, renamed, `Renamed model ${renamed.id} to "${renamed.name}".\n`);
    });

  models
    .command('delete <model>')
    .description('Delete a saved model (its dataset is kept).')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (model: string, flags: { json?: boolean; workspace?: string }) => {
      const { deleted } = await run(flags.workspace, (client) =>
        client.call('models.delete', { model: modelRefOf(model) }),
      );
      print(flags.json, { deleted }, `Deleted model "${deleted.name}".\n`);
    });

  models
    .command('export <model>')
    .description("Write a model's parameter file (atomically).")
    .requiredOption('--out <params.json>', 'where to write it')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (model: string, flags: { out: string; json?: boolean; workspace?: string }) => {
      const written = await run(flags.workspace, (client) =>
        client.call('models.exportParams', { model: modelRefOf(model), path: path.resolve(flags.out) }),
      );
      print(flags.json, written, `Wrote ${written.path} (content SHA-256 ${written.contentHash})\n`);
    });

  models
    .command('import <params>')
    .description('Verify a parameter file and keep it as a named model.')
    .requiredOption('--name <name>', 'name of the new model')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (params: string, flags: { name: string; json?: boolean; workspace?: string }) => {
      const { model } = await run(flags.workspace, (client) =>
        client.call('models.importParams', { path: path.resolve(params), saveAs: flags.name }),
      );
      print(flags.json, { model }, `Imported ${params} as model "${model!.name}" (id ${model!.id}).\n`);
    });

  for (const sub of models.commands)
    sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

function row(model: ModelSummary): string[] {
  const v = model.validation;
  return [
    String(model.id),
    model.name,
    model.method,
    model.datasetName + (model.datasetId === null ? ' (deleted)' : ''),
    v.scheme === 'holdout'
      ? `holdout ${Math.round(v.testFraction * 100)} %`
      : v.scheme === 'kfold'
        ? `${v.folds}-fold`
        : v.scheme,
    model.metrics.n.toLocaleString('en-US'),
    fmt(model.metrics.ece),
    fmt(model.metrics.brier),
    new Date(model.createdAt).toISOString().slice(0, 16).replace('T', ' '),
  ];
}
