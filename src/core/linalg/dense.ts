/**
 * Small dense linear algebra in float64 on plain arrays: the reference path that exact claims
 * (Shamir 2018, Thms 1-2) evaluate their inequalities with. Matrices are row-major `number[][]`
 * so instances and counterexamples stay JSON; decompositions delegate to ml-matrix.
 *
 * Every public function validates shapes (and finiteness: a NaN that slips in here would turn a
 * verdict into "no violation found") and throws errors that name the argument.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { cholesky } from './cholesky.js';

export type Mat = readonly (readonly number[])[];
export type Vec = readonly number[];

/** Checks that `v` is a finite vector (of length `len` if given); returns its length. */
export function assertVector(v: Vec, name: string, len?: number): number {
  if (!Array.isArray(v)) throw new TypeError(`${name} must be an array of numbers`);
  if (len !== undefined && v.length !== len) {
    throw new RangeError(`${name} must have length ${len}, got ${v.length}`);
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new RangeError(`${name}[${i}] must be a finite number, got ${v[i]}`);
  }
  return v.length;
}

/**
 * Checks that `A` is a finite rectangular matrix with at least one row and one column (and the
 * given shape if asked); returns [rows, cols].
 */
export function assertMatrix(A: Mat, name: string, rows?: number, cols?: number): [number, number] {
  if (!Array.isArray(A) || A.length === 0 || !Array.isArray(A[0])) {
    throw new TypeError(`${name} must be a non-empty array of rows (number[][])`);
  }
  const m = A.length;
  const n = A[0].length;
  if (n === 0) throw new RangeError(`${name} must have at least one column`);
  if (rows !== undefined && m !== rows) throw new RangeError(`${name} must have ${rows} rows, got ${m}`);
  if (cols !== undefined && n !== cols) throw new RangeError(`${name} must have ${cols} columns, got ${n}`);
  for (let i = 0; i < m; i++) {
    const row = A[i];
    if (!Array.isArray(row) || row.length !== n) {
      throw new RangeError(`${name} must be rectangular: row ${i} has length ${row?.length}, row 0 has ${n}`);
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(row[j])) {
        throw new RangeError(`${name}[${i}][${j}] must be a finite number, got ${row[j]}`);
      }
    }
  }
  return [m, n];
}

function assertSquare(A: Mat, name: string): number {
  const [m, n] = assertMatrix(A, name);
  if (m !== n) throw new RangeError(`${name} must be square, got ${m} x ${n}`);
  return n;
}

export function zeros(rows: number, cols: number): number[][] {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`cols must be a non-negative integer, got ${cols}`);
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function identity(n: number): number[][] {
  const I = zeros(n, n);
  for (let i = 0; i < n; i++) I[i][i] = 1;
  return I;
}

export function dot(a: Vec, b: Vec): number {
  const n = assertVector(a, 'a');
  assertVector(b, 'b', n);
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Euclidean norm, scaled so that entries near 1e200 do not overflow when squared. */
export function norm2(v: Vec): number {
  const n = assertVector(v, 'v');
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (v[i] / scale) ** 2;
  return scale * Math.sqrt(s);
}

export function frobenius(A: Mat): number {
  assertMatrix(A, 'A');
  return norm2(A.flat());
}

export function transpose(A: Mat): number[][] {
  const [m, n] = assertMatrix(A, 'A');
  const T = zeros(n, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j][i] = A[i][j];
  return T;
}

export function matVec(A: Mat, x: Vec): number[] {
  const [m, n] = assertMatrix(A, 'A');
  assertVector(x, 'x', n);
  const out = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    const row = A[i];
    let s = 0;
    for (let j = 0; j < n; j++) s += row[j] * x[j];
    out[i] = s;
  }
  return out;
}

export function matMul(A: Mat, B: Mat): number[][] {
  const [m, n] = assertMatrix(A, 'A');
  const [, p] = assertMatrix(B, 'B', n);
  const C = zeros(m, p);
  for (let i = 0; i < m; i++) {
    const Ci = C[i];
    for (let l = 0; l < n; l++) {
      const a = A[i][l];
      const Bl = B[l];
      for (let j = 0; j < p; j++) Ci[j] += a * Bl[j];
    }
  }
  return C;
}

