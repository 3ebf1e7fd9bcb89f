import { z } from 'zod';
import { plattCalibrator, PlattParamsSchema, type PlattParams } from '../calibration/platt';
import { sigmoid } from '../numeric/logistic';
import { clippedLogit } from '../numeric/probability-clipping';
import { gatherRows, rowsByGroup } from './group-calibration';

/**
 * Per-segment Platt maps shrunk toward the global map (partial pooling). Each segment with at
 * least `minEvents` events and non-events gets its own maximum-likelihood (a, b) with standard
 * errors from the Fisher information; the between-segment variance τ² of each coefficient is
 * estimated by DerSimonian & Laird (1986, Control. Clin. Trials 7:177), and a segment's estimate
 * moves toward the global one by λ = τ² / (τ² + se²): small or noisy segments stay near global.
 */
export const SegmentedPlattParamsSchema = z.strictObject({
  method: z.literal('segmented-platt'),
  /** The category column that selects a segment's map. */
  column: z.string().min(1),
  minEvents: z.number().int().nonnegative(),
  global: PlattParamsSchema,
  /** Maps of the segments that earned one; any other value (or a new segment) uses `global`. */
  segments: z.record(z.string(), PlattParamsSchema),
});
export type SegmentedPlattParams = z.infer<typeof SegmentedPlattParamsSchema>;

export interface SegmentFit {
  label: string;
  n: number;
  events: number;
  /** 'own' when the segment had enough events for its own (shrunk) map. */
  map: 'own' | 'global';
  raw: { intercept: number; slope: number; interceptSe: number; slopeSe: number } | null;
  shrinkage: { intercept: number; slope: number } | null;
  params: PlattParams;
}

export interface SegmentedFit {
  params: SegmentedPlattParams;
  segments: SegmentFit[];
  tau2: { intercept: number; slope: number };
}

interface Rows {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
}

export function fitSegmentedPlatt(
  data: Rows,
  segmentOf: Int32Array,
  labels: readonly string[],
  column: string,
  minEvents: number,
): SegmentedFit {
  const global = plattCalibrator.fit(data);
  const members = rowsByGroup(segmentOf, labels.length);
  const estimates = labels.map((label, s) => {
    const slice = gatherRows(data, members[s] as Uint32Array);
    let events = 0;
    let weight = 0;
    for (let i = 0; i < slice.p.length; i++) {
      const wi = slice.w ? (slice.w[i] as number) : 1;
      weight += wi;
      events += wi * (slice.y[i] as number);
    }
    const enough = events >= minEvents && weight - events >= minEvents;
    let raw: SegmentFit['raw'] = null;
    if (enough) {
      try {
        const fit = plattCalibrator.fit(slice);
        const se = plattStandardErrors(slice, fit);
        if (se) raw = { intercept: fit.intercept, slope: fit.slope, interceptSe: se[0], slopeSe: se[1] };
      } catch {
        // A segment the fit cannot handle (one distinct score, separation) keeps the global map.
        raw = null;
      }
    }
    return { label, n: slice.p.length, events, raw };
  });
  const own = estimates.filter((e) => e.raw !== null);
  const tau2 = {
    intercept: dersimonianLaird(own.map((e) => [e.raw!.intercept, e.raw!.interceptSe])),
    slope: dersimonianLaird(own.map((e) => [e.raw!.slope, e.raw!.slopeSe])),
  };
  const segments: SegmentFit[] = estimates.map((e) => {
    if (!e.raw)
      return {
        label: e.label,
        n: e.n,
        events: e.events,
        map: 'global',
        raw: null,
        shrinkage: null,
        params: global,
      };
    const lambdaA = tau2.intercept / (tau2.intercept + e.raw.interceptSe ** 2);
    const lambdaB = tau2.slope / (tau2.slope + e.raw.slopeSe ** 2);
    return {
      label: e.label,
      n: e.n,
      events: e.events,
      map: 'own',
      raw: e.raw,
      shrinkage: { intercept: lambdaA, slope: lambdaB },
      params: {
        method: 'platt',
        targets: global.targets,
        intercept: global.intercept + lambdaA * (e.raw.intercept - global.intercept),
        slope: global.slope + lambdaB * (e.raw.slope - global.slope),
      },
    };
  });
  return {
    params: {
      method: 'segmented-platt',
      column,
      minEvents,
      global,
      segments: Object.fromEntries(segments.filter((s) => s.map === 'own').map((s) => [s.label, s.params])),
    },
    segments,
    tau2,
  };
}

/** Calibrated probabilities: each row through its segment's map, or the global one. */
export function applySegmentedPlatt(
  params: SegmentedPlattParams,
  probabilities: Float64Array,
  segmentLabels: readonly (string | null)[],
): Float64Array {
  const out = new Float64Array(probabilities.length);
  for (let i = 0; i < out.length; i++) {
    const label = segmentLabels[i];
    // An own-property test: a label such as "constructor" must not find Object.prototype's member.
    const map =
      label !== null && label !== undefined && Object.prototype.hasOwnProperty.call(params.segments, label)
        ? (params.segments[label] as PlattParams)
        : params.global;
    out[i] = sigmoid(map.intercept + map.slope * clippedLogit(probabilities[i] as number));
  }
  return out;
}

/** Standard errors of (a, b) from the inverse Fisher information Σ w p(1-p) [1 x; x x²]. */
function plattStandardErrors(rows: Rows, params: PlattParams): [number, number] | null {
  let i00 = 0;
  let i01 = 0;
  let i11 = 0;
  for (let i = 0; i < rows.p.length; i++) {
    const x = clippedLogit(rows.p[i] as number);
    const q = sigmoid(params.intercept + params.slope * x);
    const v = (rows.w ? (rows.w[i] as number) : 1) * q * (1 - q);
    i00 += v;
    i01 += v * x;
    i11 += v * x * x;
  }
  const det = i00 * i11 - i01 * i01;
  if (!(det > 0)) return null;
  return [Math.sqrt(i11 / det), Math.sqrt(i00 / det)];
}

/** DerSimonian–Laird moment estimate of the between-group variance from (estimate, se) pairs. */
function dersimonianLaird(pairs: Array<[number, number]>): number {
  if (pairs.length < 2) return 0;
  let sw = 0;
  let sw2 = 0;
  let swx = 0;
  for (const [x, se] of pairs) {
    const w = 1 / (se * se);
    sw += w;
    sw2 += w * w;
    swx += w * x;
  }
  const mean = swx / sw;
  let q = 0;
  for (const [x, se] of pairs) q += ((x - mean) * (x - mean)) / (se * se);
  return Math.max(0, (q - (pairs.length - 1)) / (sw - sw2 / sw));
}
