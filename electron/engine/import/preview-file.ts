import { ApiError } from '../../../shared/api/api-error';
import type { ColumnKind, TimestampFormat } from '../../../shared/domain/column-schema';
import { PREVIEW_ROWS, type ImportPreview, type PreviewColumn } from '../../../shared/domain/import-preview';
import type { FileFormat, ReadOptions, TextEncoding } from '../../../shared/domain/import-options';
import { openFileChecked } from './byte-source';
import { readTextRecords } from './csv-text-records';
import { detectEncoding, firstNulByte, hasUtf8Bom } from './detect-encoding';
import { inferColumn, inferDecimal, inferScoreScale, type InferredColumn } from './infer-column';
import { readJsonLinesHead } from './json-lines';
import {
  fileAsyncBuffer,
  looksParquet,
  parquetColumns,
  readParquetMetadata,
  readParquetRows,
} from './parquet-file';
import { readFileHead, type FileHead } from './read-file-head';
import { sniffDelimiter } from './sniff-delimiter';
import { suggestRoles } from './suggest-roles';
import { CellTextDecoder } from './text-decoding';

/** Looks at the start of a file and says how to read it, what its columns are and what they hold. */
export async function previewFile(file: string, read: ReadOptions = {}): Promise<ImportPreview> {
  const { handle, size } = await openFileChecked(file);
  const magic = new Uint8Array(4);
  await handle.read(magic, 0, 4, 0);
  await handle.close();
  if (size === 0) throw new ApiError('invalid-input', `${file} is empty. Nothing was imported.`);
  const format = read.format ?? (looksParquet(magic) ? 'parquet' : undefined);
  if (format === 'parquet') return previewParquet(file, size);
  const head = await readFileHead(file);
  const nul = firstNulByte(head.bytes);
  if (nul >= 0) {
    throw new ApiError(
      'invalid-input',
      `${file} does not look like a text file (a NUL byte at byte ${nul} of its ${head.compressed ? 'decompressed ' : ''}data); Scorecal reads CSV, JSON Lines and Parquet files.`,
    );
  }
  const chosen = format ?? guessTextFormat(file, head.bytes);
  const encoding = read.encoding ?? detectEncoding(head.bytes, head.complete);
  const bom = hasUtf8Bom(head.bytes);
  if (chosen === 'jsonl') return previewJsonLines(file, head, encoding, bom);
  return previewCsv(file, head, read, encoding, bom);
}

function guessTextFormat(file: string, head: Uint8Array): FileFormat {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  const text = Buffer.from(head.subarray(0, 64))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  return text.startsWith('{') ? 'jsonl' : 'csv';
}

function previewCsv(
  file: string,
  head: FileHead,
  read: ReadOptions,
  encoding: TextEncoding,
  bom: boolean,
): ImportPreview {
  const decoder = new CellTextDecoder(encoding);
  const start = bom ? 3 : 0;
  const delimiter = read.delimiter ?? sniffDelimiter(head.bytes, start, head.complete, decoder);
  const { records, openQuote } = readTextRecords(
    head.bytes,
    start,
    head.bytes.length,
    head.complete,
    delimiter.charCodeAt(0),
    decoder,
    PREVIEW_ROWS + 1,
  );
  if (records.length === 0) {
    if (openQuote) {
      throw new ApiError(
        'invalid-input',
        `${file}, line 1: the header has a quoted field that is never closed (unterminated quote).`,
      );
    }
    throw new ApiError('invalid-input', `${file} has no header line (it holds only blank lines).`);
  }
  const header = headerNames((records[0] as { fields: string[] }).fields);
  const rows = records.slice(1).map((record) => header.map((_, i) => record.fields[i] ?? null));
  const decimal = read.decimal ?? inferDecimal(delimiter, rows);
  const columns = describeColumns(
    header,
    header.map((name, i) => ({
      inferred: inferColumn(
        name,
        rows.map((row) => row[i] ?? null),
        decimal,
      ),
      cells: rows.map((row) => row[i] ?? null),
    })),
    decimal,
  );
  return {
    file,
    bytes: head.size,
    format: 'csv',
    compression: head.compressed ? 'gzip' : 'none',
    delimiter,
    decimal,
    encoding,
    hasByteOrderMark: bom,
    header,
    columns,
    rows,
    totalRows: head.complete && !openQuote ? rows.length : null,
  };
}

