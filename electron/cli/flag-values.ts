import { CliFailure } from './cli-failure';
import { EXIT_USAGE } from './cli-io';

/** An integer option within [min, max]; anything else is a usage error naming the option. */
export function integerFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliFailure(`${name} must be an integer from ${min} to ${max} (got "${value}")`, EXIT_USAGE);
  }
  return n;
}

/** An ISO 8601 date or date-time, read as UTC when it names no zone. */
export function dateFlag(name: string, value: string): number {
  const withZone = /T/.test(value) && !/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? `${value}Z` : value;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(withZone) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CliFailure(`${name} must be an ISO 8601 date such as 2024-07-01 (got "${value}")`, EXIT_USAGE);
  }
  return ms;
}

/** A metric in a table: fixed digits, an em dash where it is undefined. */
export const formatMetric = (x: number | null | undefined, digits = 4): string =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
