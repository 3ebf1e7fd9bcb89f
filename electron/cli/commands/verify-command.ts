import type { Command } from 'commander';
import { PARAM_FILE_CHECKS } from '../../../shared/param-file/verify-param-text';
import { verifyParamFile } from '../../engine/param-file/param-file-io';
import { CliFailure } from '../cli-failure';
import type { CliIo } from '../cli-io';

const CHECK_LABELS = {
  json: 'JSON',
  format: 'format scorecal.calibration',
  version: 'version 1',
  schema: 'schema',
  hash: 'content hash (SHA-256 of the canonical JSON)',
} as const;

/** Verification reads one file and needs no workspace, so it never opens one. */
export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify <params>')
    .description(
      'Check a parameter file: JSON, format, version, schema and content hash. Exit 0 only if all hold.',
    )
    .option('--json', 'print the result as JSON')
    .action(async (params: string, flags: { json?: boolean }) => {
      const verdict = verifyParamFile(params);
      if (flags.json) {
        io.stdout(
          `${JSON.stringify(
            verdict.ok
              ? {
                  ok: true,
                  passed: verdict.passed,
                  method: verdict.document.method,
                  createdAt: verdict.document.createdAt,
                  contentHash: verdict.document.contentHash.value,
                }
              : {
                  ok: false,
                  passed: verdict.passed,
                  failedCheck: verdict.failedCheck,
                  message: verdict.message,
                },
            null,
            2,
          )}\n`,
        );
      } else {
        const lines = PARAM_FILE_CHECKS.map((check) => {
          if (verdict.passed.includes(check)) return `  ok      ${CHECK_LABELS[check]}`;
          if (!verdict.ok && verdict.failedCheck === check)
            return `  FAILED  ${CHECK_LABELS[check]}: ${verdict.message}`;
          return `  -       ${CHECK_LABELS[check]} (not checked)`;
        });
        const head = verdict.ok
          ? `${params}: valid ${verdict.document.method} parameter file, created ${verdict.document.createdAt}`
          : `${params}: refused`;
        io.stdout(`${head}\n${lines.join('\n')}\n`);
      }
      if (!verdict.ok) throw new CliFailure(`${params} is refused: ${verdict.message}`);
    });
}
