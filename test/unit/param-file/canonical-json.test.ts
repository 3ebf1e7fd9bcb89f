import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/param-file/canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('writes numbers in ECMAScript form (RFC 8785 appendix B samples)', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [-0, '0'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [1e-7, '1e-7'],
      [0.000001, '0.000001'],
      [333333333.3333333, '333333333.3333333'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [4.35, '4.35'],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value)).toBe(text);
  });

  it('sorts keys by UTF-16 code units, recursively, with no whitespace', () => {
    // U+FB33 sorts after the surrogate pair of U+1F600 by code units, before it by code points.
    const value = {
      b: [3, { z: 1, a: null }],
      a: 'x',
      '\ufb33': 3,
      '\u20ac': 1,
      '\ud83d\ude00': 2,
      '\r': true,
      1: false,
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":true,"1":false,"a":"x","b":[3,{"a":null,"z":1}],"€":1,"😀":2,"\ufb33":3}',
    );
  });

  it('escapes strings as JSON.stringify does and leaves other characters alone', () => {
    expect(canonicalJson('a"b\\c\n\u0001é€')).toBe('"a\\"b\\\\c\\n\\u0001é€"');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(/\$\.a is NaN/);
    expect(() => canonicalJson([Infinity])).toThrow(/finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('agrees with the Python reference on numbers where repr() and JavaScript differ', () => {
    const numbers = [
      1e21, 1e-7, 0.000001, 333333333.3333333, 1e16, 5e-324, 1.7976931348623157e308, 1e20, 1.234e-5, 0.1, 100,
      -0, 2.5e-8, 1.2345678901234568e20,
    ];
    const python = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'fixtures', 'param-file', 'python-reference.json'),
        'utf8',
      ),
    ) as { numbers: string[] };
    expect(python.numbers).toEqual(numbers.map((n) => canonicalJson(n)));
  });
});
