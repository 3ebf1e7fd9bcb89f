import { describe, expect, it } from 'vitest';
import { fromProbability, toProbability } from '../../../shared/score-input/score-conversion';
import { ScoreInputSchema, type ScoreInput } from '../../../shared/score-input/score-input';
import { ScoreInputError } from '../../../shared/score-input/score-input-error';
import { expectRelativeClose } from './expect-close';

const scorecard: ScoreInput = {
  kind: 'points',
  offset: 600 - (20 / Math.LN2) * Math.log(50),
  factor: 20 / Math.LN2,
  direction: 'higher-is-safer',
};

describe('score inputs', () => {
  it('reads a scorecard: 600 points at 50:1 good:bad odds, 20 points to double the odds', () => {
    const p = toProbability(scorecard, Float64Array.from([600, 620, 580]));
    expectRelativeClose(p[0]!, 1 / 51, 1e-13, '600 points');
    expectRelativeClose(p[1]!, 1 / 101, 1e-13, '620 points');
    expectRelativeClose(p[2]!, 1 / 26, 1e-13, '580 points');
  });

  it('reads higher-is-riskier points as log-odds of the event', () => {
    const input: ScoreInput = { kind: 'points', offset: 10, factor: 2, direction: 'higher-is-riskier' };
    const p = toProbability(input, Float64Array.from([10, 12]));
    expect(p[0]).toBe(0.5);
    expectRelativeClose(p[1]!, 1 / (1 + Math.exp(-1)), 1e-15, '12 points');
  });

  it('reads logits, including ±Infinity as 0 and 1', () => {
    expect(Array.from(toProbability({ kind: 'logit' }, Float64Array.from([0, -Infinity, Infinity])))).toEqual(
      [0.5, 0, 1],
    );
  });

  const inputs: ScoreInput[] = [
    { kind: 'probability' },
    { kind: 'logit' },
    scorecard,
    { kind: 'points', offset: -3, factor: 0.5, direction: 'higher-is-riskier' },
  ];
  for (const input of inputs) {
    it(`round-trips ${JSON.stringify(input)}`, () => {
      const probabilities = Float64Array.from([1e-12, 0.001, 0.2, 0.5, 0.77, 0.999, 1 - 1e-9]);
      const again = toProbability(input, fromProbability(input, probabilities));
      for (let i = 0; i < probabilities.length; i++)
        expectRelativeClose(again[i]!, probabilities[i]!, 1e-12, `p ${i}`);
      // Scores round-trip as long as the probability still resolves them: logits up to about 10
      // (beyond, 1 - p keeps too few digits); far into the negative side there is no such limit.
      const logits = Float64Array.from([-700, -30, -5, -0.1, 0, 0.3, 4, 10]);
      const raw = fromProbability(input, toProbability({ kind: 'logit' }, logits));
      const back = fromProbability(input, toProbability(input, raw));
      for (let i = 0; i < raw.length; i++) expectRelativeClose(back[i]!, raw[i]!, 1e-9, `score ${i}`);
    });
  }

  it('refuses NaN, probabilities outside [0, 1] and infinite points, naming the row', () => {
    expect(() => toProbability({ kind: 'probability' }, Float64Array.from([0.2, 1.5]))).toThrow(
      /row 1 is 1.5/,
    );
    expect(() => toProbability({ kind: 'logit' }, Float64Array.from([NaN]))).toThrow(ScoreInputError);
    expect(() => toProbability(scorecard, Float64Array.from([1, Infinity]))).toThrow(/row 1/);
  });

  it('validates the rule itself', () => {
    expect(
      ScoreInputSchema.safeParse({ kind: 'points', offset: 0, factor: -1, direction: 'higher-is-safer' })
        .success,
    ).toBe(false);
    expect(ScoreInputSchema.safeParse({ kind: 'points', offset: 0, factor: 1 }).success).toBe(false);
    expect(ScoreInputSchema.safeParse({ kind: 'logit' }).success).toBe(true);
  });
});