async function previewJsonLines(
  file: string,
  head: FileHead,
  encoding: TextEncoding,
  bom: boolean,
): Promise<ImportPreview> {
  const { keys, rows } = readJsonLinesHead(
    file,
    head.bytes.subarray(bom ? 3 : 0),
    head.complete,
    encoding,
    PREVIEW_ROWS,
  );
  const cells = rows.map((row) => keys.map((key) => cellText(row[key])));
  const columns = describeColumns(
    keys,
    keys.map((key, i) => ({
      inferred: inferTyped(
        key,
        rows.map((row) => row[key]),
        cells.map((r) => r[i] ?? null),
      ),
      cells: cells.map((r) => r[i] ?? null),
    })),
    '.',
  );
  return {
    file,
    bytes: head.size,
    format: 'jsonl',
    compression: head.compressed ? 'gzip' : 'none',
    delimiter: null,
    decimal: null,
    encoding,
    hasByteOrderMark: bom,
    header: keys,
    columns,
    rows: cells,
    totalRows: head.complete ? rows.length : null,
  };
}

async function previewParquet(file: string, size: number): Promise<ImportPreview> {
  const { handle } = await openFileChecked(file);
  try {
    const buffer = fileAsyncBuffer(handle, size);
    const metadata = await readParquetMetadata(file, buffer);
    const fields = parquetColumns(metadata);
    const total = Number(metadata.num_rows);
    const names = fields.map((f) => f.name);
    const rows =
      total > 0 ? await readParquetRows(file, buffer, metadata, names, 0, Math.min(PREVIEW_ROWS, total)) : [];
    const cells = rows.map((row) => names.map((_, i) => cellText(row[i])));
    const columns = describeColumns(
      names,
      fields.map((field, i) => {
        const values = rows.map((row) => row[i]);
        const texts = cells.map((row) => row[i] ?? null);
        const inferred = inferTyped(field.name, values, texts);
        return {
          inferred: field.kind
            ? { ...inferred, kind: field.kind, timestampFormat: field.timestampFormat }
            : inferred,
          cells: texts,
        };
      }),
      '.',
    );
    return {
      file,
      bytes: size,
      format: 'parquet',
      compression: 'none',
      delimiter: null,
      decimal: null,
      encoding: null,
      hasByteOrderMark: false,
      header: names,
      columns,
      rows: cells,
      totalRows: total,
    };
  } finally {
    await handle.close();
  }
}

/** Typed values (JSON, Parquet): numbers and booleans say their kind; strings are inferred like CSV cells. */
function inferTyped(
  name: string,
  values: readonly unknown[],
  texts: readonly (string | null)[],
): InferredColumn {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) {
    return {
      kind: 'boolean',
      timestampFormat: null,
      distinctValues: new Set(present).size,
      missingValues: values.length - present.length,
    };
  }
  if (present.length > 0 && present.every((v) => typeof v === 'object' && !(v instanceof Date))) {
    return {
      kind: 'text',
      timestampFormat: null,
      distinctValues: present.length,
      missingValues: values.length - present.length,
    };
  }
  return inferColumn(name, texts, '.');
}

function describeColumns(
  header: readonly string[],
  columns: readonly { inferred: InferredColumn; cells: readonly (string | null)[] }[],
  decimal: '.' | ',',
): PreviewColumn[] {
  const roles = suggestRoles(
    columns.map(({ inferred, cells }, i) => ({
      source: header[i] as string,
      kind: inferred.kind,
      distinctValues: inferred.distinctValues,
      present: cells.length - inferred.missingValues,
      unitInterval:
        inferred.kind === 'number' || inferred.kind === 'integer'
          ? inferScoreScale(cells, decimal) === 'probability'
          : false,
    })),
  );
  return columns.map(({ inferred, cells }, i) => ({
    source: header[i] as string,
    kind: inferred.kind as ColumnKind,
    timestampFormat: inferred.timestampFormat as TimestampFormat | null,
    scoreScale: roles[i] === 'score' ? inferScoreScale(cells, decimal) : null,
    suggestedRole: roles[i] ?? null,
    distinctValues: inferred.distinctValues,
    missingValues: inferred.missingValues,
  }));
}

/** Blank names become column_N and repeats get _2, _3: every column needs a unique name to be stored. */
function headerNames(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((field, i) => {
    const base = field.trim() === '' ? `column_${i + 1}` : field.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}
