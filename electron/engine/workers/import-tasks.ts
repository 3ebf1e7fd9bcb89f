import { parseCsvChunk, type CsvChunkTask } from '../import/csv-chunk-parse';

/** Parses one piece of a CSV file; the engine's thread stores the pieces in file order. */
export function parseCsvChunkTask(task: CsvChunkTask | { warmUp: true }) {
  // An import starts the pool's threads while it previews the file, so they are ready for the first piece.
  if ('warmUp' in task) return null;
  return parseCsvChunk(task);
}
