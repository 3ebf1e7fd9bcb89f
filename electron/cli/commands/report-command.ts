import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ParamsSource } from '../../../shared/api/calls/model-calls';
import { createApiClient } from '../../../shared/api/client';
import type { CliIo } from '../cli-io';
import { interruptSignal } from '../interrupt-signal';
import { progressBar } from '../progress-bar';
import { withEngine } from '../with-engine';
import { modelRefOf } from './models-command';

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report <sources...>')
    .description(
      'Write a self-contained offline HTML report of a saved model or a parameter file; several make a comparison. ' +
        'Segment and over-time tables are added when the dataset is in the workspace.',
    )
    .requiredOption('--out <report.html>', 'where to write the report')
    .option('--title <text>', 'report title')
    .option('--json', 'print what was written as JSON')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .action(
      async (
        sources: string[],
        flags: { out: string; title?: string; json?: boolean; workspace?: string },
      ) => {
        const resolved = sources.map(sourceOf);
        const interrupt = interruptSignal();
        try {
          const written = await withEngine(io, flags.workspace, async (engine) => {
            const bar = progressBar(io);
            const result = await createApiClient(engine.transport).call(
              'models.report',
              {
                sources: resolved,
                path: path.resolve(flags.out),
                ...(flags.title ? { title: flags.title } : {}),
              },
              { signal: interrupt.signal, onProgress: bar.update },
            );
            bar.done();
            return result;
          });
          if (flags.json) {
            io.stdout(`${JSON.stringify(written, null, 2)}\n`);
            return;
          }
          const missing = written.datasetsFound.filter((found) => !found).length;
          io.stdout(
            `Wrote ${written.path} (${written.bytes.toLocaleString('en-US')} bytes; charts: ${written.charts.join(', ')})\n` +
              (missing
                ? `${missing} of ${sources.length} datasets are not in this workspace: their segment and time tables are left out.\n`
                : ''),
          );
        } finally {
          interrupt.dispose();
        }
      },
    );
}

/** A path to an existing .json file is a parameter file; anything else names a saved model. */
function sourceOf(text: string): ParamsSource {
  if (/\.json$/i.test(text) && fs.existsSync(text)) return { paramsPath: path.resolve(text) };
  return { model: modelRefOf(text) };
}
