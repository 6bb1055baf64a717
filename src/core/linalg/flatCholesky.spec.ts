import { describe, expect, it } from 'vitest';
import { lusolve } from 'mathjs';
import { Rng, keyFromSeed } from '../random.js';
import { choleskyInPlace, choleskySolveInPlace } from './flatCholesky.js';

/** A = G G^T + shift I, row-major, from a seeded Gaussian G (n x m). */
function randomSpd(n: number, m: number, shift: number, seed: number): Float64Array {
  const g = new Rng(keyFromSeed(seed)).normals(n * m);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < m; t++) s += g[i * m + t] * g[j * m + t];
      A[i * n + j] = A[j * n + i] = s + (i === j ? shift : 0);
    }
  }
  return A;
}

describe('flatCholesky', () => {
  // 150 and 203 are not multiples of the 64-row tile: covers partial tiles and odd row pairs.
  it.each([1, 7, 150, 203])('L L^T reproduces A (n = %i) with zero strict upper triangle', (n) => {
    const A = randomSpd(n, n + 3, 0.1, n);
    const L = Float64Array.from(A);
    expect(choleskyInPlace(L, n)).toBe(true);
    let err = 0,
      scale = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j > i) expect(L[i * n + j]).toBe(0);
        let s = 0;
        for (let t = 0; t < n; t++) s += L[i * n + t] * L[j * n + t];
        err = Math.max(err, Math.abs(s - A[i * n + j]));
        scale = Math.max(scale, Math.abs(A[i * n + j]));
      }
    }
    expect(err).toBeLessThan(1e-12 * scale);
  });

  it('solves k right-hand sides like mathjs lusolve', () => {
    const n = 40,
      k = 3;
    const A = randomSpd(n, 10, 0.5, 9);
    const B = new Rng(keyFromSeed(10)).normals(n * k);
    const X = Float64Array.from(B);
    const L = Float64Array.from(A);
    choleskyInPlace(L, n);
    choleskySolveInPlace(L, n, X, k);
    const rows = Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, (i + 1) * n)));
    for (let c = 0; c < k; c++) {
      const want = (
        lusolve(
          rows,
          Array.from({ length: n }, (_, i) => [B[i * k + c]]),
        ) as number[][]
      ).map((r) => r[0]);
      for (let i = 0; i < n; i++) expect(Math.abs(X[i * k + c] - want[i])).toBeLessThan(1e-9 * (1 + Math.abs(want[i])));
    }
  });

  it('reports a matrix that is not positive definite', () => {
    const A = Float64Array.from([1, 2, 2, 1]); // eigenvalues 3 and -1
    expect(choleskyInPlace(A, 2)).toBe(false);
    expect(choleskyInPlace(new Float64Array([0]), 1)).toBe(false);
  });

  it('names bad arguments', () => {
    expect(() => choleskyInPlace(new Float64Array(3), 2)).toThrow(/A must have n \* n = 4 entries/);
    expect(() => choleskySolveInPlace(new Float64Array(4), 2, new Float64Array(3), 2)).toThrow(/B must be a Float64Array with n \* k = 4/);
  });
});
