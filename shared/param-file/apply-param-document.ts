import { applySegmentedPlatt } from '../analysis/segment-shrinkage';
import { applyCalibration } from '../calibration/registry';
import { applyVennAbersInterval } from '../calibration/venn-abers';
import { toProbability } from '../score-input/score-conversion';
import type { ParamDocumentBody } from './param-file-schema';
import { ScriptFileError } from './script-file-error';

export interface AppliedScores {
  /** The score read as a probability by the file's score rule (the map's input). */
  raw: Float64Array;
  /** Calibrated probability. */
  p: Float64Array;
  /** Venn-ABERS only: the lower and upper probability of the interval. */
  p0?: Float64Array;
  p1?: Float64Array;
}

/** A segmented file was applied without the segment of each row. */
export class MissingSegmentsError extends Error {
  constructor(readonly column: string) {
    super(`a segmented-platt file needs the segment (column "${column}") of every row`);
    this.name = 'MissingSegmentsError';
  }
}

/**
 * What a production engine does with a parameter file: read each raw score by `scoreInput`, then
 * apply the fitted map (docs/parameter-file.md). Throws ScoreInputError / CalibrationInputError
 * (with the row) for a score the rule cannot read, and ScriptFileError for a script file (its
 * formula runs only in the workbench's sandbox).
 *
 * `segments` holds each row's label in the column `params.column` (null when missing); only a
 * `segmented-platt` file reads it, and such a file refuses to run without it, because silently
 * scoring every row with the global map would hide a missing column.
 */
export function applyParamDocument(
  document: ParamDocumentBody,
  rawScores: Float64Array,
  segments?: readonly (string | null)[],
): AppliedScores {
  const params = document.params;
  if (params.method === 'script') throw new ScriptFileError('This parameter file');
  const raw = toProbability(document.scoreInput, rawScores);
  if (params.method === 'segmented-platt') {
    if (!segments) throw new MissingSegmentsError(params.column);
    if (segments.length !== raw.length) {
      throw new RangeError(`${segments.length} segment labels for ${raw.length} scores`);
    }
    return { raw, p: applySegmentedParams(params, raw, segments) };
  }
  if (params.method === 'venn-abers') {
    const interval = applyVennAbersInterval(params, raw);
    return { raw, p: interval.p, p0: interval.p0, p1: interval.p1 };
  }
  return { raw, p: applyCalibration(params, raw) };
}

/**
 * Each row through its segment's Platt map, or the global map when the segment has none of its own
 * (too few events at fitting, a segment new since then, or a missing label): the engine's own
 * segmented calibrator, so a file gives exactly the numbers the fit reported.
 */
export const applySegmentedParams = applySegmentedPlatt;
