import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyParamDocument } from '../../../shared/param-file/apply-param-document';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import {
  applyParams,
  canonicalJson as referenceCanonicalJson,
  hashedText,
} from '../../../resources/reference/apply-params.mjs';
import { sha256Hex } from '../../../electron/engine/param-file/sha256-hex';

/**
 * The committed fixtures were fitted by the engine (make-fixtures.ts) and applied by the Python
 * reference (make_python_reference.py, standard library only), so no Python is needed here.
 */
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'param-file');
const rows = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rows.json'), 'utf8')) as Record<
  string,
  number[]
>;
const python = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'python-reference.json'), 'utf8')) as {
  documents: Record<
    string,
    { contentHash: string; scores: string; p: number[]; p0?: number[]; p1?: number[] }
  >;
};
const names = fs.readdirSync(path.join(FIXTURES, 'documents')).sort();

function expectClose(actual: ArrayLike<number>, expected: number[]) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12);
}

describe('reference evaluators against the engine', () => {
  it('covers every method with every score rule', () => {
    expect(names).toHaveLength(24);
    expect(Object.keys(python.documents).sort()).toEqual(names);
  });

  it.each(names)('%s: Python and the JavaScript reference give the engine numbers', (name) => {
    const file = path.join(FIXTURES, 'documents', name);
    const document = readParamFile(file);
    const reference = python.documents[name]!;
    // Python's canonical JSON and hash agree with the engine's.
    expect(reference.contentHash).toBe(document.contentHash.value);
    const raw = Float64Array.from(rows[reference.scores]!);
    const engine = applyParamDocument(document, raw);
    expectClose(engine.p, reference.p);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof applyParams>[0] &
      Record<string, unknown>;
    const javascript = applyParams(parsed, rows[reference.scores]!) as {
      p: number[];
      p0?: number[];
      p1?: number[];
    };
    expectClose(engine.p, javascript.p);
    if (document.method === 'venn-abers') {
      expectClose(engine.p0!, reference.p0!);
      expectClose(engine.p1!, reference.p1!);
      expectClose(engine.p0!, javascript.p0!);
      expectClose(engine.p1!, javascript.p1!);
    }
    expect(sha256Hex(hashedText(parsed))).toBe(document.contentHash.value);
    expect(referenceCanonicalJson(parsed)).toBeTypeOf('string');
  });
});
