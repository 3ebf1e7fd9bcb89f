/** The first day of the month nearest the middle of a time range: a sensible out-of-time split. */
export function middleMonth(min: number, max: number): number {
  const middle = new Date((min + max) / 2);
  return Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth() + (middle.getUTCDate() > 15 ? 1 : 0), 1);
}
