import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/core/backend.js';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { ridgePredict, ridgeSelectAndFit, type BlockFeatureMap } from './ridge.js';
import { meanSquaredDifference } from '../../src/core/linalg/dense.js';
import { reluRandomFeatureMap } from './stage2.js';

/** Reference: (Phi^T Phi + mu I) w = Phi^T (y - ybar) by Gaussian elimination in float64. */
function referenceRidge(fm: BlockFeatureMap, X: Float64Array, y: Float64Array, mu: number): { w: Float64Array; b: number } {
  const n = y.length,
    D = fm.D;
  const Phi = new Float64Array(n * D);
  fm.map(X, n, Phi);
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const A = Array.from({ length: D }, (_, i) =>
    Array.from({ length: D + 1 }, (_, j) => {
      let s = 0;
      if (j < D) for (let p = 0; p < n; p++) s += Phi[p * D + i] * Phi[p * D + j];
      else for (let p = 0; p < n; p++) s += Phi[p * D + i] * (y[p] - ybar);
      return s + (i === j ? mu : 0);
    }),
  );
  for (let k = 0; k < D; k++) {
    for (let i = k + 1; i < D; i++) {
      const f = A[i][k] / A[k][k];
      for (let j = k; j <= D; j++) A[i][j] -= f * A[k][j];
    }
  }
  const w = new Float64Array(D);
  for (let i = D - 1; i >= 0; i--) {
    let s = A[i][D];
    for (let j = i + 1; j < D; j++) s -= A[i][j] * w[j];
    w[i] = s / A[i][i];
  }
  return { w, b: ybar };
}

describe('ndlRidge: blocked float32-GEMM Gram, float64 Cholesky ridge', () => {
  beforeAll(async () => {
    await initBackend('auto');
  });
  const rng = new Rng(keyFromSeed(5));
  const d = 3,
    n = 600,
    D = 13; // D not a multiple of 8, n spans several 256-row blocks
  const fm = reluRandomFeatureMap(d, D, keyFromSeed(6));
  const X = rng.normals(n * d);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(X[i * d]) + 0.5 * X[i * d + 1] ** 2 + 0.1 * rng.normal());

  const Xv = rng.normals(200 * d);
  const yv = Float64Array.from({ length: 200 }, (_, i) => Math.sin(Xv[i * d]) + 0.5 * Xv[i * d + 1] ** 2);

  it('fits every lambda on all rows (float64 normal equations) and keeps the one with the smallest holdout MSE', () => {
    const lambdas = [1e-4, 1e-2, 1];
    const fit = ridgeSelectAndFit(fm, X, y, Xv, yv, lambdas);
    lambdas.forEach((lam, k) => {
      const ref = referenceRidge(fm, X, y, lam * n);
      const mse = meanSquaredDifference(ridgePredict(fm, ref.w, ref.b, Xv, 200), yv);
      expect(fit.validationMse[k]).toBeCloseTo(mse, 6);
    });
    expect(fit.lambda).toBe(lambdas[fit.validationMse.indexOf(Math.min(...fit.validationMse))]);
    const ref = referenceRidge(fm, X, y, fit.lambda * n);
    expect(fit.intercept).toBeCloseTo(ref.b, 12);
    for (let j = 0; j < D; j++) expect(Math.abs(fit.weights[j] - ref.w[j])).toBeLessThan(1e-4 * (1 + Math.abs(ref.w[j])));
  });

  it('the ridge path behaves: a small ridge fits the training rows better than a large one', () => {
    const small = ridgeSelectAndFit(fm, X, y, Xv, yv, [1e-6]);
    const large = ridgeSelectAndFit(fm, X, y, Xv, yv, [1]);
    const train = (f: typeof small) => meanSquaredDifference(ridgePredict(fm, f.weights, f.intercept, X, n), y);
    expect(train(small)).toBeLessThan(train(large));
  });

  it('a huge ridge shrinks the model to the intercept (the training mean)', () => {
    const fit = ridgeSelectAndFit(fm, X, y, Xv, yv, [1e9]);
    const pred = ridgePredict(fm, fit.weights, fit.intercept, X, 5);
    const ybar = y.reduce((s, v) => s + v, 0) / n;
    for (const p of pred) expect(p).toBeCloseTo(ybar, 4);
  });

  it('rejects empty holdouts and bad ridges', () => {
    expect(() => ridgeSelectAndFit(fm, X, y, new Float64Array(0), new Float64Array(0), [1])).toThrow(/holdout/);
    expect(() => ridgeSelectAndFit(fm, X, y, Xv, yv, [])).toThrow(/lambdas/);
    expect(() => ridgeSelectAndFit(fm, X, y, Xv, yv, [-1])).toThrow(/lambdas/);
  });
});
