import path from 'node:path';
import type { Command } from 'commander';
import type { ApplyOutput } from '../../../shared/api/calls/model-calls';
import { scriptRefusal } from '../../../shared/param-file/script-file-error';
import { verifyParamFile } from '../../engine/param-file/param-file-io';
import { CliFailure } from '../cli-failure';
import type { CliIo } from '../cli-io';
import { withDatasetSource } from '../dataset-source';
import { formatTable } from '../format-table';
import { interruptSignal } from '../interrupt-signal';
import { progressBar } from '../progress-bar';

interface ApplyFlags {
  out?: string;
  column: string;
  score?: string;
  outcome?: string;
  json?: boolean;
  workspace?: string;
}

export function registerApplyCommand(program: Command, io: CliIo): void {
  program
    .command('apply <params> <source>')
    .description(
      'Score a dataset (or a CSV/Parquet/JSONL file) with a parameter file: adds the calibrated probability ' +
        '(and the Venn-ABERS interval) and checks calibration drift where the rows have outcomes.',
    )
    .option('--out <scored.csv>', 'write every row with the calibrated column(s) appended')
    .option(
      '--column <name>',
      'name of the calibrated column (Venn-ABERS adds NAME_p0 and NAME_p1)',
      'calibrated',
    )
    .option('--score <col>', 'score column (default: the column the file was fitted on)')
    .option(
      '--outcome <col>',
      "outcome column for monitoring (default: the file's outcome column if present)",
    )
    .option('--json', 'print the result and the monitoring as JSON')
    .option('--workspace <path>', 'workspace file (when <source> is a dataset name)')
    .action(async (params: string, source: string, flags: ApplyFlags) => {
      // Checked before any data is read: a refused file must never score anything.
      const verdict = verifyParamFile(params);
      if (!verdict.ok) throw new CliFailure(`${params} is refused: ${verdict.message}`);
      const document = verdict.document;
      // Refused before a file is imported: the engine never runs a script's formula.
      if (document.method === 'script') throw new CliFailure(scriptRefusal(params));
      const interrupt = interruptSignal();
      try {
        const result = await withDatasetSource(
          io,
          source,
          {
            workspace: flags.workspace,
            roles: {
              score: flags.score ?? document.provenance.columns.score ?? undefined,
              outcome: flags.outcome,
              // A segmented file picks each row's map by this column: import it as a category.
              ...(document.params.method === 'segmented-platt' ? { segments: [document.params.column] } : {}),
            },
            signal: interrupt.signal,
          },
          async (client, dataset) => {
            const bar = progressBar(io);
            const applied = await client.call(
              'models.apply',
              {
                source: { paramsPath: path.resolve(params) },
                dataset,
                ...(flags.score ? { scoreColumn: flags.score } : {}),
                ...(flags.outcome ? { outcomeColumn: flags.outcome } : {}),
                ...(flags.out ? { outPath: path.resolve(flags.out) } : {}),
                column: flags.column,
              },
              { signal: interrupt.signal, onProgress: bar.update },
            );
            bar.done();
            return applied;
          },
        );
        io.stdout(flags.json ? `${JSON.stringify(result, null, 2)}\n` : applyText(result));
      } finally {
        interrupt.dispose();
      }
    });
}

const LIGHT = { green: 'GREEN', yellow: 'YELLOW', red: 'RED' } as const;

function applyText(result: ApplyOutput): string {
  const lines = [
    `${result.method} applied to ${result.datasetName} (score "${result.scoreColumn}"): ` +
      `${result.rows.scored.toLocaleString('en-US')} rows scored` +
      (result.rows.missingScore
        ? `, ${result.rows.missingScore.toLocaleString('en-US')} without a score left blank`
        : ''),
  ];
  if (result.output) lines.push(`Wrote ${result.output.path} (added ${result.output.columns.join(', ')})`);
  const m = result.monitoring;
  if (!m) {
    lines.push('No outcome column: calibration drift not checked.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '',
    `Monitoring on ${result.rows.monitored.toLocaleString('en-US')} rows with outcome "${result.outcomeColumn}": ${
      m.light ? LIGHT[m.light] : 'undecided'
    }`,
  );
  const table = formatTable(
    ['check', 'light', 'explanation'],
    m.checks.map((c) => [c.label, c.light ? LIGHT[c.light] : '—', c.explanation]),
  );
  return `${lines.join('\n')}\n${table}`;
}
