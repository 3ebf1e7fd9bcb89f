import type Database from 'better-sqlite3';

/**
 * `base` when no model has that name, else the first free "base (2)", "base (3)", …: a default name
 * must never make saving fail (a name the user typed still may, as a conflict).
 */
export function uniqueModelName(db: Database.Database, base: string): string {
  const taken = new Set(
    db
      .prepare("SELECT name FROM models WHERE name = ? OR name LIKE ? ESCAPE '\\'")
      .pluck()
      .all(base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)} (%)`) as string[],
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
