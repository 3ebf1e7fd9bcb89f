/**
 * A fitted parameter or its standard error: five significant digits, whatever its scale (an
 * intercept of −3.2147 and a slope of 0.00041236 both read well); plain minus for pasting.
 */
export function formatParam(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e7) return String(Number(value.toPrecision(5)));
  return value.toExponential(4);
}

/** A bound as written in the script; an absent bound is unbounded. */
export function formatBounds(lower: number | null, upper: number | null): string {
  if (lower === null && upper === null) return 'none';
  return `${lower === null ? '(−∞' : `[${formatParam(lower)}`}, ${upper === null ? '∞)' : `${formatParam(upper)}]`}`;
}
