import { describe, expect, it } from 'vitest';
import { lusolve } from 'mathjs';
import { Rng, keyFromSeed } from '../random.js';
import { choleskyRidgePath, choleskyRidgeSolve } from './choleskyRidge.js';
import { gramFromRows, gramToRows } from '../kernels/Gram.js';
import { reluNetworkKernels } from '../kernels/reluNtk.js';

describe('choleskyRidgePath', () => {
  const rng = new Rng(keyFromSeed(6));
  const X = Array.from({ length: 30 }, () => Array.from(rng.normals(4)));
  const K = reluNetworkKernels(X, undefined, { hiddenLayers: 2 }).ntk;
  const Y = Array.from({ length: 30 }, () => [rng.normal(), rng.normal()]);

  it('matches mathjs lusolve of (K + mu I) X = Y for every mu, with tiny float64 residuals', () => {
    const mus = [1e-3, 0.1, 3];
    const sols = choleskyRidgePath(K, gramFromRows(Y), mus);
    sols.forEach((s, m) => {
      expect(s.mu).toBe(mus[m]);
      expect(s.residual).toBeLessThan(1e-12);
      const A = gramToRows(K).map((row, i) => row.map((v, j) => v + (i === j ? mus[m] : 0)));
      for (let c = 0; c < 2; c++) {
        const want = lusolve(
          A,
          Y.map((row) => [row[c]]),
        ) as number[][];
        want.forEach((row, i) => expect(s.X[i * 2 + c]).toBeCloseTo(row[0], 8));
      }
    });
  });

  it('explains a matrix that is not positive definite', () => {
    const singular = gramFromRows([
      [1, 1],
      [1, 1],
    ]);
    expect(() => choleskyRidgePath(singular, gramFromRows([[1], [2]]), [0])).toThrow(
      /not numerically positive definite at mu = 0; use a larger ridge/,
    );
  });
});

describe('choleskyRidgeSolve', () => {
  it('returns null (never throws) when A + mu I is indefinite, and the solution otherwise', () => {
    const A = { rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 1]) }; // eigenvalues 3, -1
    const b = { rows: 2, cols: 1, data: Float64Array.from([1, 1]) };
    expect(choleskyRidgeSolve(A, b, 0.5)).toBeNull();
    const s = choleskyRidgeSolve(A, b, 2)!; // (A + 2I) x = 1: x = 1/5
    expect(Array.from(s.X)).toEqual([0.2, 0.2].map((v) => expect.closeTo(v, 15)));
    expect(s.residual).toBeLessThan(1e-15);
  });
});
