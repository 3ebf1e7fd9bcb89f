// Scorecal parameter file (format "scorecal.calibration", version 1): a dependency-free reference
// evaluator. It implements, line for line, the algorithms documented in docs/parameter-file.md, so
// a production engine can port it (or use it as is) and check its own numbers against it.
// Plain ECMAScript 2020, no imports: copy this one file anywhere.

/**
 * @typedef {{ kind: 'probability' } | { kind: 'logit' } |
 *   { kind: 'points', offset: number, factor: number, direction: 'higher-is-safer' | 'higher-is-riskier' }} ScoreInput
 * @typedef {{ method: string, scoreInput: ScoreInput, params: Record<string, any> }} ParamDocument
 * @typedef {{ p: number[], p0?: number[], p1?: number[] }} Applied
 */

/** ε = 2^-52: probabilities are clipped to [ε, 1 - ε] before taking logarithms. */
const EPSILON = 2 ** -52;

/** @param {number} x */
function sigmoid(x) {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** @param {number} p */
function clip(p) {
  return p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p;
}

/** logit of the clipped probability: ln p - ln(1 - p), the second term by log1p. @param {number} p */
function clippedLogit(p) {
  const c = clip(p);
  return Math.log(c) - Math.log1p(-c);
}

/**
 * A raw score as a probability, by the file's score rule.
 * @param {ScoreInput} rule @param {number} score @param {number} row
 */
export function scoreToProbability(rule, score, row) {
  switch (rule.kind) {
    case 'probability':
      if (!(score >= 0 && score <= 1))
        throw new RangeError(`row ${row}: probability ${score} is not in [0, 1]`);
      return score;
    case 'logit':
      if (Number.isNaN(score)) throw new RangeError(`row ${row}: logit is NaN`);
      return sigmoid(score);
    case 'points': {
      if (!Number.isFinite(score)) throw new RangeError(`row ${row}: points ${score} are not finite`);
      const sign = rule.direction === 'higher-is-safer' ? -1 : 1;
      return sigmoid((sign * (score - rule.offset)) / rule.factor);
    }
    default:
      throw new TypeError(`unknown score kind ${/** @type {any} */ (rule).kind}`);
  }
}

/** Index of the first element of the sorted array `xs` that is ≥ v (xs.length if none). */
function firstAtOrAbove(/** @type {number[]} */ xs, /** @type {number} */ v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** @param {Record<string, any>} q @param {number} v */
function isotonic(q, v) {
  const x = q.x;
  const y = q.y;
  const k = x.length;
  if (v < x[0]) {
    if (q.outOfBounds === 'extend-to-corners') return (y[0] * v) / x[0];
    v = x[0];
  } else if (v > x[k - 1]) {
    if (q.outOfBounds === 'extend-to-corners')
      return y[k - 1] + ((1 - y[k - 1]) * (v - x[k - 1])) / (1 - x[k - 1]);
    v = x[k - 1];
  }
  if (k === 1) return y[0];
  const hi = Math.min(Math.max(firstAtOrAbove(x, v), 1), k - 1);
  const lo = hi - 1;
  return ((y[hi] - y[lo]) / (x[hi] - x[lo])) * (v - x[lo]) + y[lo];
}

/** @param {Record<string, any>} q @param {number} v */
function histogram(q, v) {
  // Bin = number of interior edges strictly below v.
  const interior = q.edges.slice(1, -1);
  return q.probabilities[firstAtOrAbove(interior, v)];
}

/** @param {Record<string, any>} q @param {number} z */
function spline(q, z) {
  const c = q.coefficients;
  const segments = q.knots.length - 1;
  const lower = q.knots[0];
  const upper = q.knots[segments];
  const h = (upper - lower) / segments;
  if (z < lower) return (c[0] + 4 * c[1] + c[2]) / 6 + ((c[2] - c[0]) / (2 * h)) * (z - lower);
  if (z > upper) {
    const s = segments;
    return (c[s] + 4 * c[s + 1] + c[s + 2]) / 6 + ((c[s + 2] - c[s]) / (2 * h)) * (z - upper);
  }
  const position = (z - lower) / h;
  const s = Math.min(Math.floor(position), segments - 1);
  const u = position - s;
  const v = 1 - u;
  const u2 = u * u;
  const u3 = u2 * u;
  return (
    c[s] * ((v * v * v) / 6) +
    c[s + 1] * ((3 * u3 - 6 * u2 + 4) / 6) +
    c[s + 2] * ((-3 * u3 + 3 * u2 + 3 * u + 1) / 6) +
    c[s + 3] * (u3 / 6)
  );
}

/** @param {Record<string, any>} q @param {number} v @returns {[number, number, number]} p0, p1, p */
function vennAbers(q, v) {
  const k = q.scores.length;
  const lo = firstAtOrAbove(q.scores, v);
  const atOrBelow = lo < k && q.scores[lo] === v ? lo : lo - 1;
  const p0 = atOrBelow < 0 ? 0 : q.p0[atOrBelow];
  const p1 = lo >= k ? 1 : q.p1[lo];
  return [p0, p1, p1 / (1 - p0 + p1)];
}

/**
 * The Platt map of a row of a segmented-platt file: its segment's own map, or the global one when the
 * label is missing (null/undefined) or has no map of its own. An own-property test, so that a label
 * such as "constructor" never finds a member of Object.prototype.
 * @param {Record<string, any>} q @param {string | null | undefined} label
 */
function segmentMap(q, label) {
  return label !== null && label !== undefined && Object.prototype.hasOwnProperty.call(q.segments, label)
    ? q.segments[label]
    : q.global;
}

/**
 * Calibrated probabilities for raw scores, as Scorecal computes them.
 * @param {ParamDocument} document a parsed parameter file (verify it first: see docs/parameter-file.md)
 * @param {ArrayLike<number>} rawScores scores as the model writes them (probability, logit or points)
 * @param {ArrayLike<string | null>} [segments] segmented-platt only (and required there): each row's
 *   value of the column `params.column`, null when missing
 * @returns {Applied}
 */
export function applyParams(document, rawScores, segments) {
  const q = document.params;
  const n = rawScores.length;
  const p = new Array(n);
  const interval = q.method === 'venn-abers';
  const p0 = interval ? new Array(n) : undefined;
  const p1 = interval ? new Array(n) : undefined;
  if (q.method === 'segmented-platt') {
    if (!segments)
      throw new TypeError(`a segmented-platt file needs each row's segment (column "${q.column}")`);
    if (segments.length !== n) throw new RangeError(`${segments.length} segments for ${n} scores`);
  }
  for (let i = 0; i < n; i++) {
    const v = scoreToProbability(document.scoreInput, rawScores[i], i);
    switch (q.method) {
      case 'platt':
        p[i] = sigmoid(q.intercept + q.slope * clippedLogit(v));
        break;
      case 'segmented-platt': {
        const map = segmentMap(q, /** @type {ArrayLike<string | null>} */ (segments)[i]);
        p[i] = sigmoid(map.intercept + map.slope * clippedLogit(v));
        break;
      }
      case 'temperature':
        p[i] = sigmoid(clippedLogit(v) / q.temperature);
        break;
      case 'beta': {
        const c = clip(v);
        p[i] = sigmoid(q.c + q.a * Math.log(c) - q.b * Math.log1p(-c));
        break;
      }
      case 'base-rate':
        p[i] = sigmoid(clippedLogit(v) + q.shift);
        break;
      case 'isotonic':
        p[i] = isotonic(q, v);
        break;
      case 'histogram':
        p[i] = histogram(q, v);
        break;
      case 'spline':
        p[i] = sigmoid(spline(q, clippedLogit(v)));
        break;
      case 'venn-abers': {
        const [lower, upper, merged] = vennAbers(q, v);
        /** @type {number[]} */ (p0)[i] = lower;
        /** @type {number[]} */ (p1)[i] = upper;
        p[i] = merged;
        break;
      }
      default:
        throw new TypeError(`unknown method ${q.method}`);
    }
  }
  return interval ? { p, p0, p1 } : { p };
}

/**
 * RFC 8785 canonical JSON (keys sorted by UTF-16 code units, no whitespace, ECMAScript number
 * form): the SHA-256 of its UTF-8 bytes, without the `contentHash` member, is the file's hash.
 * @param {unknown} value @returns {string}
 */
export function canonicalJson(value) {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('canonical JSON holds only finite numbers');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = /** @type {Record<string, unknown>} */ (value);
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`JSON cannot hold a ${typeof value}`);
}

/** The text whose SHA-256 is the content hash. @param {Record<string, unknown>} document */
export function hashedText(document) {
  const { contentHash: _omitted, ...body } = document;
  return canonicalJson(body);
}
