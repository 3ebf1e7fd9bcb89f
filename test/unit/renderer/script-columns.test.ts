import { describe, expect, it } from 'vitest';
import { columnsToRequest } from '../../../renderer/src/views/scripts/script-columns';

const COLUMNS = ['leverage', 'collateral_ratio', 'realized_vol', 'side', 'asset', 'vol 30d', "trader's id"];

describe('columnsToRequest: the row columns a compiled script reads', () => {
  it('finds columns read as properties, destructured, or by string key, and nothing else', () => {
    const javascript = [
      'exports.default = defineScript({',
      '  score(row, p) {',
      '    const { realized_vol } = row;',
      '    const z = p.a * Math.log(row.leverage) + row["vol 30d"] * realized_vol;',
      "    return row['side'] === 'short' ? stats.logistic(z) : stats.logistic(-z);",
      '  },',
      '});',
    ].join('\n');
    expect(columnsToRequest(javascript, COLUMNS)).toEqual({
      columns: ['leverage', 'realized_vol', 'side', 'vol 30d'],
      basis: 'mentioned',
    });
  });

  it('matches whole names only: a longer identifier does not request a shorter column', () => {
    const javascript = 'const x = row.leverage_cap + row.asset_class + collateral_ratio2;';
    expect(columnsToRequest(javascript, COLUMNS).columns).toEqual([]);
  });

  it("does not take the script's own score method for a column named score", () => {
    const columns = ['score', 'leverage'];
    expect(
      columnsToRequest('score(row, p) { return stats.logistic(row.leverage); }', columns).columns,
    ).toEqual(['leverage']);
    expect(columnsToRequest('score(row, p) { return row.score; }', columns).columns).toEqual(['score']);
    expect(columnsToRequest('score (row) { return row["score"]; }', columns).columns).toEqual(['score']);
  });

  it('finds a quoted name with an apostrophe in either quoting', () => {
    expect(columnsToRequest(`row["trader's id"]`, COLUMNS).columns).toEqual(["trader's id"]);
    expect(columnsToRequest(`row['trader\\'s id']`, COLUMNS).columns).toEqual(["trader's id"]);
  });

  it('requests every row column when the script reads rows reflectively', () => {
    for (const javascript of [
      'for (const key of Object.keys(row)) total += row[key];',
      'for (const key in row) total += row[key];',
      'const text = JSON.stringify(row);',
      'const values = Object.values(row);',
    ]) {
      expect(columnsToRequest(javascript, COLUMNS)).toEqual({ columns: COLUMNS, basis: 'all' });
    }
  });

  it('keeps the dataset order of the columns and may request none', () => {
    expect(columnsToRequest('row.side + row.leverage', COLUMNS).columns).toEqual(['leverage', 'side']);
    expect(columnsToRequest('return stats.logistic(p.intercept);', COLUMNS)).toEqual({
      columns: [],
      basis: 'mentioned',
    });
  });
});
