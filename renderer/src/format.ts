/** Number and date formats shared by every view, so copied values look the same everywhere. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const formatPercent = (rate: number | null, digits = 2): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(digits)} %`;

export const formatDate = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

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
