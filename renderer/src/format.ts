/**
 * Number and date formats shared by every view, so copied values look the same everywhere.
 * Everything is en-US with a plain minus and no locale surprises: analysts paste these numbers
 * into reports and spreadsheets.
 */
export const formatCount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export const formatPercent = (rate: number | null, digits = 2): string =>
  rate === null || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(digits)} %`;

/** A metric on its own scale with fixed decimals (Brier 0.0633, AUC 0.8006). */
export const formatDecimal = (value: number | null, digits = 4): string =>
  value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);

/** p-values: four decimals, and "< 0.0001" rather than a misleading 0.0000. */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  if (p < 0.0001) return '< 0.0001';
  return p.toFixed(4);
}

export const formatDate = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

export const formatDateTime = (epochMs: number): string =>
  `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const formatRange = (from: number | null, to: number | null): string =>
  from === null || to === null ? '—' : `${formatDate(from)} – ${formatDate(to)}`;

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

/** The first characters of a hash, enough to tell files apart at a glance. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);
