import { logit, sigmoid } from '../numeric/logistic';
import type { ScoreInput } from './score-input';
import { ScoreInputError } from './score-input-error';

/**
 * Raw scores to probabilities by the rule in `input` (see ScoreInputSchema). Throws ScoreInputError
 * for NaN, for a probability outside [0, 1], and for infinite points; a logit of ±Infinity is the
 * probability 1 or 0.
 */
export function toProbability(input: ScoreInput, raw: Float64Array): Float64Array {
  const n = raw.length;
  const out = new Float64Array(n);
  switch (input.kind) {
    case 'probability':
      for (let i = 0; i < n; i++) {
        const v = raw[i]!;
        if (!(v >= 0 && v <= 1))
          throw new ScoreInputError(i, `score at row ${i} is ${v}; a probability must be in [0, 1]`);
        out[i] = v;
      }
      return out;
    case 'logit':
      for (let i = 0; i < n; i++) {
        const v = raw[i]!;
        if (Number.isNaN(v))
          throw new ScoreInputError(i, `score at row ${i} is NaN; a logit must be a number`);
        out[i] = sigmoid(v);
      }
      return out;
    case 'points': {
      // ln(odds of the event) = ±(points - offset) / factor.
      const sign = input.direction === 'higher-is-safer' ? -1 : 1;
      const { offset, factor } = input;
      for (let i = 0; i < n; i++) {
        const v = raw[i]!;
        if (!Number.isFinite(v))
          throw new ScoreInputError(i, `score at row ${i} is ${v}; points must be finite`);
        out[i] = sigmoid((sign * (v - offset)) / factor);
      }
      return out;
    }
  }
}

/**
 * The inverse rule: probabilities back to raw scores. p = 0 and p = 1 give ±Infinity for logits and
 * points (they have no finite score). Round trips are exact up to rounding, except that σ saturates
 * to exactly 1 above a logit of about 36.7, where the probability no longer holds the score.
 */
export function fromProbability(input: ScoreInput, probabilities: Float64Array): Float64Array {
  const n = probabilities.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (!(p >= 0 && p <= 1))
      throw new ScoreInputError(i, `probability at row ${i} is ${p}; it must be in [0, 1]`);
  }
  switch (input.kind) {
    case 'probability':
      out.set(probabilities);
      return out;
    case 'logit':
      for (let i = 0; i < n; i++) out[i] = logit(probabilities[i]!);
      return out;
    case 'points': {
      const sign = input.direction === 'higher-is-safer' ? -1 : 1;
      const { offset, factor } = input;
      for (let i = 0; i < n; i++) out[i] = offset + sign * factor * logit(probabilities[i]!);
      return out;
    }
  }
}
