/**
 * Cubic B-spline basis on equally spaced knots lower = k₀ < k₁ < … < k_S = upper (spacing h), with
 * three more knots at the same spacing beyond each end (the P-spline basis of Eilers & Marx 1996):
 * S + 3 basis functions, of which 4 are non-zero at any point. On segment s with u = (x - k_s)/h,
 * f(x) = Σ_{r=0..3} c_{s+r} b_r(u), b₀ = (1-u)³/6, b₁ = (3u³-6u²+4)/6, b₂ = (-3u³+3u²+3u+1)/6, b₃ = u³/6.
 */
export interface UniformCubicBSpline {
  readonly lower: number;
  readonly upper: number;
  readonly segments: number;
}

/** Segment index and the four basis values at x (x clamped into [lower, upper]); writes into `basis`. */
export function evaluateBasis(spline: UniformCubicBSpline, x: number, basis: Float64Array): number {
  const { lower, upper, segments } = spline;
  const h = (upper - lower) / segments;
  const position = (Math.min(Math.max(x, lower), upper) - lower) / h;
  const segment = Math.min(Math.floor(position), segments - 1);
  const u = position - segment;
  const v = 1 - u;
  const u2 = u * u;
  const u3 = u2 * u;
  basis[0] = (v * v * v) / 6;
  basis[1] = (3 * u3 - 6 * u2 + 4) / 6;
  basis[2] = (-3 * u3 + 3 * u2 + 3 * u + 1) / 6;
  basis[3] = u3 / 6;
  return segment;
}

/**
 * f(x) for coefficients c; beyond [lower, upper] f continues as the straight line with the value and
 * slope it has at the nearer end (f'(lower) = (c₂ - c₀)/2h, f'(upper) = (c_{S+2} - c_S)/2h).
 */
export function evaluateSpline(
  spline: UniformCubicBSpline,
  coefficients: Float64Array,
  x: number,
  basis: Float64Array,
): number {
  const { lower, upper, segments } = spline;
  const h = (upper - lower) / segments;
  if (x < lower) {
    const atLower = (coefficients[0]! + 4 * coefficients[1]! + coefficients[2]!) / 6;
    return atLower + ((coefficients[2]! - coefficients[0]!) / (2 * h)) * (x - lower);
  }
  if (x > upper) {
    const s = segments;
    const atUpper = (coefficients[s]! + 4 * coefficients[s + 1]! + coefficients[s + 2]!) / 6;
    return atUpper + ((coefficients[s + 2]! - coefficients[s]!) / (2 * h)) * (x - upper);
  }
  const segment = evaluateBasis(spline, x, basis);
  return (
    coefficients[segment]! * basis[0]! +
    coefficients[segment + 1]! * basis[1]! +
    coefficients[segment + 2]! * basis[2]! +
    coefficients[segment + 3]! * basis[3]!
  );
}
