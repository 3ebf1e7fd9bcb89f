import type { ByteSource } from './byte-source';
import type { ColumnBatch } from './column-batch';
import { CR, LF } from './csv-bytes';
import { hasUtf8Bom } from './detect-encoding';
import type { ImportPlan } from './import-plan';
import { parseJsonRecord } from './json-lines';
import { BLOCK_BYTES, MAX_ROW_BYTES } from './read-csv-rows';
import { ApiError } from '../../../shared/api/api-error';

/** Streams JSON Lines: one object per line; keys not chosen are ignored, absent keys are missing values. */
export async function readJsonLinesRows(
  source: ByteSource,
  plan: ImportPlan,
  batch: ColumnBatch,
  betweenBlocks: () => Promise<void>,
): Promise<void> {
  const decoder = new TextDecoder(plan.encoding, { fatal: true, ignoreBOM: true });
  const keys = plan.columns.map((column) => plan.fileColumns[column.fileIndex] as string);
  let work = new Uint8Array(BLOCK_BYTES * 2);
  let length = 0;
  let pos = 0;
  let ended = false;
  let line = 1;
  let first = true;
  while (!ended) {
    if (pos > 0) {
      work.copyWithin(0, pos, length);
      length -= pos;
      pos = 0;
    }
    if (work.length - length < BLOCK_BYTES) {
      const grown = new Uint8Array(work.length * 2);
      grown.set(work.subarray(0, length));
      work = grown;
    }
    const n = await source.read(work, length, BLOCK_BYTES);
    if (n === 0) ended = true;
    length += n;
    if (first && hasUtf8Bom(work)) pos = 3;
    first = false;
    for (;;) {
      let end = work.indexOf(LF, pos);
      if (end < 0 || end >= length) {
        if (!ended || pos >= length) break;
        end = length;
      }
      const stop = end > pos && work[end - 1] === CR ? end - 1 : end;
      readLine(work.subarray(pos, stop), line);
      pos = Math.min(end + 1, length);
      line++;
    }
    if (length - pos > MAX_ROW_BYTES) {
      throw new ApiError(
        'invalid-input',
        `${plan.file}, line ${line}: a line is longer than 64 MiB. Nothing was imported.`,
      );
    }
    await betweenBlocks();
  }

  function readLine(bytes: Uint8Array, at: number): void {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      batch.rowProblem(
        'invalid-text',
        at,
        '',
        'the line is not valid UTF-8; if the file is Latin-1 or Windows-1252, choose that encoding.',
      );
      batch.endRow(at);
      return;
    }
    if (text.trim() === '') return;
    const record = parseJsonRecord(text);
    if (record === null) {
      batch.rowProblem('malformed-row', at, text.slice(0, 80), 'the line is not a JSON object.');
      batch.endRow(at);
      return;
    }
    for (let c = 0; c < keys.length; c++) batch.putValue(c, record[keys[c] as string], at);
    batch.endRow(at);
  }
}
