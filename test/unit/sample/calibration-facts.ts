import type { ParsedPosition } from './sample-csv-reader';

export interface GroupFacts {
  rows: number;
  positives: number;
  baseRate: number;
  meanScore: number;
  /** Observed over expected: positives / Σ score. */
  observedOverExpected: number;
}

export interface CalibrationFacts {
  overall: GroupFacts;
  calm: GroupFacts;
  stressed: GroupFacts;
  byMonth: Map<string, GroupFacts>;
  byAsset: Map<string, GroupFacts>;
  bySide: Map<string, GroupFacts>;
}

/** The numbers resources/samples/README.md quotes, computed straight from parsed rows. */
export function calibrationFacts(
  positions: ParsedPosition[],
  stressedMonths: readonly string[],
): CalibrationFacts {
  const stressed = new Set(stressedMonths);
  const overall = new Accumulator();
  const calmGroup = new Accumulator();
  const stressedGroup = new Accumulator();
  const byMonth = new Map<string, Accumulator>();
  const byAsset = new Map<string, Accumulator>();
  const bySide = new Map<string, Accumulator>();
  const into = (groups: Map<string, Accumulator>, key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Accumulator()));
    return group;
  };
  for (const position of positions) {
    const month = position.openedAt.slice(0, 7);
    for (const group of [
      overall,
      stressed.has(month) ? stressedGroup : calmGroup,
      into(byMonth, month),
      into(byAsset, position.asset),
      into(bySide, position.side),
    ]) {
      group.add(position);
    }
  }
  const finish = (groups: Map<string, Accumulator>) =>
    new Map([...groups].map(([key, group]) => [key, group.facts()] as const));
  return {
    overall: overall.facts(),
    calm: calmGroup.facts(),
    stressed: stressedGroup.facts(),
    byMonth: finish(byMonth),
    byAsset: finish(byAsset),
    bySide: finish(bySide),
  };
}

class Accumulator {
  private rows = 0;
  private positives = 0;
  private scoreSum = 0;

  add(position: ParsedPosition): void {
    this.rows += 1;
    this.positives += position.liquidated;
    this.scoreSum += position.score;
  }

  facts(): GroupFacts {
    return {
      rows: this.rows,
      positives: this.positives,
      baseRate: this.positives / this.rows,
      meanScore: this.scoreSum / this.rows,
      observedOverExpected: this.positives / this.scoreSum,
    };
  }
}
