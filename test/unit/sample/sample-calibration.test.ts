import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleRows } from '../../../electron/engine/sample/generate-sample-rows';
import { SAMPLE_FILE_NAME } from '../../../electron/engine/sample/sample-columns';
import { SampleCsvFormat, SAMPLE_CSV_HEADER } from '../../../electron/engine/sample/sample-csv';
import { STRESSED_MONTHS } from '../../../electron/engine/sample/volatility-regimes';
import { calibrationFacts, type CalibrationFacts } from './calibration-facts';
import { parseSampleCsv, readSampleText } from './sample-csv-reader';

const samplesDir = path.resolve(__dirname, '../../../resources/samples');
// Prettier pads table cells to align them; compare with runs of spaces collapsed.
const readme = fs.readFileSync(path.join(samplesDir, 'README.md'), 'utf8').replace(/ {2,}/g, ' ');
const percent = (value: number) => `${(100 * value).toFixed(2)} %`;
const count = (value: number) => value.toLocaleString('en-US');

describe('the bundled sample has the facts its README states', () => {
  const { positions } = parseSampleCsv(readSampleText(path.join(samplesDir, SAMPLE_FILE_NAME)));
  const facts = calibrationFacts(positions, STRESSED_MONTHS);

  it('quotes its row count, positives, base rate, mean score and O/E overall and by regime', () => {
    expect(facts.overall.rows).toBe(100_000);
    const expectedLines = [
      `| Rows | ${count(facts.overall.rows)} |`,
      `| Positives (liquidated = 1) | ${count(facts.overall.positives)} |`,
      `| Base rate | ${percent(facts.overall.baseRate)} |`,
      `| Mean score | ${percent(facts.overall.meanScore)} |`,
      `| O/E overall | ${facts.overall.observedOverExpected.toFixed(2)} |`,
      `| O/E in calm months (${count(facts.calm.rows)} rows) | ${facts.calm.observedOverExpected.toFixed(2)} |`,
      `| O/E in stressed months (${count(facts.stressed.rows)} rows) | ${facts.stressed.observedOverExpected.toFixed(2)} |`,
      `| Scores at the 1e-6 floor | ${count(positions.filter((p) => p.score === 1e-6).length)} |`,
    ];
    for (const line of expectedLines) expect(readme).toContain(line);
  });

  it('quotes the per-month table exactly', () => {
    for (const [month, group] of facts.byMonth) {
      const regime = STRESSED_MONTHS.includes(month) ? 'stressed' : 'calm';
      expect(readme).toContain(
        `| ${month} | ${regime} | ${count(group.rows)} | ${count(group.positives)} | ${percent(group.baseRate)} | ` +
          `${percent(group.meanScore)} | ${group.observedOverExpected.toFixed(2)} |`,
      );
    }
  });

  it('quotes the per-asset and per-side O/E exactly', () => {
    for (const [key, group] of [...facts.byAsset, ...facts.bySide]) {
      expect(readme).toContain(
        `| ${key} | ${count(group.rows)} | ${count(group.positives)} | ${percent(group.baseRate)} | ` +
          `${group.observedOverExpected.toFixed(2)} |`,
      );
    }
  });

  it('has the shape the README promises for every seed', () => {
    expectDocumentedShape(facts);
  });
});

describe('a fresh sample with another seed has the same documented shape', () => {
  it('seed 7, 100,000 rows', () => {
    const format = new SampleCsvFormat();
    let text = SAMPLE_CSV_HEADER;
    for (const row of generateSampleRows({ rows: 100_000, seed: 7 })) text += format.line(row);
    expectDocumentedShape(calibrationFacts(parseSampleCsv(text).positions, STRESSED_MONTHS));
  });
});

/** The ranges the README's "What any seed gives" section states, for 100,000 rows. */
function expectDocumentedShape(facts: CalibrationFacts): void {
  expect(facts.overall.baseRate).toBeGreaterThan(0.065);
  expect(facts.overall.baseRate).toBeLessThan(0.08);
  expect(facts.overall.meanScore).toBeGreaterThan(0.047);
  expect(facts.overall.meanScore).toBeLessThan(0.051);
  expect(facts.overall.observedOverExpected).toBeGreaterThan(1.3);
  expect(facts.overall.observedOverExpected).toBeLessThan(1.6);
  expect(facts.calm.observedOverExpected).toBeGreaterThan(0.5);
  expect(facts.calm.observedOverExpected).toBeLessThan(0.65);
  expect(facts.stressed.observedOverExpected).toBeGreaterThan(2.7);
  expect(facts.stressed.observedOverExpected).toBeLessThan(3.4);
  for (const [month, group] of facts.byMonth) {
    if (STRESSED_MONTHS.includes(month)) expect(group.observedOverExpected, month).toBeGreaterThan(1.8);
    else expect(group.observedOverExpected, month).toBeLessThan(1);
  }
  const others = [...facts.byAsset].filter(([asset]) => asset !== 'PEPE').map(([, group]) => group);
  const worstOther = Math.max(...others.map((group) => group.observedOverExpected));
  expect(facts.byAsset.get('PEPE')?.observedOverExpected).toBeGreaterThan(1.6 * worstOther);
  expect(facts.bySide.get('long')?.observedOverExpected).toBeGreaterThan(
    facts.bySide.get('short')?.observedOverExpected ?? Number.POSITIVE_INFINITY,
  );
}
