/**
 * Triangular solves with a lower-triangular L (row-major, leading dimension ld), in place on b.
 * Both loops run along rows of L, which are contiguous: forward substitution as dot products,
 * back substitution with L^T as row-wise axpy updates.
 */

/** b <- L^-1 b. */
export function solveLowerInPlace(L: Float64Array, n: number, ld: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * ld;
    let s0 = b[i],
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let p = 0;
    for (; p + 3 < i; p += 4) {
      s0 -= L[ri + p] * b[p];
      s1 -= L[ri + p + 1] * b[p + 1];
      s2 -= L[ri + p + 2] * b[p + 2];
      s3 -= L[ri + p + 3] * b[p + 3];
    }
    for (; p < i; p++) s0 -= L[ri + p] * b[p];
    b[i] = (s0 + s1 + s2 + s3) / L[ri + i];
  }
  return b;
}

/** b <- L^-T b. */
export function solveLowerTransposeInPlace(L: Float64Array, n: number, ld: number, b: Float64Array): Float64Array {
  for (let j = n - 1; j >= 0; j--) {
    const rj = j * ld;
    const x = b[j] / L[rj + j];
    b[j] = x;
    for (let p = 0; p < j; p++) b[p] -= L[rj + p] * x;
  }
  return b;
}
