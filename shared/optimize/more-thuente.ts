/**
 * The Moré–Thuente line search (Moré & Thuente 1994, "Line search algorithms with guaranteed
 * sufficient decrease"), transcribed from MINPACK-2's dcsrch/dcstep, the routine L-BFGS-B calls.
 * It looks for a step satisfying the strong Wolfe conditions
 *   φ(stp) ≤ φ(0) + ftol·stp·φ'(0)   and   |φ'(stp)| ≤ gtol·|φ'(0)|
 * inside [stpmin, stpmax], by safeguarded cubic/quadratic interpolation of φ and φ'.
 *
 * Reverse communication: `start` returns the first trial step; after evaluating φ and φ' there,
 * `next(f, g)` returns either the next trial step or a terminal state.
 */
export type LineSearchState =
  | { readonly kind: 'evaluate'; readonly stp: number }
  | { readonly kind: 'converged'; readonly stp: number }
  /** dcsrch's warnings: the interval or step can no longer improve (rounding, xtol, stpmin, stpmax). */
  | { readonly kind: 'warning'; readonly stp: number; readonly reason: string };

export interface LineSearchParameters {
  readonly ftol: number;
  readonly gtol: number;
  readonly xtol: number;
  readonly stpmin: number;
  readonly stpmax: number;
}

const XTRAPL = 1.1;
const XTRAPU = 4.0;

export class MoreThuenteSearch {
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;
  private stp = 0;

  constructor(private readonly p: LineSearchParameters) {}

  /** f0 = φ(0), g0 = φ'(0) < 0; stp the first trial step in [stpmin, stpmax]. */
  start(f0: number, g0: number, stp: number): LineSearchState {
    const { ftol, stpmin, stpmax } = this.p;
    this.brackt = false;
    this.stage = 1;
    this.finit = f0;
    this.ginit = g0;
    this.gtest = ftol * g0;
    this.width = stpmax - stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f0;
    this.gx = g0;
    this.sty = 0;
    this.fy = f0;
    this.gy = g0;
    this.stmin = 0;
    this.stmax = stp + XTRAPU * stp;
    this.stp = Math.min(Math.max(stp, stpmin), stpmax);
    return { kind: 'evaluate', stp: this.stp };
  }

  next(f: number, g: number): LineSearchState {
    const { gtol, xtol, stpmin, stpmax } = this.p;
    const stp = this.stp;
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;

    if (this.brackt && (stp <= this.stmin || stp >= this.stmax))
      return { kind: 'warning', stp, reason: 'rounding errors prevent progress' };
    if (this.brackt && this.stmax - this.stmin <= xtol * this.stmax)
      return { kind: 'warning', stp, reason: 'xtol test satisfied' };
    if (stp === stpmax && f <= ftest && g <= this.gtest)
      return { kind: 'warning', stp, reason: 'stp = stpmax' };
    if (stp === stpmin && (f > ftest || g >= this.gtest))
      return { kind: 'warning', stp, reason: 'stp = stpmin' };
    if (f <= ftest && Math.abs(g) <= gtol * -this.ginit) return { kind: 'converged', stp };

    // In the first stage a modified function ψ(α) = φ(α) - φ(0) - ftol·α·φ'(0) is interpolated, which
    // keeps the step from settling on a point of φ with insufficient decrease.
    if (this.stage === 1 && f <= this.fx && f > ftest) {
      const gtest = this.gtest;
      const s: StepState = {
        stx: this.stx,
        fx: this.fx - this.stx * gtest,
        dx: this.gx - gtest,
        sty: this.sty,
        fy: this.fy - this.sty * gtest,
        dy: this.gy - gtest,
        stp,
        brackt: this.brackt,
      };
      dcstep(s, f - stp * gtest, g - gtest, this.stmin, this.stmax);
      this.stx = s.stx;
      this.fx = s.fx + s.stx * gtest;
      this.gx = s.dx + gtest;
      this.sty = s.sty;
      this.fy = s.fy + s.sty * gtest;
      this.gy = s.dy + gtest;
      this.stp = s.stp;
      this.brackt = s.brackt;
    } else {
      const s: StepState = {
        stx: this.stx,
        fx: this.fx,
        dx: this.gx,
        sty: this.sty,
        fy: this.fy,
        dy: this.gy,
        stp,
        brackt: this.brackt,
      };
      dcstep(s, f, g, this.stmin, this.stmax);
      this.stx = s.stx;
      this.fx = s.fx;
      this.gx = s.dx;
      this.sty = s.sty;
      this.fy = s.fy;
      this.gy = s.dy;
      this.stp = s.stp;
      this.brackt = s.brackt;
    }

    // Bisect when the bracket has not shrunk enough over two steps.
    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1)
        this.stp = this.stx + 0.5 * (this.sty - this.stx);
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
    }
    if (this.brackt) {
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = this.stp + XTRAPL * (this.stp - this.stx);
      this.stmax = this.stp + XTRAPU * (this.stp - this.stx);
    }
    this.stp = Math.min(Math.max(this.stp, stpmin), stpmax);
    if (
      (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) ||
      (this.brackt && this.stmax - this.stmin <= xtol * this.stmax)
    )
      this.stp = this.stx;
    return { kind: 'evaluate', stp: this.stp };
  }
}

interface StepState {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  stp: number;
  brackt: boolean;
}

/** MINPACK-2 dcstep: one safeguarded step of the interval of uncertainty [stx, sty] given the trial (stp, fp, dp). */
function dcstep(s: StepState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, dx, sty, fy, dy, stp } = s;
  const sgnd = dp * Math.sign(dx);
  let stpf: number;
  if (fp > fx) {
    // Case 1: higher function value; the minimum is bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = sc * Math.sqrt(Math.max(0, (theta / sc) ** 2 - (dx / sc) * (dp / sc)));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const r = p / q;
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    s.brackt = true;
  } else if (sgnd < 0) {
    // Case 2: lower value and derivatives of opposite sign; the minimum is bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = sc * Math.sqrt(Math.max(0, (theta / sc) ** 2 - (dx / sc) * (dp / sc)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const r = p / q;
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same-sign derivative decreasing in magnitude.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = sc * Math.sqrt(Math.max(0, (theta / sc) ** 2 - (dx / sc) * (dp / sc)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else {
    // Case 4: lower value, same-sign derivative not decreasing in magnitude.
    if (s.brackt) {
      const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
      const sc = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      let gamma = sc * Math.sqrt(Math.max(0, (theta / sc) ** 2 - (dy / sc) * (dp / sc)));
      if (stp > sty) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dy;
      const r = p / q;
      stpf = stp + r * (sty - stp);
    } else if (stp > stx) stpf = stpmax;
    else stpf = stpmin;
  }
  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.dy = dp;
  } else {
    if (sgnd < 0) {
      s.sty = stx;
      s.fy = fx;
      s.dy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.dx = dp;
  }
  s.stp = stpf;
}
