/** Weighted counts of predicted probabilities per uniform bin, split by outcome. */
export interface ScoreHistogram {
  edges: number[];
  events: number[];
  nonEvents: number[];
}

/** Uniform bins on [0, 1]: [lo, hi) with the last bin closed, as the reliability bins are. */
export function scoreHistogram(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  bins = 50,
): ScoreHistogram {
  const events = new Array<number>(bins).fill(0);
  const nonEvents = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const bin = Math.min(bins - 1, Math.floor((p[i] as number) * bins));
    const weight = w ? (w[i] as number) : 1;
    if (y[i] === 1) events[bin] = (events[bin] as number) + weight;
    else nonEvents[bin] = (nonEvents[bin] as number) + weight;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => k / bins);
  return { edges, events, nonEvents };
}
