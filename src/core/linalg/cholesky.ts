/**
 * The one Cholesky entry point: A = L L^T for a symmetric positive-definite A (row-major n x n
 * Float64Array, lower triangle read), by one of three implementations chosen by size, each
 * with the triangular solves that belong to it:
 *
 *   n <= ML_MATRIX_MAX_N   'ml-matrix'  ml-matrix's CholeskyDecomposition and its solve
 *   n <= FLAT_MAX_N        'flat'       flatCholesky.ts: tiled JS on flat arrays
 *   larger                 'wasm'       cholesky64.ts: blocked, wasm SIMD GEMM updates on the
 *                                       shared team (sharedTeam.ts), solves by triSolve64.ts
 *
 * Measured with `npm run bench -- --cholesky-tiers --runs 15` (factor + one solve, median of 15
 * runs, Node 20, the 2-core development machine under load from other sessions (load average
 * ~8), so single entries are noisy; two runs agreed on the crossovers), in milliseconds:
 *
 *   n       4     16     32     64     96    128    192    256    320    384    512    768   1024
 *   ml    0.10   0.54   0.10   0.36   1.50   5.87   25.1   41.5    123    217    491      -      -
 *   flat  0.02   0.32   0.02   0.08   0.67   0.63   5.96   16.3   31.6   26.4   73.3    216   1260
 *   wasm  0.01   0.06   0.05   0.12   5.58   0.61   4.63   21.2   26.9   22.6   60.7   94.2    415
 *
 * Flat JS is fastest or tied up to n = 256, wasm from 320 on (2-4x at n >= 768), so
 * FLAT_MAX_N = 256. ml-matrix is never the fastest (2-5x slower than flat JS from n = 4); it is
 * kept for n <= 32 because the exact claims' small systems (Newton steps of the best linear
 * predictor, d <= 20) have always been solved by it: at 0.1 ms a factorisation, moving them
 * would change every exact claim's last bits and its saved counterexamples for nothing
 * measurable. The three round differently (summation orders), so a size's tier is part of its
 * numbers: every caller at the same n gets the same bits, and `tier` pins one (tests, bench).
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { choleskyInPlace as flatCholeskyInPlace, choleskySolveInPlace as flatSolveInPlace } from './flatCholesky.js';
import { choleskyInPlace as blockedCholeskyInPlace } from './cholesky64.js';
import { solveLowerInPlace, solveLowerTransposeInPlace } from './triSolve64.js';
import { sharedTeam } from '../wasm/sharedTeam.js';

export const ML_MATRIX_MAX_N = 32;
export const FLAT_MAX_N = 256;

export type CholeskyTier = 'ml-matrix' | 'flat' | 'wasm';

export interface CholeskyOptions {
  /** 'auto' (default) picks by n as in the header. */
  readonly tier?: CholeskyTier | 'auto';
}

/** A factorisation A = L L^T and the solves of its tier. */
export interface CholeskyFactor {
  readonly n: number;
  readonly tier: CholeskyTier;
  /** L, row-major n x n, strict upper triangle zero (the array passed to `cholesky`). */
  readonly L: Float64Array;
  /** Solves A X = B in place for B row-major n x k (k right-hand sides, default 1); returns B. */
  solveInPlace(B: Float64Array, k?: number): Float64Array;
}

export function choleskyTier(n: number, choice: CholeskyTier | 'auto' = 'auto'): CholeskyTier {
  if (choice !== 'auto' && choice !== 'ml-matrix' && choice !== 'flat' && choice !== 'wasm') {
    throw new RangeError(`cholesky: tier must be 'auto', 'ml-matrix', 'flat' or 'wasm', got ${String(choice)}`);
  }
  if (choice !== 'auto') return choice;
  return n <= ML_MATRIX_MAX_N ? 'ml-matrix' : n <= FLAT_MAX_N ? 'flat' : 'wasm';
}

