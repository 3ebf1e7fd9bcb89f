/**
 * Solves A X = B in place for a small dense n×n matrix (row-major) by Gaussian elimination with
 * partial pivoting (Golub & Van Loan 2013, Alg. 3.4.1). Used for the 2m×2m middle matrices of the
 * compact L-BFGS representation, which are symmetric but indefinite, so Cholesky does not apply.
 * `b` holds `columns` right-hand sides, row-major n×columns. Returns false when A is singular to
 * working precision (a pivot below 1e-14 of the largest entry).
 */
export function solveDenseInPlace(a: Float64Array, b: Float64Array, n: number, columns: number): boolean {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    for (let i = k + 1; i < n; i++)
      if (Math.abs(a[i * n + k]!) > Math.abs(a[pivotRow * n + k]!)) pivotRow = i;
    const pivot = a[pivotRow * n + k]!;
    if (!(Math.abs(pivot) > 1e-14 * scale)) return false;
    if (pivotRow !== k) {
      for (let j = 0; j < n; j++) swap(a, k * n + j, pivotRow * n + j);
      for (let j = 0; j < columns; j++) swap(b, k * columns + j, pivotRow * columns + j);
    }
    for (let i = k + 1; i < n; i++) {
      const factor = a[i * n + k]! / pivot;
      if (factor === 0) continue;
      for (let j = k; j < n; j++) a[i * n + j]! -= factor * a[k * n + j]!;
      for (let j = 0; j < columns; j++) b[i * columns + j]! -= factor * b[k * columns + j]!;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const pivot = a[k * n + k]!;
    for (let j = 0; j < columns; j++) {
      let sum = b[k * columns + j]!;
      for (let i = k + 1; i < n; i++) sum -= a[k * n + i]! * b[i * columns + j]!;
      b[k * columns + j] = sum / pivot;
    }
  }
  return true;
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
