/**
 * Ridge systems (A + mu I) X = B solved in float64 by Cholesky (the entry point of
 * linalg/cholesky.ts, which picks its implementation by n), one factorisation per mu, k
 * right-hand sides together. About n^3 / 3 flops: ~0.4 s at n = 2000 on the wasm tier, which is
 * why `solveRidge` switches to conjugate gradients above CHOLESKY_MAX_N.
 */
import { cholesky } from '../linalg/cholesky.js';
import { assertGram, type FlatMatrix } from '../kernels/Gram.js';
import { checkRidges, ridgeResidual, type RidgeSolution } from './ridgeResidual.js';

/**
 * The solution of (A + mu I) X = B for one mu (A symmetric, n x n; B n x k), or null when
 * A + mu I is not numerically positive definite. The one ridge solve: every primal or dual ridge
 * path forms its Gram and right-hand side and calls this (or `solveRidgePath` for a grid).
 */
export function choleskyRidgeSolve(A: FlatMatrix, B: FlatMatrix, mu: number): RidgeSolution | null {
  const n = A.rows;
  const L = Float64Array.from(A.data);
  for (let i = 0; i < n; i++) L[i * n + i] += mu;
  const F = cholesky(L, n);
  if (!F) return null;
  const b = B.data instanceof Float64Array ? B.data : Float64Array.from(B.data);
  const X = F.solveInPlace(Float64Array.from(b), B.cols);
  return { mu, X, residual: ridgeResidual(A, X, b, B.cols, mu).relative, solver: 'cholesky', iterations: 0 };
}

export function choleskyRidgePath(A: FlatMatrix, B: FlatMatrix, mus: readonly number[]): RidgeSolution[] {
  assertGram(A, 'A', A.rows, A.rows);
  assertGram(B, 'B', A.rows);
  checkRidges(mus, 'mus');
  const b: FlatMatrix = { rows: B.rows, cols: B.cols, data: Float64Array.from(B.data) };
  return mus.map((mu) => {
    const s = choleskyRidgeSolve(A, b, mu);
    if (!s) {
      throw new RangeError(
        `choleskyRidgePath: A + mu I is not numerically positive definite at mu = ${mu}; ` +
          'use a larger ridge (a Gram matrix is only positive semi-definite) or check that A is a kernel matrix',
      );
    }
    return s;
  });
}
