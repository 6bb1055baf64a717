/**
 * Cholesky factorisation and solves on flat row-major `Float64Array`s: the float64 path of kernel
 * ridge regression (n up to a few thousand). `dense.ts` works on `number[][]` through ml-matrix,
 * which is fine for the d*k ~ 200 problems of exact claims but ~10x slower at n = 2000; here the
 * inner loops run over contiguous rows with four accumulators, tiled for cache.
 */

function assertSquareFlat(A: Float64Array, n: number, name: string): void {
  if (!(A instanceof Float64Array)) throw new TypeError(`${name} must be a Float64Array (row-major n x n)`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (A.length !== n * n) throw new RangeError(`${name} must have n * n = ${n * n} entries, got ${A.length}`);
}

/** sum_{t < len} a[ia + t] * b[ib + t], with four accumulators (lets V8 pipeline the loop). */
function dotRows(a: Float64Array, ia: number, b: Float64Array, ib: number, len: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += a[ia + t] * b[ib + t];
    s1 += a[ia + t + 1] * b[ib + t + 1];
    s2 += a[ia + t + 2] * b[ib + t + 2];
    s3 += a[ia + t + 3] * b[ib + t + 3];
  }
  for (; t < len; t++) s0 += a[ia + t] * b[ib + t];
  return s0 + s1 + s2 + s3;
}

/** Row and column tile (rows of L) and depth tile (columns) of the blocked factorisation. */
const TILE = 64;
const DEPTH = 256;

/**
 * A[i][j] -= <A[i, k0:k0+len], A[j, k0:k0+len]> on the full rectangle i0 <= i < i1,
 * j0 <= j < j1, two rows by two rows: four dot products share each pair of loads, which is what
 * makes the tiled factorisation faster than one dot product at a time.
 */
function subtractBlock(A: Float64Array, n: number, i0: number, i1: number, j0: number, j1: number, k0: number, len: number): void {
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const a0 = i * n + k0;
    const a1 = a0 + n;
    let j = j0;
    for (; j + 1 < j1; j += 2) {
      const b0 = j * n + k0;
      const b1 = b0 + n;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0;
      for (let t = 0; t < len; t++) {
        const x0 = A[a0 + t],
          x1 = A[a1 + t],
          y0 = A[b0 + t],
          y1 = A[b1 + t];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      A[i * n + j] -= s00;
      A[i * n + j + 1] -= s01;
      A[(i + 1) * n + j] -= s10;
      A[(i + 1) * n + j + 1] -= s11;
    }
    if (j < j1) {
      A[i * n + j] -= dotRows(A, a0, A, j * n + k0, len);
      A[(i + 1) * n + j] -= dotRows(A, a1, A, j * n + k0, len);
    }
  }
  if (i < i1) for (let j = j0; j < j1; j++) A[i * n + j] -= dotRows(A, i * n + k0, A, j * n + k0, len);
}

/**
 * Overwrites the lower triangle of the symmetric matrix A (row-major n x n; only the lower
 * triangle is read) with its Cholesky factor L, A = L L^T, and zeroes the strict upper triangle.
 *
 * Cholesky-Banachiewicz order, L[i][j] = (A[i][j] - <L[i, :j], L[j, :j]>) / L[j][j], tiled: for a
 * 64 x 64 block of (i, j) the part of the dot product over k < j0 (the block's first column) is
 * accumulated 256 columns at a time, so the rows involved stay in L2 cache (2x faster than the
 * plain loop at n = 2000, whose rows no longer fit); the rest finishes row by row.
 * Returns false (A left partly overwritten) if a pivot is not positive, i.e. A is not
 * numerically positive definite.
 */
export function choleskyInPlace(A: Float64Array, n: number): boolean {
  assertSquareFlat(A, n, 'A');
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(i0 + TILE, n);
    for (let j0 = 0; j0 <= i0; j0 += TILE) {
      const j1 = Math.min(j0 + TILE, n);
      for (let k0 = 0; k0 < j0; k0 += DEPTH) {
        const len = Math.min(k0 + DEPTH, j0) - k0;
        if (j0 < i0) {
          subtractBlock(A, n, i0, i1, j0, j1, k0, len);
          continue;
        }
        for (let i = i0; i < i1; i++) {
          const jEnd = Math.min(j1, i + 1);
          for (let j = j0; j < jEnd; j++) A[i * n + j] -= dotRows(A, i * n + k0, A, j * n + k0, len);
        }
      }
      for (let i = i0; i < i1; i++) {
        const ri = i * n;
        const jEnd = Math.min(j1, i + 1);
        for (let j = j0; j < jEnd; j++) {
          const rj = j * n;
          const s = A[ri + j] - dotRows(A, ri + j0, A, rj + j0, j - j0);
          if (j < i) {
            A[ri + j] = s / A[rj + j];
          } else {
            if (!(s > 0)) return false;
            A[ri + i] = Math.sqrt(s);
          }
        }
      }
    }
  }
  for (let i = 0; i < n; i++) A.fill(0, i * n + i + 1, (i + 1) * n);
  return true;
}

/**
 * Solves L L^T X = B in place for B row-major n x k (k right-hand sides solved together), given
 * the factor from `choleskyInPlace`.
 */
export function choleskySolveInPlace(L: Float64Array, n: number, B: Float64Array, k: number): void {
  assertSquareFlat(L, n, 'L');
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (!(B instanceof Float64Array) || B.length !== n * k) {
    throw new RangeError(`B must be a Float64Array with n * k = ${n * k} entries (row-major n x k)`);
  }
  // Forward: L Y = B, row i of Y from rows j < i (row i of L is contiguous).
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const l = L[ri + j];
      if (l === 0) continue;
      const bj = j * k;
      for (let c = 0; c < k; c++) B[i * k + c] -= l * B[bj + c];
    }
    const d = L[ri + i];
    for (let c = 0; c < k; c++) B[i * k + c] /= d;
  }
  // Backward: L^T X = Y. Once x_i is final it is subtracted from the rows j < i (axpy with row i
  // of L), so L is again read along rows instead of down columns.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const d = L[ri + i];
    for (let c = 0; c < k; c++) B[i * k + c] /= d;
    for (let j = 0; j < i; j++) {
      const l = L[ri + j];
      if (l === 0) continue;
      const bj = j * k;
      for (let c = 0; c < k; c++) B[bj + c] -= l * B[i * k + c];
    }
  }
}
