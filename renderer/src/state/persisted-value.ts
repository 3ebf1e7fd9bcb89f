import type { z } from 'zod';

/**
 * Reads a value this app stored in localStorage, checked against its schema. Storage is input
 * like any other: another version of the app, a hand edit or a full disk may have left anything
 * there, so whatever does not parse gives the fallback instead of breaking the app.
 */
export function readPersisted<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(key);
  } catch {
    return fallback;
  }
  if (raw === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Stores a value; a full or disabled storage only means the setting is not remembered. */
export function writePersisted(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembering a setting is no reason to interrupt the user.
  }
}
