import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyParamFile } from '../../../electron/engine/param-file/param-file-io';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const ORIGINAL = path.join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'param-file',
  'documents',
  'isotonic-probability.json',
);
const text = fs.readFileSync(ORIGINAL, 'utf8');

function verifyText(content: string) {
  const file = path.join(tempDir(), 'params.json');
  fs.writeFileSync(file, content);
  return verifyParamFile(file);
}

describe('reading a parameter file back', () => {
  it('accepts the file as written, and after re-indenting and reordering keys', () => {
    expect(verifyText(text)).toMatchObject({
      ok: true,
      passed: ['json', 'format', 'version', 'schema', 'hash'],
    });
    const reordered = Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse());
    expect(verifyText(JSON.stringify(reordered)).ok).toBe(true);
  });

  it('refuses one changed byte in a fitted value with a content hash mismatch', () => {
    const document = JSON.parse(text) as { params: { y: number[] } };
    const target = JSON.stringify(document.params.y[3]);
    expect(target).toMatch(/^0\.\d/);
    const at = text.indexOf(target, text.indexOf('"y": ['));
    // The first decimal: a change there always changes the number (a 17th digit may round back).
    const digit = at + 2;
    const changed = text.slice(0, digit) + (text[digit] === '1' ? '2' : '1') + text.slice(digit + 1);
    expect(changed.length).toBe(text.length);
    expect(verifyText(changed)).toMatchObject({
      ok: false,
      failedCheck: 'hash',
      message: expect.stringContaining('content hash mismatch: the file was changed after it was written'),
    });
  });

  it('refuses a removed field naming it', () => {
    const document = JSON.parse(text) as Record<string, Record<string, unknown>>;
    delete document.provenance!.columns;
    expect(verifyText(JSON.stringify(document, null, 2))).toMatchObject({
      ok: false,
      failedCheck: 'schema',
      message: expect.stringMatching(/^schema: field provenance\.columns is missing/),
    });
  });

  it('refuses parameters that break their method schema, with the path', () => {
    const document = JSON.parse(text) as { params: { y: number[] } };
    document.params.y[0] = 1.5;
    expect(verifyText(JSON.stringify(document))).toMatchObject({
      failedCheck: 'schema',
      message: expect.stringContaining('field params.y.0'),
    });
  });

  it('refuses version 99 and says which version it reads', () => {
    expect(verifyText(text.replace('"version": 1', '"version": 99'))).toMatchObject({
      ok: false,
      failedCheck: 'version',
      message: 'version 99 is not supported (this Scorecal reads version 1)',
    });
  });

  it('refuses another format', () => {
    expect(verifyText(JSON.stringify({ format: 'other.tool', version: 1 }))).toMatchObject({
      failedCheck: 'format',
      message: expect.stringMatching(/^unknown format/),
    });
    expect(verifyText('[1, 2]')).toMatchObject({ failedCheck: 'format' });
  });

  it('refuses a truncated file with the line and column where it stops', () => {
    const truncated = text.slice(0, 200);
    const lines = truncated.split('\n');
    const verdict = verifyText(truncated);
    expect(verdict).toMatchObject({ ok: false, failedCheck: 'json' });
    expect(!verdict.ok && verdict.message).toMatch(/^not JSON \(line \d+, column \d+\)/);
    expect(!verdict.ok && verdict.message).toContain(`line ${lines.length},`);
    expect(verifyText('{\n  "format": "scorecal.calibration",\n  oops\n}')).toMatchObject({
      message: expect.stringContaining('not JSON (line 3, column 3)'),
    });
  });

  it('says when there is no file', () => {
    expect(verifyParamFile(path.join(tempDir(), 'absent.json'))).toMatchObject({
      ok: false,
      message: 'no such file',
    });
  });
});
