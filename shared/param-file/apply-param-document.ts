import { applyCalibration } from '../calibration/registry';
import { applyVennAbersInterval } from '../calibration/venn-abers';
import { toProbability } from '../score-input/score-conversion';
import type { ParamDocumentBody } from './param-file-schema';

export interface AppliedScores {
  /** The score read as a probability by the file's score rule (the map's input). */
  raw: Float64Array;
  /** Calibrated probability. */
  p: Float64Array;
  /** Venn-ABERS only: the lower and upper probability of the interval. */
  p0?: Float64Array;
  p1?: Float64Array;
}

/**
 * What a production engine does with a parameter file: read each raw score by `scoreInput`, then
 * apply the fitted map (docs/parameter-file.md). Throws ScoreInputError / CalibrationInputError
 * (with the row) for a score the rule cannot read.
 */
export function applyParamDocument(document: ParamDocumentBody, rawScores: Float64Array): AppliedScores {
  const raw = toProbability(document.scoreInput, rawScores);
  if (document.params.method === 'venn-abers') {
    const interval = applyVennAbersInterval(document.params, raw);
    return { raw, p: interval.p, p0: interval.p0, p1: interval.p1 };
  }
  return { raw, p: applyCalibration(document.params, raw) };
}
