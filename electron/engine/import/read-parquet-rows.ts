import type { FileMetaData, AsyncBuffer } from 'hyparquet';
import type { ColumnBatch } from './column-batch';
import type { ImportPlan } from './import-plan';
import { readParquetRows } from './parquet-file';

/** Rows read from a Parquet file at a time (within a row group), to keep memory bounded. */
const ROWS_PER_READ = 262_144;

/** Reads the chosen Parquet columns row group by row group; the "line" of a row is its 1-based number. */
export async function readParquetFileRows(
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  plan: ImportPlan,
  batch: ColumnBatch,
  betweenBlocks: (rowsDone: number) => Promise<void>,
): Promise<void> {
  const names = plan.columns.map((column) => plan.fileColumns[column.fileIndex] as string);
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    for (let start = groupStart; start < groupStart + groupRows; start += ROWS_PER_READ) {
      const end = Math.min(start + ROWS_PER_READ, groupStart + groupRows);
      const rows = await readParquetRows(plan.file, buffer, metadata, names, start, end);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as unknown[];
        const line = start + r + 1;
        for (let c = 0; c < names.length; c++) batch.putValue(c, row[c], line);
        batch.endRow(line);
      }
      await betweenBlocks(end);
    }
    groupStart += groupRows;
  }
}
