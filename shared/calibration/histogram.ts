import { z } from 'zod';
import { type CalibrationData, prepareCalibrationData, requireProbabilities } from './calibration-data';
import { type Calibrator, parseOptions, parseParams } from './calibrator';

/**
 * Histogram binning (Zadrozny & Elkan 2001): the calibrated probability of a score is the weighted
 * event rate of its bin, optionally the posterior mean under a Beta(α, β) prior,
 * (Σ w·y + α) / (Σ w + α + β). Bins are uniform on [0, 1] or at quantiles of the scores.
 */
export const HistogramOptionsSchema = z.strictObject({
  bins: z.int().min(1).max(100_000).default(10),
  binning: z.enum(['uniform', 'quantile']).default('uniform'),
  /** Beta prior pseudo-counts: α events and β non-events added to every bin. */
  prior: z.strictObject({ alpha: z.number().min(0), beta: z.number().min(0) }).optional(),
});
export type HistogramOptions = z.infer<typeof HistogramOptionsSchema>;

export const HistogramParamsSchema = z
  .strictObject({
    method: z.literal('histogram'),
    /** Bin edges, non-decreasing, length = bins + 1; only the interior ones matter to apply. */
    edges: z.array(z.number().min(0).max(1)).min(2),
    /** Calibrated probability of each bin. */
    probabilities: z.array(z.number().min(0).max(1)).min(1),
    /** Total weight and weight of events per bin (provenance; apply does not need them). */
    binWeights: z.array(z.number().min(0)),
    binEventWeights: z.array(z.number().min(0)),
  })
  .refine((params) => params.edges.length === params.probabilities.length + 1, {
    message: 'edges must have one more entry than probabilities',
  });
export type HistogramParams = z.infer<typeof HistogramParamsSchema>;

export const histogramCalibrator: Calibrator<
  HistogramOptions,
  HistogramParams,
  z.input<typeof HistogramOptionsSchema>
> = {
  method: 'histogram',
  optionsSchema: HistogramOptionsSchema,
  paramsSchema: HistogramParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof HistogramOptionsSchema>): HistogramParams {
    const { bins, binning, prior } = parseOptions(HistogramOptionsSchema, options, 'histogram');
    const data = prepareCalibrationData(input, 'histogram');
    const edges = binning === 'uniform' ? uniformEdges(bins) : quantileEdges(data.p, bins);
    const interior = Float64Array.from(edges.slice(1, -1));
    const count = edges.length - 1;
    const binWeights = new Float64Array(count);
    const binEventWeights = new Float64Array(count);
    for (let i = 0; i < data.n; i++) {
      const b = binIndex(interior, data.p[i]!);
      const w = data.w ? data.w[i]! : 1;
      binWeights[b]! += w;
      if (data.y[i]) binEventWeights[b]! += w;
    }
    const alpha = prior?.alpha ?? 0;
    const beta = prior?.beta ?? 0;
    const overallRate = data.sumPositiveWeights / data.sumWeights;
    const probabilities = Array.from(binWeights, (w, b) =>
      // An empty bin without a prior has no rate of its own: it takes the overall event rate.
      w + alpha + beta > 0 ? (binEventWeights[b]! + alpha) / (w + alpha + beta) : overallRate,
    );
    return {
      method: 'histogram',
      edges,
      probabilities,
      binWeights: Array.from(binWeights),
      binEventWeights: Array.from(binEventWeights),
    };
  },
  apply(params: HistogramParams, probabilities: Float64Array): Float64Array {
    const checked = parseParams(HistogramParamsSchema, params, 'histogram');
    requireProbabilities(probabilities, 'histogram');
    const interior = Float64Array.from(checked.edges.slice(1, -1));
    const binProbabilities = Float64Array.from(checked.probabilities);
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++) out[i] = binProbabilities[binIndex(interior, probabilities[i]!)]!;
    return out;
  },
};

/** Number of interior edges strictly below v: bins are (e_k, e_k+1], the first one closed (NumPy searchsorted 'left'). */
function binIndex(interior: Float64Array, v: number): number {
  let lo = 0;
  let hi = interior.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (interior[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** k / bins for k = 0..bins (each edge a correctly rounded division). */
function uniformEdges(bins: number): number[] {
  return Array.from({ length: bins + 1 }, (_, k) => k / bins);
}

/**
 * Edges at the quantiles k / bins of the scores of rows with positive weight (unweighted), computed
 * exactly as NumPy's default 'linear' method does; repeated edges (from tied scores) are merged, so
 * there may be fewer bins than asked for. A single distinct score gives one bin [s, s].
 */
function quantileEdges(p: Float64Array, bins: number): number[] {
  const sorted = p.slice().sort();
  const n = sorted.length;
  const edges: number[] = [];
  for (let k = 0; k <= bins; k++) {
    const q = k / bins;
    const edge = numpyLinearQuantile(sorted, n, q);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  if (edges.length === 1) edges.push(edges[0]!);
  return edges;
}

/** NumPy's default 'linear' quantile: virtual index (n - 1)·q, lerp written as NumPy writes it. */
function numpyLinearQuantile(sorted: Float64Array, n: number, q: number): number {
  const virtualIndex = (n - 1) * q;
  const below = Math.min(Math.max(Math.floor(virtualIndex), 0), n - 1);
  const above = Math.min(below + 1, n - 1);
  const gamma = virtualIndex - Math.floor(virtualIndex);
  const a = sorted[below]!;
  const b = sorted[above]!;
  const difference = b - a;
  return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
}
