import { isMissingText } from './missing-tokens';

const TRUE_TEXTS = new Set(['1', 'true', 't', 'yes', 'y', '1.0']);
const FALSE_TEXTS = new Set(['0', 'false', 'f', 'no', 'n', '0.0']);

/** 1, 0, NaN for missing, or null when the text is not a yes/no answer. */
export function parseBooleanText(text: string): number | null {
  if (isMissingText(text)) return NaN;
  const t = text.trim().toLowerCase();
  if (TRUE_TEXTS.has(t)) return 1;
  if (FALSE_TEXTS.has(t)) return 0;
  return null;
}

export function looksBoolean(text: string): boolean {
  return parseBooleanText(text) !== null;
}
