/**
 * Shared pieces of the ridge solvers: targets as a flat n x k matrix, the solution record, and
 * the float64 residual B - (A + mu I) X that every solver (float64 Cholesky or float32 CG)
 * reports, so a verdict never rests on an unchecked float32 solve.
 */
import { assertMatrix, assertVector, type Mat, type Vec } from '../linalg/dense.js';
import { assertGram, type FlatMatrix } from '../kernels/Gram.js';

export type RidgeSolverName = 'cholesky' | 'cg';

/** Solution of (A + mu I) X = B for one ridge mu. */
export interface RidgeSolution {
  readonly mu: number;
  /** n x k, row-major, float64. */
  readonly X: Float64Array;
  /** ||B - (A + mu I) X||_F / ||B||_F, computed in float64 (0 if B = 0). */
  readonly residual: number;
  readonly solver: RidgeSolverName;
  /** CG iterations summed over refinement passes (0 for Cholesky). */
  readonly iterations: number;
}

/** Targets y (n numbers, n x k rows, or a flat matrix) as a float64 n x k flat matrix. */
export function toTargets(y: Mat | Vec | FlatMatrix, n: number, name: string): FlatMatrix {
  if (!Array.isArray(y)) {
    assertGram(y as FlatMatrix, name, n);
    const f = y as FlatMatrix;
    return { rows: n, cols: f.cols, data: Float64Array.from(f.data) };
  }
  if (y.length > 0 && Array.isArray(y[0])) {
    const [, k] = assertMatrix(y as Mat, name, n);
    return { rows: n, cols: k, data: Float64Array.from((y as Mat).flat()) };
  }
  assertVector(y as Vec, name, n);
  return { rows: n, cols: 1, data: Float64Array.from(y as Vec) };
}

/**
 * R = B - (A + mu I) X in float64 (A n x n, X and B n x k); returns R and ||R||_F / ||B||_F.
 * X is transposed first so each product is a contiguous dot product, and rows of A go two at a
 * time so every load of X serves both (this runs once per CG refinement pass: n^2 k
 * multiply-adds, 250M at n = 5000, k = 10).
 */
export function ridgeResidual(
  A: FlatMatrix,
  X: Float64Array,
  B: Float64Array,
  k: number,
  mu: number,
): { R: Float64Array; relative: number } {
  const n = A.rows;
  const a = A.data;
  const XT = new Float64Array(n * k);
  for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) XT[c * n + j] = X[j * k + c];
  const AX = new Float64Array(n * k);
  for (let i = 0; i < n; i += 2) {
    const r0 = i * n;
    const two = i + 1 < n;
    const r1 = two ? r0 + n : r0;
    for (let c = 0; c < k; c++) {
      const xc = c * n;
      let s0 = 0,
        s1 = 0,
        t0 = 0,
        t1 = 0;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const x0 = XT[xc + j],
          x1 = XT[xc + j + 1];
        s0 += a[r0 + j] * x0;
        t0 += a[r0 + j + 1] * x1;
        s1 += a[r1 + j] * x0;
        t1 += a[r1 + j + 1] * x1;
      }
      if (j < n) {
        s0 += a[r0 + j] * XT[xc + j];
        s1 += a[r1 + j] * XT[xc + j];
      }
      AX[i * k + c] = s0 + t0;
      if (two) AX[(i + 1) * k + c] = s1 + t1;
    }
  }
  const R = new Float64Array(n * k);
  let rr = 0;
  let bb = 0;
  for (let t = 0; t < n * k; t++) {
    const r = B[t] - AX[t] - mu * X[t];
    R[t] = r;
    rr += r * r;
    bb += B[t] * B[t];
  }
  return { R, relative: bb === 0 ? Math.sqrt(rr) : Math.sqrt(rr / bb) };
}

export function checkRidges(mus: readonly number[], name = 'lambdas'): void {
  if (!Array.isArray(mus) || mus.length === 0) throw new RangeError(`${name} must be a non-empty array of ridge values`);
  mus.forEach((m, i) => {
    if (!(m >= 0) || !Number.isFinite(m)) throw new RangeError(`${name}[${i}] must be a finite number >= 0, got ${m}`);
  });
}

/** 'n': mu = lambda * n (the catalog's "ridge lam * N"); 'none': mu = lambda. */
export type RidgeScale = 'n' | 'none';

export function ridgeFactor(scale: RidgeScale, n: number): number {
  if (scale !== 'n' && scale !== 'none') throw new RangeError(`ridgeScale must be 'n' or 'none', got ${String(scale)}`);
  return scale === 'n' ? n : 1;
}
