import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { mlp } from '../models/mlp.js';
import { disposeParams, stackParams } from '../models/Model.js';
import { keyFromSeed } from '../random.js';
import { withLeakCheck } from '../tf/leakCheck.js';
import { randomMatrix } from '../tf/testing.js';
import { adam } from './adam.js';

describe('adam', () => {
  const model = mlp({ inputDim: 3, widths: [16, 16, 1], activation: 'tanh', activateLast: false, biasStd: 0.1 });
  let X: tf.Tensor2D;
  let y: tf.Tensor;
  beforeAll(async () => {
    await initBackend('wasm');
    const data = randomMatrix(1, 64, 3);
    X = data.X;
    // A smooth nonlinear target the network can fit.
    y = tf.tensor1d(data.rows.map((x) => Math.sin(2 * x[0]) + x[1] * x[2]));
  });

  it('reduces the loss of an MLP on a nonlinear target, without leaks', async () => {
    const params = model.init(keyFromSeed(2));
    const { result, leaked } = await withLeakCheck(() => {
      const r = adam({ model, params, X, y, loss: 'squared', steps: 300, lr: 0.01, logEvery: 100 });
      disposeParams(r.params);
      return r;
    });
    expect(leaked).toBe(0);
    expect(result.diverged).toBe(false);
    const h = result.history;
    expect(h[h.length - 1].loss).toBeLessThan(0.2 * h[0].loss);
    disposeParams(params);
  });

  it('minibatch and chains: each chain improves', async () => {
    const starts = [3, 4].map((s) => model.init(keyFromSeed(s)));
    const params = stackParams(starts);
    const { result, leaked } = await withLeakCheck(() => {
      const r = adam({ model, params, X, y, loss: 'log-cosh', steps: 200, lr: 0.01, batchSize: 16, key: keyFromSeed(5), chains: 2 });
      disposeParams(r.params);
      return r;
    });
    expect(leaked).toBe(0);
    const first = result.history[0].chainLosses!;
    const last = result.history[result.history.length - 1].chainLosses!;
    last.forEach((l, c) => expect(l).toBeLessThan(0.5 * first[c]));
    [...starts, params].forEach(disposeParams);
  });

  it('flags divergence and validates betas', () => {
    const params = model.init(keyFromSeed(2));
    const r = adam({ model, params, X, y, loss: 'squared', steps: 20, lr: 1e30, logEvery: 5 });
    expect(r.diverged).toBe(true);
    disposeParams(r.params);
    expect(() => adam({ model, params, X, y, loss: 'squared', steps: 1, lr: 0.1, beta1: 1 })).toThrow(/beta1 must be in \[0, 1\)/);
    disposeParams(params);
  });
});
