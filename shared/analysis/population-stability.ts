import { binIndex } from '../metrics/bins';
import { quantilesOfSorted } from '../statistics/quantile';

/** Share floor for an empty bin, so that ln(a/e) stays finite (a common PSI convention). */
export const PSI_EMPTY_SHARE = 1e-4;

/** Decile edges (type 7) of the reference scores; repeated edges merge into fewer bins. */
export function psiEdges(reference: Float64Array, bins = 10): Float64Array {
  const sorted = Float64Array.from(reference).sort();
  const probs = Array.from({ length: bins + 1 }, (_, k) => k / bins);
  const edges = [...new Set(quantilesOfSorted(sorted, probs))];
  if (edges.length === 1) edges.push(edges[0] as number);
  return Float64Array.from(edges);
}

/** Weighted share of rows per bin. */
export function binShares(p: Float64Array, edges: Float64Array, w?: Float64Array): Float64Array {
  const shares = new Float64Array(edges.length - 1);
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = w ? (w[i] as number) : 1;
    const b = binIndex(edges, p[i] as number);
    shares[b] = (shares[b] as number) + wi;
    total += wi;
  }
  if (total > 0) for (let b = 0; b < shares.length; b++) shares[b] = (shares[b] as number) / total;
  return shares;
}

/**
 * Population stability index Σ (a - e) ln(a / e) of actual shares a against expected shares e
 * (Siddiqi 2006, Credit Risk Scorecards, ch. 9); empty bins count as PSI_EMPTY_SHARE.
 */
export function populationStabilityIndex(expected: Float64Array, actual: Float64Array): number {
  let psi = 0;
  for (let b = 0; b < expected.length; b++) {
    const e = Math.max(expected[b] as number, PSI_EMPTY_SHARE);
    const a = Math.max(actual[b] as number, PSI_EMPTY_SHARE);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}
