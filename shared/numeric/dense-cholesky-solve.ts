/**
 * Solves A x = b for a symmetric positive-definite n×n matrix A (row-major, only the lower triangle
 * is read) by Cholesky factorisation A = L Lᵀ. Returns null when A is not numerically positive
 * definite, so the caller can report a singular problem instead of dividing by zero.
 */
export function denseCholeskySolve(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array | null {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      if (i === j) {
        // A pivot this small relative to the diagonal means the matrix is singular to working precision.
        if (!(sum > matrix[i * n + i]! * 1e-14) || !Number.isFinite(sum)) return null;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j]!;
      }
    }
  }
  const solution = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * n + k]! * solution[k]!;
    solution[i] = sum / lower[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = solution[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i]! * solution[k]!;
    solution[i] = sum / lower[i * n + i]!;
  }
  return solution;
}