/** ml-matrix's SVD needs rows >= cols for accurate results; autoTranspose takes care of that. */
function svdOf(A: Mat): SingularValueDecomposition {
  return new SingularValueDecomposition(new Matrix(A.map((r) => [...r])), { autoTranspose: true });
}

/** Largest singular value (the operator 2-norm), via a full SVD: exact to rounding. */
export function spectralNorm(A: Mat): number {
  assertMatrix(A, 'A');
  return Math.max(0, ...svdOf(A).diagonal);
}

/**
 * Eigen-decomposition of a symmetric matrix, eigenvalues ascending; `vectors[j]` is the unit
 * eigenvector of `values[j]`. A is symmetrised as (A + A^T)/2 first, so the rounding asymmetry
 * of an assembled Hessian is harmless; a genuinely asymmetric input (off by more than 1e-8
 * relative) is an error, because its eigenvalues could be complex.
 */
export function symmetricEigen(A: Mat): { values: number[]; vectors: number[][] } {
  const n = assertSquare(A, 'A');
  let scale = 0;
  for (const row of A) for (const a of row) scale = Math.max(scale, Math.abs(a));
  const S = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (Math.abs(A[i][j] - A[j][i]) > 1e-8 * scale) {
        throw new RangeError(`A must be symmetric: A[${i}][${j}] = ${A[i][j]} but A[${j}][${i}] = ${A[j][i]}`);
      }
      S[i][j] = 0.5 * (A[i][j] + A[j][i]);
    }
  }
  const evd = new EigenvalueDecomposition(new Matrix(S), { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const Q = evd.eigenvectorMatrix;
  const order = vals.map((_, j) => j).sort((a, b) => vals[a] - vals[b]);
  return { values: order.map((j) => vals[j]), vectors: order.map((j) => Q.getColumn(j)) };
}

/** Eigenvalues of a symmetric matrix, ascending (see symmetricEigen). */
export function symmetricEigenvalues(A: Mat): number[] {
  return symmetricEigen(A).values;
}

export function lambdaMin(A: Mat): number {
  return symmetricEigenvalues(A)[0];
}

/**
 * Solves A x = b for symmetric positive-definite A (its lower triangle is read) through the one
 * Cholesky entry point (`cholesky.ts`, which picks ml-matrix, flat JS or wasm by n); throws if A
 * is not positive definite.
 */
export function choleskySolve(A: Mat, b: Vec): number[] {
  const n = assertSquare(A, 'A');
  assertVector(b, 'b', n);
  const F = cholesky(Float64Array.from(A.flat()), n);
  if (!F) throw new RangeError('A must be symmetric positive definite for choleskySolve; add a ridge or use leastSquares');
  return Array.from(F.solveInPlace(Float64Array.from(b)));
}

/**
 * Minimum-norm least-squares solution of A x ~ b: x = A^+ b through the SVD. Singular values
 * below `rcond * max(m, n) * sigma_max` count as zero (LAPACK's gelsd convention), so a
 * rank-deficient A gives the solution orthogonal to its null space instead of a huge one.
 */
export function leastSquares(A: Mat, b: Vec, rcond = Number.EPSILON): number[] {
  const [m, n] = assertMatrix(A, 'A');
  assertVector(b, 'b', m);
  if (!(rcond >= 0)) throw new RangeError(`rcond must be >= 0, got ${rcond}`);
  const svd = svdOf(A);
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const s = svd.diagonal;
  const cutoff = rcond * Math.max(m, n) * Math.max(0, ...s);
  const x = new Float64Array(n);
  for (let r = 0; r < s.length; r++) {
    if (!(s[r] > cutoff)) continue;
    let ub = 0;
    for (let i = 0; i < m; i++) ub += U.get(i, r) * b[i];
    const c = ub / s[r];
    for (let j = 0; j < n; j++) x[j] += c * V.get(j, r);
  }
  return Array.from(x);
}

/** Mean of (pred_i - y_i)^2: the test MSE every experiment reports (float64, index order). */
export function meanSquaredDifference(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  if (pred.length !== y.length) throw new RangeError(`meanSquaredDifference: ${pred.length} predictions for ${y.length} labels`);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}
