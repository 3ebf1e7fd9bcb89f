/** Only the origin of a URL goes to the log: its path and query may carry data. */
export function originForLog(url: string | undefined): string {
  if (url === undefined) return 'no URL';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unreadable URL';
  }
}
