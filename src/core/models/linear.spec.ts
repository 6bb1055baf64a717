import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { keyFromSeed } from '../random.js';
import { expectArraysClose, randomMatrix } from '../tf/testing.js';
import { linear } from './linear.js';
import { disposeParams, paramsToArrays } from './Model.js';

describe('linear model', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('apply is x w, matching float64 loops', () => {
    const m = linear({ inputDim: 4, outputDim: 2 });
    const params = m.init(keyFromSeed(1));
    const { rows, X } = randomMatrix(2, 7, 4);
    const w = paramsToArrays(params).w as number[][];
    const want = rows.flatMap((x) => [0, 1].map((o) => x.reduce((s, xi, i) => s + xi * w[i][o], 0)));
    const p = tf.tidy(() => m.apply(params, X));
    expect(p.shape).toEqual([7, 2]);
    expectArraysClose(p.dataSync(), want, 'x w');
    tf.dispose([p, X]);
    disposeParams(params);
  });

  it('same key gives the same params, different keys differ, initStd 0 is the origin', () => {
    const m = linear({ inputDim: 3 });
    const [a, b, c] = [1, 1, 2].map((s) => paramsToArrays(tf.tidy(() => m.init(keyFromSeed(s)))));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const zero = linear({ inputDim: 3, initStd: 0 }).init(keyFromSeed(1));
    expect(paramsToArrays(zero)).toEqual({ w: [[0], [0], [0]] });
    disposeParams(zero);
  });

  it('names the bad argument', () => {
    expect(() => linear({ inputDim: 0 })).toThrow(/inputDim must be a positive integer/);
    const m = linear({ inputDim: 3 });
    const params = m.init(keyFromSeed(1));
    expect(() => tf.tidy(() => m.apply(params, tf.zeros([2, 4]) as tf.Tensor2D))).toThrow(/x must be \[n, 3\]/);
    expect(() => m.apply({}, tf.zeros([2, 3]) as tf.Tensor2D)).toThrow(/no "w"/);
    disposeParams(params);
  });
});
