import { logit, sigmoid } from '../numeric/logistic';
import { normalCdf } from '../statistics/normal';

/** The `stats` helpers every script sees (declared in script-api-declarations.ts). Frozen: a script cannot swap them. */
export const scriptStats = Object.freeze({
  normalCdf,
  logistic: sigmoid,
  logit,
  clamp(x: number, lower: number, upper: number): number {
    return x < lower ? lower : x > upper ? upper : x;
  },
});
