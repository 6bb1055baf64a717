import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { mlp } from '../models/mlp.js';
import { disposeParams, paramsToArrays, stackParams, unstackParams, type Params } from '../models/Model.js';
import { tweakedUnit } from '../models/residual.js';
import { fold, keyFromSeed, Rng } from '../random.js';
import { withLeakCheck } from '../tf/leakCheck.js';
import { expectArraysClose, randomMatrix } from '../tf/testing.js';
import { sgd } from './sgd.js';

const d = 6;
const k = 5;
const n = 64;
const model = tweakedUnit({ features: mlp({ inputDim: d, widths: [k], activation: 'tanh' }) });

describe('sgd', () => {
  let X: tf.Tensor2D;
  let y: tf.Tensor1D;
  beforeAll(async () => {
    await initBackend('wasm');
    X = randomMatrix(1, n, d, 0.4).X;
    const signs = new Rng(keyFromSeed(2)).uniforms(n).map((u) => (u < 0.5 ? -1 : 1));
    y = tf.tensor1d(Float32Array.from(signs));
  });

  const flat = (p: Params) => Object.values(paramsToArrays(p)).flat(3) as number[];
  const run = (params: Params, seed: number, extra: object = {}) =>
    sgd({ model, params, X, y, loss: 'logistic', steps: 60, lr: 0.3, batchSize: 4, key: keyFromSeed(seed), ...extra });

  it('is deterministic for a key, differs across keys, reduces the loss and leaks nothing', async () => {
    const params = model.init(keyFromSeed(3));
    const { result, leaked } = await withLeakCheck(() => {
      const [a, b, c] = [7, 7, 8].map((s) => run(params, s));
      const out = { a: flat(a.params), b: flat(b.params), c: flat(c.params), hist: a.history };
      [a, b, c].forEach((r) => disposeParams(r.params));
      return out;
    });
    expect(leaked).toBe(0);
    expect(result.a).toEqual(result.b);
    expect(result.a).not.toEqual(result.c);
    expect(result.hist[result.hist.length - 1].loss).toBeLessThan(result.hist[0].loss);
    disposeParams(params);
  });

  it('leaves frozen parameters untouched', () => {
    const params = model.init(keyFromSeed(3));
    const r = run(params, 7, { trainable: ['w', 'v'] });
    const before = paramsToArrays(params);
    const after = paramsToArrays(r.params);
    expect(after['theta.W0']).toEqual(before['theta.W0']);
    expect(after['theta.b0']).toEqual(before['theta.b0']);
    expect(after.w).not.toEqual(before.w);
    [params, r.params].forEach(disposeParams);
  });

  it('chain c of a batched run matches an unbatched run keyed fold(key, c), for shared and per-chain data', async () => {
    const starts = [4, 5, 6].map((s) => model.init(keyFromSeed(s)));
    const stacked = stackParams(starts);
    const Xs = tf.stack([X, tf.mul(X, 2), tf.neg(X)]) as tf.Tensor3D;
    const key = keyFromSeed(9);
    const { leaked } = await withLeakCheck(() => {
      for (const Xin of [X, Xs]) {
        const batched = sgd({ model, params: stacked, X: Xin, y, loss: 'logistic', steps: 30, lr: 0.3, batchSize: 4, key, chains: 3 });
        const chains = unstackParams(batched.params);
        starts.forEach((p, c) => {
          const Xc = Xin === X ? X : (tf.tidy(() => tf.squeeze(tf.slice(Xs, [c, 0, 0], [1, n, d]), [0])) as tf.Tensor2D);
          const single = sgd({ model, params: p, X: Xc, y, loss: 'logistic', steps: 30, lr: 0.3, batchSize: 4, key: fold(key, c) });
          expectArraysClose(flat(chains[c]), flat(single.params), `chain ${c}`, 1e-4, 1e-5);
          disposeParams(single.params);
          if (Xc !== X) Xc.dispose();
        });
        [batched.params, ...chains].forEach(disposeParams);
      }
    });
    expect(leaked).toBe(0);
    [...starts, stacked].forEach(disposeParams);
    Xs.dispose();
  });

  it('onStep can replace theta before each step; replaced tensors are disposed', async () => {
    const params = model.init(keyFromSeed(3));
    const seen: number[] = [];
    const { leaked } = await withLeakCheck(() => {
      const r = run(params, 7, {
        trainable: ['w', 'v'],
        onStep: (t: number) => {
          seen.push(t);
          return { 'theta.W0': tf.tensor2d(Float32Array.from(new Rng(keyFromSeed(100 + t)).normals(d * k, 3)), [d, k]) };
        },
      });
      const W = paramsToArrays(r.params)['theta.W0'] as number[][];
      const last = Array.from(new Rng(keyFromSeed(159)).normals(d * k, 3), Math.fround);
      expect(W.flat()).toEqual(last);
      disposeParams(r.params);
    });
    expect(leaked).toBe(0);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i));
    disposeParams(params);
  });

  it('needs a key, and onStep may only replace existing parameters with the same shape', async () => {
    const params = model.init(keyFromSeed(3));
    expect(() => sgd({ model, params, X, y, loss: 'logistic', steps: 1, lr: 0.1 })).toThrow(/needs a key/);
    const { leaked } = await withLeakCheck(() => {
      expect(() => run(params, 1, { onStep: () => ({ u: tf.zeros([1]) }) })).toThrow(/onStep\(0\) returned unknown parameter "u"/);
      expect(() => run(params, 1, { onStep: () => ({ w: tf.zeros([1]) }) })).toThrow(/returned "w" with shape \[1\], expected \[6, 1\]/);
    });
    expect(leaked).toBe(2); // the rejected tensors stay with the caller
    disposeParams(params);
  });
});
