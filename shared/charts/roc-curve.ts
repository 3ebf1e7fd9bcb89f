/** Points of a ROC curve, thinned for drawing: never more than `maxPoints` whatever n is. */
export interface RocCurve {
  falsePositiveRate: number[];
  truePositiveRate: number[];
}

/**
 * Weighted ROC curve (Fawcett 2006, Pattern Recogn. Lett. 27:861) from rows sorted ascending by p:
 * thresholds run from the highest score down; tied scores form one step, so the curve is exact at
 * every kept point. Rows with a missing total of positives or negatives give an empty curve.
 */
export function rocCurveOfSorted(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  maxPoints = 201,
): RocCurve {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < p.length; i++) {
    const weight = w ? (w[i] as number) : 1;
    if (y[i] === 1) positives += weight;
    else negatives += weight;
  }
  if (positives <= 0 || negatives <= 0) return { falsePositiveRate: [], truePositiveRate: [] };
  const fpr: number[] = [0];
  const tpr: number[] = [0];
  let tp = 0;
  let fp = 0;
  let i = p.length - 1;
  while (i >= 0) {
    const threshold = p[i] as number;
    while (i >= 0 && p[i] === threshold) {
      const weight = w ? (w[i] as number) : 1;
      if (y[i] === 1) tp += weight;
      else fp += weight;
      i--;
    }
    fpr.push(fp / negatives);
    tpr.push(tp / positives);
  }
  return thin({ falsePositiveRate: fpr, truePositiveRate: tpr }, maxPoints);
}

/** Keeps the first, the last and evenly spaced points between: enough for a chart, exact where kept. */
function thin(curve: RocCurve, maxPoints: number): RocCurve {
  const n = curve.falsePositiveRate.length;
  if (n <= maxPoints) return curve;
  const falsePositiveRate: number[] = [];
  const truePositiveRate: number[] = [];
  for (let k = 0; k < maxPoints; k++) {
    const index = Math.round((k * (n - 1)) / (maxPoints - 1));
    falsePositiveRate.push(curve.falsePositiveRate[index] as number);
    truePositiveRate.push(curve.truePositiveRate[index] as number);
  }
  return { falsePositiveRate, truePositiveRate };
}
