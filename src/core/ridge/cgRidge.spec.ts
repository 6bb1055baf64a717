import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { cgRidgePath } from './cgRidge.js';
import { choleskyRidgePath } from './choleskyRidge.js';
import { gramFromRows } from '../kernels/Gram.js';
import { sphereReluNtkGram } from '../kernels/reluNtk.js';

const rng = new Rng(keyFromSeed(9));
const n = 300,
  d = 12;
const X = Array.from({ length: n }, () => Array.from({ length: d }, () => (rng.uniform() < 0.5 ? -1 : 1)));
const Y = gramFromRows(X.map((x) => [x[0] * x[1], x[2] * x[3] * x[4], rng.normal()]));

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let num = 0,
    den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

describe('cgRidgePath (float32 CG, float64 refinement)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const K = sphereReluNtkGram(X);

  it('agrees with float64 Cholesky across the ridge grid, with float64 residual below tol', () => {
    const mus = [1e-4, 1e-3, 1e-2, 1e-1].map((l) => l * n);
    const before = tf.memory().numTensors;
    const cg = cgRidgePath(K, Y, mus, { tol: 1e-8 });
    expect(tf.memory().numTensors).toBe(before);
    const chol = choleskyRidgePath(K, Y, mus);
    cg.forEach((s, i) => {
      expect(s.solver).toBe('cg');
      expect(s.residual).toBeLessThan(1e-8);
      expect(s.iterations).toBeGreaterThan(0);
      expect(maxRelDiff(s.X, chol[i].X)).toBeLessThan(1e-6);
    });
  });

  it('returns the same solutions whatever the order of the grid (warm starts only save work)', () => {
    const a = cgRidgePath(K, Y, [0.03, 3, 0.3]);
    const b = cgRidgePath(K, Y, [3, 0.3, 0.03]);
    expect(maxRelDiff(a[0].X, b[2].X)).toBeLessThan(1e-5);
    expect(maxRelDiff(a[1].X, b[0].X)).toBeLessThan(1e-5);
  });

  it('solves a zero right-hand side column to zero without NaNs', () => {
    const Z = gramFromRows(X.map((x) => [x[0], 0]));
    const [s] = cgRidgePath(K, Z, [1]);
    for (let i = 0; i < n; i++) expect(s.X[i * 2 + 1]).toBe(0);
    expect(Number.isFinite(s.residual)).toBe(true);
  });
});
