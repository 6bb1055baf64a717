import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { gramToRows, type Gram } from '../kernels/Gram.js';
import { krr } from './krr.js';
import { sphereReluNtkGram } from '../kernels/reluNtk.js';
import { rbfGram } from '../kernels/rbf.js';

/** The catalog's instance in miniature: x in {-1, 1}^d, y_j = x_{2j-1} x_{2j} (k = 2 outputs). */
function data(n: number, d: number, seed: number): { X: number[][]; Y: number[][] } {
  const rng = new Rng(keyFromSeed(seed));
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => (rng.uniform() < 0.5 ? -1 : 1)));
  return { X, Y: X.map((x) => [x[0] * x[1], x[2] * x[3]]) };
}

/** Direct float64 reference: alpha = (K + mu I)^{-1} Y by ml-matrix's LU solve; predictions K_t alpha. */
function direct(K: Gram, Y: number[][], mu: number, Kt: Gram): number[][] {
  const A = new Matrix(gramToRows(K).map((r, i) => r.map((v, j) => v + (i === j ? mu : 0))));
  const alpha = solve(A, new Matrix(Y));
  return new Matrix(gramToRows(Kt)).mmul(alpha).to2DArray();
}

const mse = (P: number[][], Y: number[][]) => P.reduce((s, p, i) => s + p.reduce((t, v, c) => t + (v - Y[i][c]) ** 2, 0), 0) / P.length;

describe('krr', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const train = data(120, 8, 1);
  const test = data(50, 8, 2);
  const K = sphereReluNtkGram(train.X);
  const Kt = sphereReluNtkGram(test.X, train.X);

  it('matches a direct float64 solve of (K + lambda n I) alpha = Y (multi-output)', () => {
    const r = krr({ K_train: K, y_train: train.Y, K_test_train: Kt, lambdas: [1e-3] });
    expect(r.selectedBy).toBe('single');
    expect(r.solver).toBe('cholesky');
    expect(r.residual).toBeLessThan(1e-12);
    const want = direct(K, train.Y, 1e-3 * 120, Kt);
    gramToRows(r.predictions!).forEach((row, i) => row.forEach((v, c) => expect(v).toBeCloseTo(want[i][c], 9)));
  });

  it("validation selection picks the lambda with the lowest validation MSE (the catalog's test-set choice)", () => {
    const lambdas = [1e-4, 1e-3, 1e-2, 1e-1];
    const r = krr({
      K_train: K,
      y_train: train.Y,
      K_test_train: Kt,
      lambdas,
      selection: { kind: 'validation', K_val_train: Kt, y_val: test.Y },
    });
    const direct_ = lambdas.map((l) => mse(direct(K, train.Y, l * 120, Kt), test.Y));
    r.scores.forEach((s, i) => expect(s.mse).toBeCloseTo(direct_[i], 9));
    expect(r.lambda).toBe(lambdas[direct_.indexOf(Math.min(...direct_))]);
    expect(mse(gramToRows(r.predictions!), test.Y)).toBeCloseTo(Math.min(...direct_), 9);
  });

  it('holdout selection is deterministic per key and refits on all rows', () => {
    const opts = { K_train: K, y_train: train.Y, lambdas: [1e-4, 1e-2, 1], selection: { kind: 'holdout' as const, key: keyFromSeed(3) } };
    const a = krr(opts);
    const b = krr(opts);
    expect(a.lambda).toBe(b.lambda);
    expect(a.scores).toEqual(b.scores);
    expect(a.alpha.rows).toBe(120);
    // A noiseless degree-2 target is fitted better with small ridges.
    expect(a.lambda).toBe(1e-4);
  });

  it('CG and Cholesky give the same predictions; vector targets and ridgeScale none work', () => {
    const y = train.Y.map((r) => r[0]);
    const before = tf.memory().numTensors;
    const cg = krr({ K_train: K, y_train: y, K_test_train: Kt, lambdas: [0.05], ridgeScale: 'none', solver: 'cg', cg: { tol: 1e-9 } });
    expect(tf.memory().numTensors).toBe(before);
    const ch = krr({ K_train: K, y_train: y, K_test_train: Kt, lambdas: [0.05], ridgeScale: 'none', solver: 'cholesky' });
    expect(cg.solver).toBe('cg');
    expect(cg.residual).toBeLessThan(1e-9);
    expect(cg.predictions!.cols).toBe(1);
    cg.predictions!.data.forEach((v, i) => expect(v).toBeCloseTo(ch.predictions!.data[i], 6));
    const want = direct(
      K,
      y.map((v) => [v]),
      0.05,
      Kt,
    );
    ch.predictions!.data.forEach((v, i) => expect(v).toBeCloseTo(want[i][0], 9));
  });

  it('learns a smooth target far below the zero predictor (RBF kernel, Gaussian inputs)', () => {
    const rng = new Rng(keyFromSeed(4));
    const draw = (n: number) => Array.from({ length: n }, () => Array.from(rng.normals(3)));
    const f = (x: number[]) => [Math.sin(x[0]) + 0.5 * x[1] * x[2]];
    const Xtr = draw(300),
      Xte = draw(100);
    const r = krr({
      K_train: rbfGram(Xtr, undefined, { lengthscale: 1 }),
      y_train: Xtr.map(f),
      K_test_train: rbfGram(Xte, Xtr, { lengthscale: 1 }),
      lambdas: [1e-5, 1e-3, 1e-1],
    });
    const Yte = Xte.map(f);
    expect(mse(gramToRows(r.predictions!), Yte)).toBeLessThan(
      0.1 *
        mse(
          Yte.map(() => [0]),
          Yte,
        ),
    );
  });

  it('names bad arguments', () => {
    expect(() => krr({ K_train: Kt, y_train: train.Y, lambdas: [1] })).toThrow(/K_train must be square/);
    expect(() => krr({ K_train: K, y_train: train.Y.slice(1), lambdas: [1] })).toThrow(/y_train must have 120 rows/);
    expect(() => krr({ K_train: K, y_train: train.Y, K_test_train: K, lambdas: [] })).toThrow(/lambdas must be a non-empty array/);
  });
});
