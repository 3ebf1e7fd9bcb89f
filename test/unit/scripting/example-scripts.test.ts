import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SCRIPT_API_DECLARATIONS } from '../../../shared/scripting/script-api-declarations';
import { rowTypeDeclaration } from '../../../shared/scripting/row-type-declaration';
import { SAMPLE_COLUMNS } from '../../../electron/engine/sample/sample-columns';
import { scriptCompilerOptions } from '../../helpers/compile-script';

const examplesDir = join(__dirname, '..', '..', '..', 'resources', 'scripts', 'examples');

/** Type-checks a script as the editor does: the API declarations, the dataset's Row, ES2022 only. */
function diagnosticsOf(source: string, rowDeclaration: string): string[] {
  const files: Record<string, string> = {
    'script.ts': source,
    'script-api.d.ts': SCRIPT_API_DECLARATIONS,
    'row.d.ts': rowDeclaration,
  };
  const options = { ...scriptCompilerOptions(), noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name]!, version) : getSourceFile(name, version);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    return `${d.file?.fileName ?? ''}:${where ? where.line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const sampleRow = rowTypeDeclaration(
  'liquidations-100k',
  SAMPLE_COLUMNS.map((c) => ({ name: c.name, kind: c.kind, role: c.role })),
);

describe('the shipped example scripts', () => {
  const names = readdirSync(examplesDir).filter((name) => name.endsWith('.ts'));

  it('are the three the workbench offers', () => {
    expect(names.sort()).toEqual([
      'first-passage-liquidation.ts',
      'logistic-leverage-collateral.ts',
      'scorecard-points.ts',
    ]);
  });

  for (const name of names) {
    it(`${name} type-checks against the script API and the sample's Row`, () => {
      expect(diagnosticsOf(readFileSync(join(examplesDir, name), 'utf8'), sampleRow)).toEqual([]);
    });
  }

  it('the checker catches what the editor must mark: unknown columns, wrong params, DOM and Node globals', () => {
    const broken = `export default defineScript({
  params: { a: { init: 0 } },
  score(row, p) {
    document.title = 'x';
    require('fs');
    return p.b + row.levrage;
  },
});`;
    const messages = diagnosticsOf(broken, sampleRow).join('\n');
    expect(messages).toMatch(/script\.ts:4: Cannot find name 'document'/);
    expect(messages).toMatch(/script\.ts:5: Cannot find name 'require'/);
    expect(messages).toMatch(/script\.ts:6: Property 'b' does not exist/);
    expect(messages).toMatch(
      /script\.ts:6: Property 'levrage' does not exist on type 'Row'. Did you mean 'leverage'\?/,
    );
  });

  it('declares the outcome out of the row, and gives each column its kind', () => {
    expect(sampleRow).not.toContain('liquidated');
    expect(sampleRow).toContain('readonly leverage: number;');
    expect(sampleRow).toContain('readonly side: string | null;');
    expect(sampleRow).toContain('readonly opened_at: number;');
  });
});
