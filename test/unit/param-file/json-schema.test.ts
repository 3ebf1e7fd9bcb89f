import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMA_FILE } from '../../fixtures/param-file/make-json-schema';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'param-file');
const DOCUMENTS = path.join(FIXTURES, 'documents');
/** Every fixture file: the calibrators, then the segmented and walk-forward files. */
const FILES = ['documents', 'analysis-documents'].flatMap((folder) =>
  fs.readdirSync(path.join(FIXTURES, folder)).map((name) => path.join(FIXTURES, folder, name)),
);

/** Ajv arrives with the lint tooling; the check needs it but the product does not. */
function loadAjv():
  | (new (options: object) => {
      compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
    })
  | null {
  try {
    return createRequire(__filename)('ajv/dist/2020').default;
  } catch {
    return null;
  }
}

describe('the published JSON Schema', () => {
  it('is generated from the schema the engine reads files with', () => {
    // Compared as data: the committed file is laid out by Prettier.
    expect(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(jsonSchemaText()));
  });

  it.skipIf(loadAjv() === null)(
    'accepts every fixture and refuses a removed field, a new version or a segment map that is not Platt (Ajv)',
    () => {
      const Ajv = loadAjv()!;
      const validate = new Ajv({ strict: false, logger: false, validateFormats: false }).compile(
        JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object,
      );
      for (const file of FILES) {
        const document = JSON.parse(fs.readFileSync(file, 'utf8')) as {
          provenance: { columns?: unknown };
        };
        expect(validate(document), `${path.basename(file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
        delete document.provenance.columns;
        expect(validate(document)).toBe(false);
      }
      const newer = JSON.parse(fs.readFileSync(path.join(DOCUMENTS, 'platt-logit.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(validate({ ...newer, version: 99 })).toBe(false);
      const segmented = JSON.parse(
        fs.readFileSync(path.join(FIXTURES, 'analysis-documents', 'segmented-platt-logit.json'), 'utf8'),
      ) as { params: { segments: Record<string, Record<string, unknown>> } };
      segmented.params.segments.FX = { ...segmented.params.segments.FX, method: 'beta' };
      expect(validate(segmented)).toBe(false);
    },
  );
});
