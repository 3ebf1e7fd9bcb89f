import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../../fixtures/metrics/', import.meta.url));

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as T;
}

export interface RawDataset {
  p: number[];
  y: number[];
  w: number[] | null;
}

export interface Dataset {
  name: string;
  p: Float64Array;
  y: Uint8Array;
  w: Float64Array | undefined;
}

export const rawDatasets = readJson<Record<string, RawDataset>>('datasets.json');

export function dataset(name: string): Dataset {
  const raw = rawDatasets[name];
  if (!raw) throw new Error(`no fixture dataset ${name}`);
  return {
    name,
    p: Float64Array.from(raw.p),
    y: Uint8Array.from(raw.y),
    w: raw.w ? Float64Array.from(raw.w) : undefined,
  };
}

export const datasetNames = Object.keys(rawDatasets);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const pythonReference: Json = readJson('python-reference.json');
export const rmsReference: Json = readJson('rms-reference.json');

/** Relative tolerance for closed-form metrics. */
export const CLOSED_FORM = 1e-9;
/** Relative tolerance for fitted parameters and p-values. */
export const FITTED = 1e-6;

/**
 * |actual - expected| <= tol * max(|expected|, floor): relative, with an absolute floor so that
 * values that are zero in exact arithmetic compare sensibly. Nulls must match exactly.
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  tol: number,
  label = '',
  floor = 1e-12,
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  const error = Math.abs((actual as number) - expected);
  const bound = tol * Math.max(Math.abs(expected), floor);
  if (!(error <= bound)) {
    throw new Error(`${label}: expected ${expected}, got ${actual} (error ${error}, allowed ${bound})`);
  }
}
