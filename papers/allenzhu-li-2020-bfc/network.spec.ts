import { describe, expect, it } from 'vitest';
import { rngFrom, keyFromSeed } from '../../src/core/random.js';
import { bfcLoss, bfcPredict, firstBlock, layout } from './network.js';
import { meanSquaredDifference } from '../../src/core/linalg/dense.js';

const shape = { d: 5, k: 3 };
const L = layout(shape);
const n = 7;

function setup(seed: number) {
  const rng = rngFrom(keyFromSeed(seed));
  const theta = rng.normals(L.size, 0.5);
  const X = rng.normals(n * shape.d);
  const y = rng.normals(n);
  return { theta, X, y };
}

/** Central finite differences of the float64 loss, entry by entry. */
function numericGrad(theta: Float64Array, f: (th: Float64Array) => number): Float64Array {
  const g = new Float64Array(theta.length);
  const h = 1e-6;
  for (let i = 0; i < theta.length; i++) {
    const p = Float64Array.from(theta),
      m = Float64Array.from(theta);
    p[i] += h;
    m[i] -= h;
    g[i] = (f(p) - f(m)) / (2 * h);
  }
  return g;
}

function expectClose(a: Float64Array, b: Float64Array, tol: number) {
  const scale = Math.max(1, ...Array.from(b, Math.abs));
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol * scale);
}

describe('bfcNetwork', () => {
  it('layout packs K1 (k x d), K2 (k x k), c0, c1, c2', () => {
    expect(L).toEqual({ K1: 0, K2: 15, c0: 24, c1: 25, c2: 26, size: 27 });
  });

  it('loss matches the explicit formula F = c0 + c1 Sum((K1 x)^2) + c2 Sum((K2 (K1 x)^2)^2) on one row', () => {
    const { theta, X, y } = setup(1);
    const x = Array.from(X.subarray(0, shape.d));
    const z = [0, 1, 2].map((i) => x.reduce((a, xj, j) => a + theta[i * 5 + j] * xj, 0));
    const s = z.map((v) => v * v);
    const u = [0, 1, 2].map((a) => s.reduce((acc, si, i) => acc + theta[15 + a * 3 + i] * si, 0));
    const F = theta[24] + theta[25] * s.reduce((a, b) => a + b) + theta[26] * u.reduce((a, b) => a + b * b, 0);
    expect(bfcLoss(shape, theta, X, y, 1, true)).toBeCloseTo((F - y[0]) ** 2, 12);
    expect(bfcPredict(shape, theta, X, 1, true)[0]).toBeCloseTo(F, 12);
    const F1 = theta[24] + theta[25] * s.reduce((a, b) => a + b);
    expect(bfcPredict(shape, theta, X, 1, false)[0]).toBeCloseTo(F1, 12);
  });

  it('joint gradient equals float64 central differences', () => {
    const { theta, X, y } = setup(2);
    const g = new Float64Array(L.size);
    bfcLoss(shape, theta, X, y, n, true, g);
    expectClose(
      g,
      numericGrad(theta, (th) => bfcLoss(shape, th, X, y, n, true)),
      1e-6,
    );
  });

  it('stage-1 gradient (block 2 off) equals central differences and is 0 on K2 and c2', () => {
    const { theta, X, y } = setup(3);
    const g = new Float64Array(L.size);
    bfcLoss(shape, theta, X, y, n, false, g);
    expectClose(
      g,
      numericGrad(theta, (th) => bfcLoss(shape, th, X, y, n, false)),
      1e-6,
    );
    for (let i = L.K2; i < L.c0; i++) expect(g[i]).toBe(0);
    expect(g[L.c2]).toBe(0);
  });

  it('layer-wise gradient with a frozen first block equals the joint gradient on K2, c0, c1, c2 and is 0 on K1', () => {
    const { theta, X, y } = setup(4);
    const S = firstBlock(shape, theta, X, n);
    const gl = new Float64Array(L.size),
      gj = new Float64Array(L.size);
    const lossL = bfcLoss(shape, theta, X, y, n, true, gl, S);
    const lossJ = bfcLoss(shape, theta, X, y, n, true, gj);
    expect(lossL).toBeCloseTo(lossJ, 12);
    for (let i = 0; i < L.size; i++) {
      // c1 is an output weight: the layer-wise variants that keep output weights training read its gradient.
      if (i < L.K2) expect(gl[i]).toBe(0);
      else expect(gl[i]).toBeCloseTo(gj[i], 12);
    }
  });

  it('k = 4 fast path: joint and stage-1 gradients equal central differences', () => {
    const shape4 = { d: 6, k: 4 };
    const L4 = layout(shape4);
    const rng = rngFrom(keyFromSeed(5));
    const theta = rng.normals(L4.size, 0.5),
      X = rng.normals(n * 6),
      y = rng.normals(n);
    for (const block2 of [true, false]) {
      const g = new Float64Array(L4.size);
      bfcLoss(shape4, theta, X, y, n, block2, g);
      expectClose(
        g,
        numericGrad(theta, (th) => bfcLoss(shape4, th, X, y, n, block2)),
        1e-6,
      );
    }
    // Predictions (generic loops) agree with the loss (fast path) on every row.
    const pred = bfcPredict(shape4, theta, X, n, true);
    expect(bfcLoss(shape4, theta, X, y, n, true)).toBeCloseTo(meanSquaredDifference(pred, y), 12);
  });

  it('mse is the mean squared difference', () => {
    expect(meanSquaredDifference(Float64Array.from([1, 2]), Float64Array.from([0, 0]))).toBe(2.5);
  });
});
