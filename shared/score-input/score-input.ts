import { z } from 'zod';

/**
 * How a raw score column is read as a probability of the event (docs/calibrators.md, "Score inputs"):
 * - probability: p = score, which must lie in [0, 1];
 * - logit: p = σ(score) = 1 / (1 + e^-score);
 * - points (credit-scorecard style): points = offset + factor · ln(odds), factor > 0, where the odds
 *   are those of the outcome that higher points stand for: of safety, (1 - p)/p, when
 *   'higher-is-safer'; of the event, p/(1 - p), when 'higher-is-riskier'. A scorecard given as
 *   "base points B at odds O, PDO points to double the odds" has factor = PDO / ln 2 and
 *   offset = B - factor · ln O.
 * The rule is stored with every fitted result, so it can be applied again, and inverted, exactly.
 */
export const ScoreInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('probability') }),
  z.strictObject({ kind: z.literal('logit') }),
  z.strictObject({
    kind: z.literal('points'),
    offset: z.number().finite(),
    factor: z.number().finite().positive(),
    direction: z.enum(['higher-is-safer', 'higher-is-riskier']),
  }),
]);
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

/** The rule in words and symbols, for reports and parameter files. */
export function describeScoreInput(input: ScoreInput): string {
  switch (input.kind) {
    case 'probability':
      return 'p = score';
    case 'logit':
      return 'p = 1 / (1 + exp(-score))';
    case 'points':
      return input.direction === 'higher-is-safer'
        ? `p = 1 / (1 + exp((score - ${input.offset}) / ${input.factor})), i.e. score = ${input.offset} + ${input.factor}·ln((1 - p)/p)`
        : `p = 1 / (1 + exp(-(score - ${input.offset}) / ${input.factor})), i.e. score = ${input.offset} + ${input.factor}·ln(p/(1 - p))`;
  }
}
