import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stratifiedHoldout } from '../../../shared/analysis/validation-splits';
import { ScriptDataSchema } from '../../../shared/scripting/script-data';
import type { Progress } from '../../../shared/api/progress';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';
import {
  columnOf,
  decodeF64,
  decodeI32,
  decodeU8,
  emptyEngine,
  importSmall,
  type SmallEngine,
} from './script-test-kit';

let small: SmallEngine;
let smallId: number;
let sample: SampleEngine;

beforeAll(async () => {
  small = emptyEngine();
  smallId = await importSmall(small);
  sample = await sampleEngine();
}, 120_000);
afterAll(() => {
  small?.close();
  sample?.close();
});

const FEB_2024 = Date.UTC(2024, 1, 1);
const labelsOf = (column: { values: unknown; dictionary: string[] | null }, codes: Int32Array) =>
  Array.from(codes, (code) => (code < 0 ? null : column.dictionary![code]));

describe('scripts.data', () => {
  it('encodes every column kind on the used rows, with missing values as the schema says', async () => {
    const data = await small.client.call('scripts.data', {
      dataset: { id: smallId },
      outcomeColumn: 'y',
      validation: { scheme: 'none' },
      columns: ['desk', 'flag', 'note', 'x', 'n', 'opened', 's'],
    });
    expect(ScriptDataSchema.parse(data)).toEqual(data);
    // Row 4 has no outcome: left out. Every other row is used, and with `none` every row is a test row.
    expect(data.rows).toEqual({ inDataset: 12, afterFilter: 12, missing: 1, used: 11, train: 11, test: 11 });
    expect(data).toMatchObject({
      datasetName: 'small',
      outcomeColumn: 'y',
      weightColumn: null,
      scoreColumn: null,
      weight: null,
    });
    expect(Array.from(decodeU8(data.outcome))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(decodeU8(data.isTest))).toEqual(new Array(11).fill(1));

    const desk = columnOf(data, 'desk');
    expect(desk).toMatchObject({ kind: 'category', values: { type: 'int32', length: 11 } });
    expect(labelsOf(desk, decodeI32(desk.values))).toEqual([
      'FX',
      'RATES',
      null,
      'RATES',
      'FX',
      'EQ',
      'FX',
      'RATES',
      'EQ',
      'FX',
      'RATES',
    ]);
    const note = columnOf(data, 'note');
    expect(note.kind).toBe('text');
    expect(labelsOf(note, decodeI32(note.values))).toEqual([
      'alpha',
      'beta',
      null,
      'alpha',
      'beta',
      'gamma',
      'alpha',
      'beta',
      'gamma',
      'alpha',
      'beta',
    ]);
    const flag = columnOf(data, 'flag');
    expect(flag).toMatchObject({ kind: 'boolean', values: { type: 'uint8' }, dictionary: null });
    expect(Array.from(decodeU8(flag.values))).toEqual([1, 0, 2, 0, 1, 0, 1, 0, 1, 0, 1]);
    const x = columnOf(data, 'x');
    expect(x).toMatchObject({ kind: 'number', values: { type: 'float64' }, dictionary: null });
    expect(Array.from(decodeF64(x.values))).toEqual([0.5, NaN, 1.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5]);
    expect(Array.from(decodeF64(columnOf(data, 'n').values))).toEqual([
      3,
      4,
      NaN,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
    ]);
    const opened = decodeF64(columnOf(data, 'opened').values);
    expect(columnOf(data, 'opened').kind).toBe('timestamp');
    expect(opened[0]).toBe(Date.UTC(2024, 0, 1));
    expect(opened[3]).toBeNaN();
    expect(opened[4]).toBe(FEB_2024);
    expect(decodeF64(columnOf(data, 's').values)[5]).toBeNaN();
  });

  it('leaves out rows without a positive weight and sends the weights', async () => {
    const data = await small.client.call('scripts.data', {
      dataset: { name: 'small' },
      outcomeColumn: 'y',
      weightColumn: 'w',
      scoreColumn: 's',
      validation: { scheme: 'none' },
      columns: ['id'],
    });
    // Row 4: no outcome; row 6: weight 0.
    expect(data.rows).toMatchObject({ afterFilter: 12, missing: 2, used: 10 });
    expect(Array.from(decodeF64(data.weight!))).toEqual([1, 2, 1, 1, 1, 3, 1, 1, 1, 1]);
    expect(Array.from(decodeF64(columnOf(data, 'id').values))).toEqual([1, 2, 3, 5, 7, 8, 9, 10, 11, 12]);
    expect(data).toMatchObject({ weightColumn: 'w', scoreColumn: 's' });
  });

  it('applies the filter the analyses use', async () => {
    const data = await small.client.call('scripts.data', {
      dataset: { id: smallId },
      outcomeColumn: 'y',
      filter: {
        segments: [{ column: 'desk', values: ['FX'] }],
        ranges: [{ column: 'x', min: 1, max: null }],
      },
      validation: { scheme: 'none' },
      columns: ['id'],
    });
    // FX rows 1, 4, 6, 8, 11; x ≥ 1 drops row 1; row 4 has no outcome.
    expect(data.rows).toMatchObject({ afterFilter: 4, missing: 1, used: 3 });
    expect(Array.from(decodeF64(columnOf(data, 'id').values))).toEqual([6, 8, 11]);
  });

  it('splits out of time on the time column, leaving out rows without a time', async () => {
    const data = await small.client.call('scripts.data', {
      dataset: { id: smallId },
      outcomeColumn: 'y',
      validation: { scheme: 'time', splitAt: FEB_2024 },
      columns: ['id'],
    });
    // Row 4: no outcome; row 5: no time. Rows 1-3 train, rows 6-12 test.
    expect(data.rows).toEqual({ inDataset: 12, afterFilter: 12, missing: 2, used: 10, train: 3, test: 7 });
    expect(Array.from(decodeF64(columnOf(data, 'id').values))).toEqual([1, 2, 3, 6, 7, 8, 9, 10, 11, 12]);
    expect(Array.from(decodeU8(data.isTest))).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    await expect(
      small.client.call('scripts.data', {
        dataset: { id: smallId },
        outcomeColumn: 'y',
        validation: { scheme: 'time', splitAt: Date.UTC(2030, 0, 1) },
        columns: [],
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('leaves 10 training and 0 test rows'),
    });
  });

  it('draws the holdout exactly as calibration.run does for the same seed', async () => {
    const input = { dataset: { id: sample.datasetId }, columns: ['leverage'] };
    const data = await sample.client.call('scripts.data', {
      ...input,
      validation: { scheme: 'holdout', testFraction: 0.25, seed: 9 },
    });
    const y = decodeU8(data.outcome);
    expect(Array.from(decodeU8(data.isTest))).toEqual(Array.from(stratifiedHoldout(y, 0.25, 9)));
    const calibrated = await sample.client.call('calibration.run', {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'platt', options: {} }],
      validation: { scheme: 'holdout', testFraction: 0.25, seed: 9 },
    });
    expect({ train: data.rows.train, test: data.rows.test }).toEqual(calibrated.rows);
    expect(data.rows.used).toBe(calibrated.usage.rowsUsed);
    // The default: the holdout of 30 % with seed 1, on the score and outcome roles.
    const byDefault = await sample.client.call('scripts.data', input);
    expect(byDefault).toMatchObject({
      validation: { scheme: 'holdout', testFraction: 0.3, seed: 1 },
      outcomeColumn: 'liquidated',
      scoreColumn: 'score',
    });
    expect(Array.from(decodeU8(byDefault.isTest))).toEqual(Array.from(stratifiedHoldout(y, 0.3, 1)));
  });

  it('refuses the outcome and weight columns, unknown and repeated names, and missing roles', async () => {
    const call = (columns: string[], extra: Record<string, unknown> = {}) =>
      sample.client.call('scripts.data', { dataset: { id: sample.datasetId }, columns, ...extra });
    await expect(call(['leverage', 'liquidated'])).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Column "liquidated" is the outcome column'),
    });
    await expect(call(['nope'])).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^Dataset ".+" has no column "nope"\.$/),
    });
    await expect(call(['leverage', 'side', 'leverage'])).rejects.toMatchObject({
      message: expect.stringContaining('Column "leverage" is named twice'),
    });
    await expect(call(['leverage'], { outcomeColumn: 'nope' })).rejects.toMatchObject({
      message: expect.stringContaining('has no column "nope"'),
    });
    await expect(
      small.client.call('scripts.data', { dataset: { id: smallId }, columns: ['x'] }),
    ).rejects.toMatchObject({
      message: 'Dataset "small" has no column with the outcome role; name the outcome column.',
    });
    await expect(
      small.client.call('scripts.data', {
        dataset: { id: smallId },
        outcomeColumn: 'y',
        weightColumn: 'w',
        columns: ['x', 'w'],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Column "w" is the weight column') });
    await expect(
      small.client.call('scripts.data', { dataset: { id: smallId }, outcomeColumn: 'y', columns: ['y'] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Column "y" is the outcome column') });
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: Progress[] = [];
    const done = await small.client.call(
      'scripts.data',
      { dataset: { id: smallId }, outcomeColumn: 'y', columns: ['x', 'n'], validation: { scheme: 'none' } },
      { onProgress: (p) => seen.push(p) },
    );
    expect(done.columns).toHaveLength(2);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toMatchObject({ done: 3, total: 3 });

    const controller = new AbortController();
    await expect(
      sample.client.call(
        'scripts.data',
        { dataset: { id: sample.datasetId }, columns: ['leverage', 'asset'] },
        { signal: controller.signal, onProgress: () => controller.abort() },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });
});