function checkB(B: Float64Array, n: number, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`cholesky solve: k must be a positive integer, got ${k}`);
  if (!(B instanceof Float64Array) || B.length !== n * k) {
    throw new RangeError(`cholesky solve: B must be a Float64Array with n * k = ${n * k} entries (row-major n x k)`);
  }
}

/**
 * Overwrites A (row-major n x n; only its lower triangle is read) with its Cholesky factor L and
 * returns the factorisation, or null when A is not numerically positive definite (then A is
 * left partly overwritten): add a ridge, or check that A is a Gram matrix.
 */
export function cholesky(A: Float64Array, n: number, options: CholeskyOptions = {}): CholeskyFactor | null {
  if (!(A instanceof Float64Array)) throw new TypeError('cholesky: A must be a Float64Array (row-major n x n)');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`cholesky: n must be a positive integer, got ${n}`);
  if (A.length !== n * n) throw new RangeError(`cholesky: A must have n * n = ${n * n} entries, got ${A.length}`);
  const tier = choleskyTier(n, options.tier);
  if (tier === 'ml-matrix') return mlMatrixTier(A, n);
  if (tier === 'flat') {
    if (!flatCholeskyInPlace(A, n)) return null;
    return {
      n,
      tier,
      L: A,
      solveInPlace: (B, k = 1) => {
        checkB(B, n, k);
        flatSolveInPlace(A, n, B, k);
        return B;
      },
    };
  }
  return wasmTier(A, n);
}

function mlMatrixTier(A: Float64Array, n: number): CholeskyFactor | null {
  // Symmetric from the lower triangle (ml-matrix reads only the lower triangle too, but checks symmetry).
  const M = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) M.set(i, j, A[i * n + j]).set(j, i, A[i * n + j]);
  const chol = new CholeskyDecomposition(M);
  if (!chol.isPositiveDefinite()) return null;
  const L = chol.lowerTriangularMatrix;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = L.get(i, j);
  return {
    n,
    tier: 'ml-matrix',
    L: A,
    solveInPlace: (B, k = 1) => {
      checkB(B, n, k);
      const X = chol.solve(new Matrix(Array.from({ length: n }, (_, i) => Array.from(B.subarray(i * k, (i + 1) * k)))));
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) B[i * k + c] = X.get(i, c);
      return B;
    },
  };
}

function wasmTier(A: Float64Array, n: number): CholeskyFactor | null {
  const team = sharedTeam();
  // The blocked kernel needs n a multiple of 4: pad with an identity block (its factor is I).
  const np = Math.ceil(n / 4) * 4;
  const mark = team.mark();
  try {
    const a = team.alloc(8 * np * np);
    const M = team.f64(a, np * np);
    M.fill(0);
    for (let i = 0; i < n; i++) M.set(A.subarray(i * n, i * n + i + 1), i * np);
    for (let i = n; i < np; i++) M[i * np + i] = 1;
    try {
      blockedCholeskyInPlace(team, a, np, np);
    } catch (e) {
      if (e instanceof RangeError && /not positive definite/.test(e.message)) return null;
      throw e;
    }
    const F = team.f64(a, np * np);
    for (let i = 0; i < n; i++) {
      A.set(F.subarray(i * np, i * np + i + 1), i * n);
      A.fill(0, i * n + i + 1, (i + 1) * n);
    }
  } finally {
    team.release(mark);
  }
  return {
    n,
    tier: 'wasm',
    L: A,
    solveInPlace: (B, k = 1) => {
      checkB(B, n, k);
      const x = new Float64Array(n);
      for (let c = 0; c < k; c++) {
        for (let i = 0; i < n; i++) x[i] = B[i * k + c];
        solveLowerTransposeInPlace(A, n, n, solveLowerInPlace(A, n, n, x));
        for (let i = 0; i < n; i++) B[i * k + c] = x[i];
      }
      return B;
    },
  };
}
