import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { listDatasets } from '../../../electron/engine/store/list-datasets';
import { readColumn } from '../../../electron/engine/store/read-column';
import { useTempDirs } from '../../helpers/temp-dir';
import { fixturesDir, freshWorkspace, runImport, workspaceFingerprint, writeFile } from './import-test-kit';

const tempDir = useTempDirs();

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SPECIAL = [0x22, 0x2c, 0x0a, 0x0d, 0x3b, 0x09, 0x00, 0xff, 0xc3, 0x2d, 0x2e, 0x65];

/** A few random edits: byte flips, special bytes, cuts, duplicated or dropped spans. */
function mutate(input: Buffer, random: () => number): Buffer {
  let bytes = Buffer.from(input);
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * bytes.length);
    const kind = Math.floor(random() * 5);
    if (kind === 0) bytes[at] = Math.floor(random() * 256);
    else if (kind === 1) bytes[at] = SPECIAL[Math.floor(random() * SPECIAL.length)] as number;
    else if (kind === 2) bytes = bytes.subarray(0, at);
    else if (kind === 3) {
      const span = bytes.subarray(at, at + Math.floor(random() * 200));
      bytes = Buffer.concat([bytes.subarray(0, at), span, bytes.subarray(at)]);
    } else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + Math.floor(random() * 50))]);
  }
  return bytes;
}

const validCsv = () => {
  const rows = Array.from(
    { length: 300 },
    (_, i) =>
      `${i + 1},2024-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,"desk ${i % 4}",${((i * 13) % 100) / 100},${i % 3 === 0 ? 1 : 0}`,
  );
  return Buffer.from(`id,opened_at,desk,score,liquidated\n${rows.join('\n')}\n`);
};

describe('fuzzed files', () => {
  it('either import cleanly or are refused cleanly, never crash or hang, and never damage the workspace', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const random = seeded(20240611);
    const sources: [string, Buffer][] = [
      ['csv', validCsv()],
      ['csv.gz', zlib.gzipSync(validCsv())],
      ['parquet', fs.readFileSync(path.join(fixturesDir, 'positions-snappy.parquet'))],
    ];
    let imported = 0;
    let refused = 0;
    for (let round = 0; round < 90; round++) {
      const [extension, original] = sources[round % sources.length] as [string, Buffer];
      const file = writeFile(dir, `fuzz-${round}.${extension}`, mutate(original, random));
      const before = workspaceFingerprint(workspace);
      const outcome = await Promise.race([
        runImport(workspace, {
          file,
          onError: round % 2 === 0 ? 'skip' : 'refuse',
          ifExists: 'import-again',
        }).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        ),
        new Promise<{ hang: true }>((resolve) => setTimeout(() => resolve({ hang: true }), 15_000)),
      ]);
      expect(outcome, `round ${round} hung`).not.toHaveProperty('hang');
      expect(workspace.db.inTransaction).toBe(false);
      if ('error' in outcome) {
        refused++;
        expect(outcome.error, `round ${round}: ${String(outcome.error)}`).toBeInstanceOf(ApiError);
        expect(['invalid-input', 'not-found']).toContain((outcome.error as ApiError).code);
        expect((outcome.error as ApiError).message).toContain(`fuzz-${round}.${extension}`);
        expect(workspaceFingerprint(workspace)).toEqual(before);
      } else if ('result' in outcome) {
        imported++;
        const { dataset } = outcome.result;
        expect(dataset.rows).toBeGreaterThan(0);
        const first = listDatasets(workspace.db).find((d) => d.id === dataset.id);
        expect(first?.rows).toBe(dataset.rows);
        const columns = workspace.db
          .prepare('SELECT name FROM dataset_columns WHERE dataset_id = ?')
          .pluck()
          .all(dataset.id) as string[];
        for (const name of columns)
          expect(readColumn(workspace.db, dataset.id, name).length).toBe(dataset.rows);
      }
    }
    expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(imported + refused).toBe(90);
    expect(imported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    workspace.close();
  }, 90_000);
});
