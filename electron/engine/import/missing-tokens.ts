/**
 * Cell texts read as a missing value rather than as data (pandas' defaults, less the odd ones).
 * Compared after trimming spaces.
 */
const MISSING_TOKENS = new Set([
  '',
  'NA',
  'N/A',
  'n/a',
  'na',
  'NaN',
  'nan',
  '-nan',
  'NULL',
  'null',
  'Null',
  'None',
  'none',
  '#N/A',
  '#NA',
  '<NA>',
  'nil',
]);

export function isMissingText(text: string): boolean {
  return MISSING_TOKENS.has(text) || MISSING_TOKENS.has(text.trim());
}
