import type { Command } from 'commander';
import { createApiClient } from '../../../shared/api/client';
import type { DatasetDetails } from '../../../shared/domain/dataset-details';
import type { CliIo } from '../cli-io';
import { formatTable } from '../format-table';
import { withEngine } from '../with-engine';

export function registerShowCommand(program: Command, io: CliIo): void {
  program
    .command('show')
    .description("Show a dataset's metadata, columns and validation summary.")
    .argument('<name>', 'dataset name')
    .option('--json', 'print JSON')
    .option('--workspace <path>', 'workspace file (default: SCORECAL_WORKSPACE or the per-user data folder)')
    .action(async (name: string, options: { json?: boolean; workspace?: string }) => {
      const details = await withEngine(io, options.workspace, (engine) =>
        createApiClient(engine.transport).call('datasets.show', { name }),
      );
      io.stdout(options.json ? `${JSON.stringify(details, null, 2)}\n` : describe(details));
    });
}

function describe(details: DatasetDetails): string {
  const s = details.summary;
  const date = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('.000Z', 'Z'));
  const lines = [
    `Dataset      ${s.name} (id ${s.id})`,
    `Rows         ${s.rows.toLocaleString('en-US')}   positives ${s.positives.toLocaleString('en-US')}   base rate ${s.baseRate === null ? '—' : `${(s.baseRate * 100).toFixed(3)} %`}`,
    `Time range   ${date(s.timeMin)} – ${date(s.timeMax)}`,
    `Source       ${details.sourcePath ?? s.sourceName}  (${s.sourceBytes.toLocaleString('en-US')} bytes)`,
    `SHA-256      ${s.sourceSha256}`,
    `Imported     ${date(s.importedAt)}`,
    '',
  ];
  const table = formatTable(
    ['column', 'kind', 'role', 'missing', 'min', 'max', 'distinct'],
    details.columns.map((c) => [
      c.name,
      c.kind + (c.timestampFormat ? ` (${c.timestampFormat})` : c.scoreScale ? ` (${c.scoreScale})` : ''),
      c.role ?? '',
      c.missing === null ? '' : c.missing.toLocaleString('en-US'),
      c.min === null ? '' : c.kind === 'timestamp' ? date(c.min) : String(c.min),
      c.max === null ? '' : c.kind === 'timestamp' ? date(c.max) : String(c.max),
      c.distinctValues === null ? '' : c.distinctValues.toLocaleString('en-US'),
    ]),
  );
  const v = details.validation;
  const validation = v
    ? [
        '',
        `Validation   ${v.rowsRead.toLocaleString('en-US')} rows read, ${v.rowsImported.toLocaleString('en-US')} imported, ${v.rowsSkipped.toLocaleString('en-US')} skipped (on error: ${v.policy})`,
        ...v.rules.map(
          (r) =>
            `  ${r.severity} ${r.rule}: ${r.count.toLocaleString('en-US')}${r.examples[0] ? ` (first at line ${r.examples[0].line}: ${r.examples[0].message})` : ''}`,
        ),
      ]
    : ['', 'Validation   (not recorded for this dataset)'];
  return `${lines.join('\n')}${table}${validation.join('\n')}\n`;
}
