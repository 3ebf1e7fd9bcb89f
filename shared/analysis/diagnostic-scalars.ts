import type { Diagnostic } from '../metrics/diagnostic-schema';

/**
 * Every scalar metric of a diagnostic keyed by its JSON path ("brier", "rms.Emax", ...): what a
 * bootstrap resamples and what the `ci` object of `scorecal evaluate --json` is keyed by.
 * Counts (n, positives) and the reliability bins are not resampled.
 */
export function diagnosticScalars(diagnostic: Diagnostic): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const visit = (prefix: string, value: unknown) => {
    if (typeof value === 'number' || value === null) {
      out[prefix] = value;
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) visit(prefix ? `${prefix}.${key}` : key, inner);
    }
  };
  const { n: _n, positives: _positives, reliability: _reliability, ...scalars } = diagnostic;
  visit('', scalars);
  delete out['hosmerLemeshow.df'];
  return out;
}
