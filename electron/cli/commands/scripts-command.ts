import fs from 'node:fs';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/api-error';
import type { ScriptRef, ScriptSummary } from '../../../shared/api/calls/script-calls';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { CliFailure } from '../cli-failure';
import type { CliIo } from '../cli-io';
import { integerFlag } from '../flag-values';
import { formatTable } from '../format-table';
import { withEngine } from '../with-engine';

const WORKSPACE_HELP = 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)';

/** A script named on the command line: digits are an id, anything else a name (as for models). */
export function scriptRefOf(text: string): ScriptRef {
  return /^\d+$/.test(text) ? { id: Number(text) } : { name: text };
}

interface Flags {
  json?: boolean;
  workspace?: string;
}

/**
 * `scorecal scripts`: the saved custom scoring scripts and their histories. Fitting runs only in the
 * workbench's sandbox, so the CLI keeps sources (save a file as a new version, show any version) and
 * never runs one.
 */
export function registerScriptsCommand(program: Command, io: CliIo): void {
  const scripts = program
    .command('scripts')
    .description('Custom scoring scripts: list, show, history, save (a new version), rename, delete.');
  const run = <T>(workspace: string | undefined, call: (client: ApiClient) => Promise<T>) =>
    withEngine(io, workspace, (engine) => call(createApiClient(engine.transport)));
  const print = (json: boolean | undefined, value: unknown, text: string) =>
    io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : text);

  scripts
    .command('list', { isDefault: true })
    .description('Every saved script, most recently changed first.')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (flags: Flags) => {
      const { scripts: list } = await run(flags.workspace, (client) => client.call('scripts.list', {}));
      if (flags.json) return print(true, { scripts: list }, '');
      if (list.length === 0) {
        io.stdout('No saved scripts yet. Save one with `scorecal scripts save NAME --file script.ts`.\n');
        return;
      }
      io.stdout(formatTable(['id', 'name', 'versions', 'latest', 'changed'], list.map(row)));
    });

  scripts
    .command('show <script>')
    .description('The source of a script version (name or id; default: the latest version).')
    .option('--version <n>', 'which version')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (script: string, flags: Flags & { version?: string }) => {
      const version =
        flags.version === undefined ? undefined : integerFlag('--version', flags.version, 1, 2 ** 31 - 1);
      const shown = await run(flags.workspace, (client) =>
        client.call('scripts.get', { script: scriptRefOf(script), ...(version ? { version } : {}) }),
      );
      const v = shown.version;
      print(
        flags.json,
        shown,
        `// ${shown.summary.name} (id ${shown.summary.id}) v${v.version} of ${shown.summary.latestVersion}, saved ${stamp(v.savedAt)}, SHA-256 ${v.sha256}\n` +
          `${v.source}${v.source.endsWith('\n') ? '' : '\n'}`,
      );
    });

  scripts
    .command('history <script>')
    .description("A script's versions, newest first.")
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (script: string, flags: Flags) => {
      const history = await run(flags.workspace, (client) =>
        client.call('scripts.history', { script: scriptRefOf(script) }),
      );
      print(
        flags.json,
        history,
        `${history.summary.name} (id ${history.summary.id})\n` +
          formatTable(
            ['version', 'saved', 'bytes', 'SHA-256'],
            history.versions.map((v) => [
              String(v.version),
              stamp(v.savedAt),
              v.bytes.toLocaleString('en-US'),
              v.sha256.slice(0, 16),
            ]),
          ),
      );
    });

  scripts
    .command('save <name>')
    .description('Save a TypeScript file as a new script, or as a new version of the script of that name.')
    .requiredOption('--file <path.ts>', 'the script source')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (name: string, flags: Flags & { file: string }) => {
      const source = readSource(flags.file);
      const saved = await run(flags.workspace, async (client) => {
        try {
          return await client.call('scripts.save', { script: { name }, source });
        } catch (error) {
          // An unknown name is a new script; any other refusal is the answer.
          if (ApiError.from(error).code !== 'not-found') throw error;
          return client.call('scripts.save', { name, source });
        }
      });
      const s = saved.summary;
      print(
        flags.json,
        saved,
        saved.created
          ? `Saved ${flags.file} as version ${saved.version.version} of script "${s.name}" (id ${s.id}).\n`
          : `Unchanged: ${flags.file} equals version ${saved.version.version} of script "${s.name}"; no version added.\n`,
      );
    });

  scripts
    .command('rename <script> <newName>')
    .description('Give a script a new name.')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (script: string, newName: string, flags: Flags) => {
      const renamed = await run(flags.workspace, (client) =>
        client.call('scripts.rename', { script: scriptRefOf(script), newName }),
      );
      print(flags.json, renamed, `Renamed script ${renamed.id} to "${renamed.name}".\n`);
    });

  scripts
    .command('delete <script>')
    .description('Delete a script and its history (models fitted with it keep their copy of the source).')
    .option('--json', 'print JSON')
    .option('--workspace <path>', WORKSPACE_HELP)
    .action(async (script: string, flags: Flags) => {
      const { deleted } = await run(flags.workspace, (client) =>
        client.call('scripts.delete', { script: scriptRefOf(script) }),
      );
      print(
        flags.json,
        { deleted },
        `Deleted script "${deleted.name}" and its ${deleted.versions} version${deleted.versions === 1 ? '' : 's'}.\n`,
      );
    });

  for (const sub of scripts.commands)
    sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

function readSource(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFailure(
      `cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`,
    );
  }
  // An editor's byte-order mark is not part of the script.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function row(script: ScriptSummary): string[] {
  return [
    String(script.id),
    script.name,
    String(script.versions),
    `v${script.latestVersion}`,
    stamp(script.updatedAt),
  ];
}
