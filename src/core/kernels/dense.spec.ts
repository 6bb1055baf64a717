import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { disposeParams, paramsToArrays, stackParams } from '../models/Model.js';
import { keyFromSeed } from '../random.js';
import { expectArraysClose, randomMatrix } from '../tf/testing.js';
import { dense } from './dense.js';
import { inputKernel } from './layer.js';

describe('dense (NTK parameterisation)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('apply is h W sigma_w / sqrt(fan_in) + sigma_b b with N(0, 1) parameters', () => {
    const layer = dense({ width: 3, sigmaW: 1.5, sigmaB: 0.4 });
    expect(layer.describe(4)).toEqual({ outputDim: 3, shapes: { W: [4, 3], b: [3] } });
    const params = layer.init(keyFromSeed(1), 4);
    const { rows, X } = randomMatrix(2, 5, 4);
    const out = tf.tidy(() => layer.apply(params, X));
    const { W, b } = paramsToArrays(params) as { W: number[][]; b: number[] };
    const want = rows.flatMap((x) => [0, 1, 2].map((o) => (1.5 / 2) * x.reduce((s, v, i) => s + v * W[i][o], 0) + 0.4 * b[o]));
    expectArraysClose(out.dataSync(), want, 'dense');
    // Chain-stacked parameters: chain c computes exactly what its own parameters compute.
    const other = layer.init(keyFromSeed(2), 4);
    const stacked = stackParams([params, other]);
    const both = tf.tidy(() => layer.apply(stacked, X));
    const second = tf.tidy(() => layer.apply(other, X));
    expect(both.shape).toEqual([2, 5, 3]);
    expectArraysClose(both.dataSync().slice(15), second.dataSync(), 'chain 1');
    tf.dispose([X, out, both, second]);
    [params, other, stacked].forEach(disposeParams);
  });

  it('has no bias parameter when sigma_b = 0', () => {
    expect(dense({ width: 2 }).describe(3).shapes).toEqual({ W: [3, 2] });
  });

  it('kernel: nngp = sigma_w^2 nngp + sigma_b^2, ntk = sigma_w^2 ntk + nngp', () => {
    const X = [
      [1, 2],
      [-1, 0.5],
    ];
    const k0 = inputKernel(X);
    const base = Array.from(k0.nngp);
    const k1 = dense({ width: 7, sigmaW: 2, sigmaB: 0.5 }).kernel(k0);
    base.forEach((v, i) => {
      expect(k1.nngp[i]).toBeCloseTo(4 * v + 0.25, 14);
      expect(k1.ntk[i]).toBeCloseTo(4 * v + 0.25, 14);
    });
    const k2 = dense({ width: 1, sigmaW: 1, sigmaB: 0 }).kernel(k1);
    base.forEach((v, i) => expect(k2.ntk[i]).toBeCloseTo(2 * (4 * v + 0.25), 14));
    expect(k2.var1[0]).toBeCloseTo(4 * (5 / 2) + 0.25, 14);
  });

  it('names bad options and inputs', () => {
    expect(() => dense({ width: 0 })).toThrow(/width must be a positive integer/);
    expect(() => dense({ width: 2, sigmaW: -1 })).toThrow(/sigmaW must be a finite number > 0/);
    const layer = dense({ width: 2 });
    const p = layer.init(keyFromSeed(1), 3);
    expect(() => tf.tidy(() => layer.apply(p, tf.zeros([1, 4])))).toThrow(/input width 4 does not match W's fan-in 3/);
    disposeParams(p);
  });
});
