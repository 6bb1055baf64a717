import { describe, expect, it } from 'vitest';
import { lusolve } from 'mathjs';
import { Rng, keyFromSeed } from '../random.js';
import { choleskyRidgePath } from './choleskyRidge.js';
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
