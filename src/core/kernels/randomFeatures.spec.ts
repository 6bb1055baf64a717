import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { arcCosineKernel } from './arcCosine.js';
import { gramToRows } from './Gram.js';
import { randomFeaturesRegression, reluRandomFeatures } from './randomFeatures.js';

describe('random ReLU features', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const rng = new Rng(keyFromSeed(13));
  const draw = (n: number, d: number) => Array.from({ length: n }, () => Array.from(rng.normals(d)));

  it('Phi Phi^T / D tends to E[relu(w.x + b) relu(w.z + b)] = k_1((x/sqrt d, 1), (z/sqrt d, 1)) / 2', () => {
    // w ~ N(0, I/d), b ~ N(0, 1): w.x + b = g.(x / sqrt(d), 1) with g ~ N(0, I_{d+1}) (Cho & Saul 2009).
    const d = 4,
      D = 40_000;
    const X = draw(4, d);
    const before = tf.memory().numTensors;
    const Phi = reluRandomFeatures(d, D, keyFromSeed(1)).map(X);
    expect(tf.memory().numTensors).toBe(before);
    const aug = X.map((x) => [...x.map((v) => v / Math.sqrt(d)), 1]);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let t = 0; t < D; t++) s += Phi.data[i * D + t] * Phi.data[j * D + t];
        const want = arcCosineKernel(1, aug[i], aug[j]) / 2;
        expect(Math.abs(s / D - want)).toBeLessThan(0.03 * Math.max(want, 0.2));
      }
    }
  });

  it('interpolates the training data as lambda -> 0 when D >= n', () => {
    const X = draw(40, 5);
    const y = X.map((x) => Math.sin(3 * x[0]) + x[1] * x[2]);
    const r = randomFeaturesRegression({ X, y, D: 400, lambdas: [1e-10], key: keyFromSeed(2), X_test: X, ridgeScale: 'none' });
    expect(r.form).toBe('dual');
    r.predictions!.data.forEach((v, i) => expect(Math.abs(v - y[i])).toBeLessThan(1e-4));
  });

  it('is deterministic per key and picks a ridge from the grid', () => {
    const X = draw(60, 3);
    const y = X.map((x) => [x[0] * x[1], Math.abs(x[2])]);
    const opts = { X, y, D: 32, lambdas: [1e-4, 1e-2, 1], key: keyFromSeed(3), X_test: X.slice(0, 5) };
    const a = randomFeaturesRegression(opts);
    const b = randomFeaturesRegression(opts);
    expect(a.form).toBe('primal');
    expect(gramToRows(a.predictions!)).toEqual(gramToRows(b.predictions!));
    expect(opts.lambdas).toContain(a.lambda);
    expect(a.weights.rows).toBe(32);
  });
});
