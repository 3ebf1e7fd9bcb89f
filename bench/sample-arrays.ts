import fs from 'node:fs';
import path from 'node:path';
import { generateSampleRows } from '../electron/engine/sample/generate-sample-rows';

export interface SampleArrays {
  p: Float64Array;
  y: Uint8Array;
  /** Raw little-endian files of p (float64) and y (uint8), for the reference tools to load. */
  pFile: string;
  yFile: string;
}

/** The generator's score and outcome columns as typed arrays, cached as raw files in workDir. */
export function sampleArrays(workDir: string, rows: number, seed = 7): SampleArrays {
  const pFile = path.join(workDir, `p-${rows}-seed${seed}.f64`);
  const yFile = path.join(workDir, `y-${rows}-seed${seed}.u8`);
  if (fs.existsSync(pFile) && fs.existsSync(yFile)) {
    const pBytes = fs.readFileSync(pFile);
    const p = new Float64Array(pBytes.buffer.slice(pBytes.byteOffset, pBytes.byteOffset + pBytes.byteLength));
    const y = new Uint8Array(fs.readFileSync(yFile));
    return { p, y, pFile, yFile };
  }
  const p = new Float64Array(rows);
  const y = new Uint8Array(rows);
  let i = 0;
  for (const row of generateSampleRows({ rows, seed })) {
    p[i] = row.score;
    y[i] = row.liquidated;
    i++;
  }
  fs.writeFileSync(pFile, Buffer.from(p.buffer));
  fs.writeFileSync(yFile, Buffer.from(y.buffer));
  return { p, y, pFile, yFile };
}

/** Best of `repeats` wall-clock runs, in seconds (the first run also warms the JIT). */
export function bestOf(repeats: number, run: () => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    run();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}
