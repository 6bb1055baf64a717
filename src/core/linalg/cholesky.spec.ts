import { describe, expect, it } from 'vitest';
import { cholesky, choleskyTier, FLAT_MAX_N, ML_MATRIX_MAX_N, type CholeskyTier } from './cholesky.js';
import { keyFromSeed, Rng } from '../random.js';

/** G G^T / n + I/4 (SPD) for a seeded normal G. */
function spd(n: number, seed: number): Float64Array {
  const G = new Rng(keyFromSeed(seed)).normals(n * n);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += G[i * n + t] * G[j * n + t];
      A[i * n + j] = s / n + (i === j ? 0.25 : 0);
    }
  return A;
}

const TIERS: readonly CholeskyTier[] = ['ml-matrix', 'flat', 'wasm'];

describe('cholesky (the entry point)', () => {
  it('picks ml-matrix, flat JS and wasm by n at the stated thresholds, or the pinned tier', () => {
    expect([1, ML_MATRIX_MAX_N, ML_MATRIX_MAX_N + 1, FLAT_MAX_N, FLAT_MAX_N + 1].map((n) => choleskyTier(n))).toEqual([
      'ml-matrix',
      'ml-matrix',
      'flat',
      'flat',
      'wasm',
    ]);
    expect(choleskyTier(5000, 'flat')).toBe('flat');
    expect(() => choleskyTier(5, 'lapack' as CholeskyTier)).toThrow(/tier must be/);
  });

  for (const tier of TIERS) {
    it(`${tier}: L L^T = A to 1e-13 and the solve of A X = B (k = 3) has a float64 residual below 1e-12 (n = 1, 7, 70)`, () => {
      for (const n of [1, 7, 70]) {
        const A = spd(n, n);
        const M = Float64Array.from(A);
        // Garbage above the diagonal: only the lower triangle may be read.
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) M[i * n + j] = 1e300;
        const F = cholesky(M, n, { tier });
        expect(F?.tier).toBe(tier);
        const L = F!.L;
        let err = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            if (j > i) expect(L[i * n + j]).toBe(0);
            let s = 0;
            for (let t = 0; t < n; t++) s += L[i * n + t] * L[j * n + t];
            err = Math.max(err, Math.abs(s - A[i * n + j]));
          }
        expect(err).toBeLessThan(1e-13);
        const k = 3;
        const B = new Rng(keyFromSeed(100 + n)).normals(n * k);
        const X = F!.solveInPlace(Float64Array.from(B), k);
        let r = 0;
        for (let i = 0; i < n; i++)
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let t = 0; t < n; t++) s += A[i * n + t] * X[t * k + c];
            r = Math.max(r, Math.abs(s - B[i * k + c]));
          }
        expect(r).toBeLessThan(1e-12);
      }
    });

    it(`${tier}: returns null for an indefinite matrix and names bad arguments`, () => {
      const A = Float64Array.from([1, 2, 2, 1]); // eigenvalues 3 and -1
      expect(cholesky(A, 2, { tier })).toBeNull();
      const F = cholesky(Float64Array.from([4]), 1, { tier })!;
      expect(() => F.solveInPlace(new Float64Array(2))).toThrow(/B must be a Float64Array with n \* k = 1/);
    });
  }

  it('tiers agree to 1e-12 with each other (different summation orders, same factor)', () => {
    const n = 50;
    const A = spd(n, 3);
    const Ls = TIERS.map((tier) => cholesky(Float64Array.from(A), n, { tier })!.L);
    for (let i = 0; i < n * n; i++) {
      expect(Math.abs(Ls[1][i] - Ls[0][i])).toBeLessThan(1e-12);
      expect(Math.abs(Ls[2][i] - Ls[0][i])).toBeLessThan(1e-12);
    }
    expect(() => cholesky(new Float64Array(3), 2)).toThrow(/A must have n \* n = 4 entries/);
  });
});
