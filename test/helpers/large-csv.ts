import fs from 'node:fs';

/**
 * Writes a well-formed CSV of `rows` positions, large enough that importing it takes seconds
 * (for a test that cancels an import while it runs). Deterministic and quick to write.
 */
export async function writeLargePositionsCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('position_id,opened_at,asset,score,liquidated\n');
  const assets = ['BTC', 'ETH', 'SOL', 'XRP'];
  const block = 20_000;
  for (let start = 0; start < rows; start += block) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + block); i++) {
      const score = ((i * 7919) % 1000) / 1000;
      const day = 1 + (i % 28);
      text += `${i + 1},2024-03-${day < 10 ? '0' : ''}${day}T12:00:00Z,${assets[i % 4]},${score.toFixed(3)},${(i * 31) % 10 < score * 10 ? 1 : 0}\n`;
    }
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
