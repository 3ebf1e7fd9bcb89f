import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealParamDocument } from '../../../electron/engine/param-file/param-file-io';
import { sha256Hex } from '../../../electron/engine/param-file/sha256-hex';
import { applyParamDocument } from '../../../shared/param-file/apply-param-document';
import {
  ParamDocumentBodySchema,
  type ParamDocument,
  type ParamDocumentBody,
} from '../../../shared/param-file/param-file-schema';
import { ScriptFileError } from '../../../shared/param-file/script-file-error';
import { verifyParamText } from '../../../shared/param-file/verify-param-text';
import { encodeBinaryArray } from '../../../shared/scripting/binary-array';
import { SCHEMA_FILE } from '../../fixtures/param-file/make-json-schema';
import { LEVERAGE_SCRIPT, emptyEngine, fitReport, importSmall, type SmallEngine } from './script-test-kit';

const PLATT = path.join(__dirname, '..', '..', 'fixtures', 'param-file', 'documents', 'platt-logit.json');

let small: SmallEngine;
let document: ParamDocument;

beforeAll(async () => {
  small = emptyEngine();
  const datasetId = await importSmall(small);
  await small.client.call('scripts.save', { name: 's', source: LEVERAGE_SCRIPT });
  const selection = {
    dataset: { id: datasetId },
    outcomeColumn: 'y',
    scoreColumn: 's',
    validation: { scheme: 'none' as const },
    columns: [],
  };
  const data = await small.client.call('scripts.data', selection);
  const { model } = await small.client.call('scripts.saveRun', {
    script: { name: 's' },
    version: 1,
    selection,
    fit: fitReport(data.rows.train),
    testScores: encodeBinaryArray(Float64Array.from({ length: data.rows.test }, (_, k) => (k + 1) / 20)),
    scenario: null,
  });
  document = (await small.client.call('models.get', { id: model.id })).document;
}, 60_000);
afterAll(() => small?.close());

/** Ajv arrives with the lint tooling; the check needs it but the product does not. */
function loadAjv():
  (new (options: object) => { compile(schema: object): (data: unknown) => boolean }) | null {
  try {
    return createRequire(__filename)('ajv/dist/2020').default;
  } catch {
    return null;
  }
}

const text = (doc: object) => JSON.stringify(doc);
const resealed = (change: (body: Record<string, unknown>) => void) => {
  const body = structuredClone(document) as unknown as Record<string, unknown>;
  change(body);
  return body;
};
const schemaMessage = (body: object) => {
  const parsed = ParamDocumentBodySchema.safeParse(body);
  return parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe('a script parameter file', () => {
  it('verifies, and refuses a source that is not the one fitted even when resealed', () => {
    expect(verifyParamText(text(document), sha256Hex)).toMatchObject({ ok: true });
    expect(document.script?.sourceSha256).toBe(sha256Hex(LEVERAGE_SCRIPT));
    const altered = sealParamDocument({
      ...document,
      script: { ...document.script!, source: `${LEVERAGE_SCRIPT}// edited\n` },
    } as ParamDocumentBody);
    const verdict = verifyParamText(text(altered), sha256Hex);
    expect(verdict).toMatchObject({ ok: false, failedCheck: 'hash' });
    expect(!verdict.ok && verdict.message).toMatch(/^script source hash mismatch/);
  });

  it('holds its script exactly when its method is script, with the params as fitted values', () => {
    expect(schemaMessage(resealed((b) => (b.script = null)))).toContain(
      'script: a script file must hold its script',
    );
    expect(
      schemaMessage(
        resealed((b) => ((b.script as { fittedValues: object }).fittedValues = { a: 1, b: 0.8 })),
      ),
    ).toContain('script.fittedValues: must equal params.values');
    expect(schemaMessage(resealed((b) => ((b.params as { values: { b: number } }).values.b = 9)))).toContain(
      'params.values.b: the fitted value lies outside its bounds',
    );
    expect(
      schemaMessage(resealed((b) => delete (b.params as { init: Record<string, number> }).init.a)),
    ).toContain('params.init: must name the same parameters as values');

    const platt = JSON.parse(fs.readFileSync(PLATT, 'utf8')) as Record<string, unknown> & {
      provenance: { columns: { score: string | null } };
    };
    expect(schemaMessage({ ...platt, script: document.script })).toContain(
      'script: a platt file holds no script',
    );
    platt.provenance.columns.score = null;
    expect(schemaMessage(platt)).toContain(
      'provenance.columns.score: a platt file must name its score column',
    );
  });

  it('is refused by the shared apply function', () => {
    expect(() => applyParamDocument(document, new Float64Array([0.5]))).toThrow(ScriptFileError);
    expect(() => applyParamDocument(document, new Float64Array([0.5]))).toThrow(
      "script models run only in the workbench's sandbox",
    );
  });

  it.skipIf(loadAjv() === null)('is valid under the published JSON Schema (Ajv)', () => {
    const Ajv = loadAjv()!;
    const validate = new Ajv({ strict: false, logger: false, validateFormats: false }).compile(
      JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object,
    );
    expect(validate(JSON.parse(text(document)))).toBe(true);
    expect(validate({ ...document, script: { ...document.script, extra: 1 } })).toBe(false);
  });
});
