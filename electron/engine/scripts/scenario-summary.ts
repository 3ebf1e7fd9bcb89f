import type Database from 'better-sqlite3';
import type { ScenarioReport, ScenarioRow } from '../../../shared/scripting/scenario-report';
import { readColumn } from '../store/read-column';
import { readDictionary } from '../store/read-dictionary';
import type { ScriptRows } from './script-selection';

/** How a row without a segment value is labelled in the per-segment tables. */
export const MISSING_SEGMENT_LABEL = '(missing)';

export interface ScenarioInput {
  name: string;
  y: Uint8Array;
  w: Float64Array | undefined;
  /** The script's probability per used row, as the row is and as the scenario transformed it. */
  baseline: Float64Array;
  stressed: Float64Array;
  /** Per segment column: the category code of each used row (-1 missing) and the labels they index. */
  segments: Array<{ column: string; codes: Int32Array; labels: readonly string[] }>;
}

/** Running sums of one group: rows, Σw, Σw·y, Σw·p_baseline, Σw·p_stressed. */
class GroupSums {
  n = 0;
  weight = 0;
  observed = 0;
  baseline = 0;
  stressed = 0;

  add(w: number, y: number, baseline: number, stressed: number): void {
    this.n++;
    this.weight += w;
    this.observed += w * y;
    this.baseline += w * baseline;
    this.stressed += w * stressed;
  }

  row(segment: string): ScenarioRow {
    const rate = (events: number) => (this.weight > 0 ? events / this.weight : null);
    return {
      segment,
      n: this.n,
      observedEvents: this.observed,
      baselineEvents: this.baseline,
      stressedEvents: this.stressed,
      observedRate: rate(this.observed),
      baselineRate: rate(this.baseline),
      stressedRate: rate(this.stressed),
      ratio: this.baseline > 0 ? this.stressed / this.baseline : null,
    };
  }
}

/**
 * The scenario's effect on expected events, overall and per segment value: expected events E = Σ wᵢ pᵢ
 * (wᵢ = 1 without weights) under the baseline and the stressed rows, observed events Σ wᵢ yᵢ, rates
 * E / Σ wᵢ, and ratio E_stressed / E_baseline. Segments are listed in dictionary order (values without
 * rows left out), then the rows without a value, if any.
 */
export function scenarioReport(input: ScenarioInput): ScenarioReport {
  const { y, w, baseline, stressed } = input;
  const overall = new GroupSums();
  for (let i = 0; i < y.length; i++) overall.add(w ? w[i]! : 1, y[i]!, baseline[i]!, stressed[i]!);
  const bySegment = input.segments.map(({ column, codes, labels }) => {
    const groups = Array.from({ length: labels.length }, () => new GroupSums());
    const missing = new GroupSums();
    for (let i = 0; i < y.length; i++) {
      const code = codes[i]!;
      const group = code >= 0 && code < labels.length ? groups[code]! : missing;
      group.add(w ? w[i]! : 1, y[i]!, baseline[i]!, stressed[i]!);
    }
    const rows = groups.flatMap((group, code) => (group.n > 0 ? [group.row(labels[code]!)] : []));
    if (missing.n > 0) rows.push(missing.row(MISSING_SEGMENT_LABEL));
    return { column, rows };
  });
  return { name: input.name, overall: overall.row('all'), bySegment };
}

/** Each segment-role category column's codes on the used rows, with its labels. */
export function segmentCodes(db: Database.Database, rows: ScriptRows): ScenarioInput['segments'] {
  const id = rows.details.summary.id;
  return rows.details.columns
    .filter((column) => column.role === 'segment' && column.kind === 'category')
    .map((column) => {
      const stored = readColumn(db, id, column.name) as Int32Array;
      const codes = Int32Array.from(rows.rowIndex, (row) => stored[row]!);
      return { column: column.name, codes, labels: readDictionary(db, id, column.name) };
    });
}
