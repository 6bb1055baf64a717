import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { featureRidgeRegression } from './featureRegression.js';
import { gramFromRows, gramToRows } from '../kernels/Gram.js';

/** Direct float64 ridge: W = (Phi^T Phi + mu I)^{-1} Phi^T Y (ml-matrix). */
function directWeights(Phi: number[][], Y: number[][], mu: number): number[][] {
  const P = new Matrix(Phi);
  const A = P.transpose().mmul(P).add(Matrix.eye(P.columns).mul(mu));
  return solve(A, P.transpose().mmul(new Matrix(Y))).to2DArray();
}

describe('featureRidgeRegression', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const rng = new Rng(keyFromSeed(11));
  const mat = (m: number, n: number) => Array.from({ length: m }, () => Array.from(rng.normals(n)));

  it.each([
    [40, 6, 'primal'],
    [6, 40, 'dual'],
  ] as const)('n = %i, D = %i solves the %s system and matches the direct ridge', (n, D, form) => {
    const Phi = mat(n, D),
      Y = mat(n, 2),
      T = mat(5, D);
    const r = featureRidgeRegression({ features: gramFromRows(Phi), y: Y, testFeatures: gramFromRows(T), lambdas: [0.01] });
    expect(r.form).toBe(form);
    const W = directWeights(Phi, Y, 0.01 * n);
    gramToRows(r.weights).forEach((row, i) => row.forEach((v, c) => expect(v).toBeCloseTo(W[i][c], 8)));
    const P = new Matrix(T).mmul(new Matrix(W)).to2DArray();
    gramToRows(r.predictions!).forEach((row, i) => row.forEach((v, c) => expect(v).toBeCloseTo(P[i][c], 8)));
  });

  it('validation selection scores on the validation features', () => {
    const Phi = mat(30, 5),
      w = [1, -1, 0.5, 0, 2];
    const y = Phi.map((r) => r.reduce((s, v, i) => s + v * w[i], 0));
    const V = mat(10, 5);
    const r = featureRidgeRegression({
      features: gramFromRows(Phi),
      y,
      lambdas: [10, 1e-6],
      selection: { kind: 'validation', features: gramFromRows(V), y: V.map((r) => r.reduce((s, v, i) => s + v * w[i], 0)) },
    });
    expect(r.lambda).toBe(1e-6);
    expect(r.scores[1].mse).toBeLessThan(1e-8);
  });
});
