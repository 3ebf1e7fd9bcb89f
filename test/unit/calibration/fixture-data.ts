import fixtures from '../../fixtures/calibration/calibration-fixtures.json';
import type { CalibrationData } from '../../../shared/calibration/calibration-data';

/** One dataset of calibration-fixtures.json (written by test/fixtures/calibration/make_fixtures.py). */
export interface FixtureDataset {
  name: string;
  p: number[];
  y: number[];
  w: number[] | null;
  grid: number[];
  platt: { labels?: { intercept: number; slope: number }; platt?: { intercept: number; slope: number } };
  temperature: { temperature: number } | null;
  beta: { a: number; b: number; c: number; variant: string } | null;
  isotonic: { x: number[]; y: number[]; on_grid: number[]; on_data: number[] };
  baseRate: Record<string, { target: number; shift: number }>;
  histogram: {
    bins: number;
    binning: 'uniform' | 'quantile';
    prior: { alpha: number; beta: number } | null;
    edges: number[];
    probabilities: number[];
    binWeights: number[];
    binEventWeights: number[];
  }[];
  vennAbers?: { p0: number[]; p1: number[] };
}

export const datasets = fixtures.datasets as unknown as FixtureDataset[];

export function dataset(name: string): FixtureDataset {
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`no fixture dataset ${name}`);
  return found;
}

export function calibrationData(d: FixtureDataset): CalibrationData {
  return {
    p: Float64Array.from(d.p),
    y: Uint8Array.from(d.y),
    w: d.w ? Float64Array.from(d.w) : undefined,
  };
}
