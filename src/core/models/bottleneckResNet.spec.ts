import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { keyFromSeed } from '../random.js';
import { expectChainsMatchSingles, expectArraysClose, randomMatrix } from '../tf/testing.js';
import { bottleneckResNet, bottleneckResNetForward64, type BottleneckParams64 } from './bottleneckResNet.js';
import { disposeParams, paramsToArrays } from './Model.js';

describe('bottleneckResNet', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  const cases: [string, { activation?: 'relu' | 'identity'; skip?: boolean }][] = [
    ['relu with skip block', {}],
    ['identity activation', { activation: 'identity' }],
    ['no U block', { skip: false }],
  ];
  it.each(cases)('%s matches the float64 forward pass', (_name, opts) => {
    // Non-zero biases and a large U so every branch (both ReLUs, the skip) matters.
    const m = bottleneckResNet({ inputDim: 5, width: 12, outputDim: 3, biasStd: 0.5, uStd: 0.5, ...opts });
    const params = m.init(keyFromSeed(3));
    const { rows, X } = randomMatrix(4, 20, 5);
    const out = tf.tidy(() => m.apply(params, X));
    expect(out.shape).toEqual([20, 3]);
    const p64 = paramsToArrays(params) as unknown as BottleneckParams64;
    expectArraysClose(out.dataSync(), bottleneckResNetForward64(p64, rows, opts.activation ?? 'relu').flat(), 'out', 1e-5, 1e-5);
    tf.dispose([out, X]);
    disposeParams(params);
  });

  it('the skip block changes the output (U and b2 are used)', () => {
    const m = bottleneckResNet({ inputDim: 4, width: 8, outputDim: 2, uStd: 1, biasStd: 0.3 });
    const p = m.init(keyFromSeed(1));
    const { rows } = randomMatrix(2, 6, 4);
    const p64 = paramsToArrays(p) as unknown as BottleneckParams64;
    const withSkip = bottleneckResNetForward64(p64, rows).flat();
    const without = bottleneckResNetForward64({ W: p64.W, b1: p64.b1, A: p64.A }, rows).flat();
    expect(withSkip.some((v, i) => Math.abs(v - without[i]) > 1e-3)).toBe(true);
    disposeParams(p);
  });

  it('chain-stacked params give each chain its own apply, without leaks', () => {
    const m = bottleneckResNet({ inputDim: 3, width: 6, outputDim: 2, biasStd: 0.2 });
    expectChainsMatchSingles(m);
  });

  it('init: catalog stds by default, deterministic per key; options are validated', () => {
    const d = 16,
      w = 256;
    const m = bottleneckResNet({ inputDim: d, width: w, outputDim: 8 });
    const a = paramsToArrays(tf.tidy(() => m.init(keyFromSeed(9))));
    const b = paramsToArrays(tf.tidy(() => m.init(keyFromSeed(9))));
    expect(a).toEqual(b);
    const std = (x: unknown) => {
      const v = (x as number[][]).flat();
      return Math.sqrt(v.reduce((s, t) => s + t * t, 0) / v.length);
    };
    expect(std(a.W)).toBeCloseTo(1 / Math.sqrt(d), 2);
    expect(std(a.U)).toBeCloseTo(0.1 / Math.sqrt(w), 3);
    expect(std(a.A)).toBeCloseTo(1 / Math.sqrt(w), 2);
    expect((a.b1 as number[]).every((v) => v === 0)).toBe(true);
    expect(Object.keys(m.shapes)).toEqual(['W', 'b1', 'U', 'b2', 'A']);
    expect(Object.keys(bottleneckResNet({ inputDim: 2, width: 3, outputDim: 1, skip: false }).shapes)).toEqual(['W', 'b1', 'A']);
    expect(() => bottleneckResNet({ inputDim: 2, width: 0, outputDim: 1 })).toThrow(/width must be a positive integer/);
    expect(() => bottleneckResNet({ inputDim: 2, width: 3, outputDim: 1, activation: 'tanh' as 'relu' })).toThrow(
      /activation must be 'relu' or 'identity'/,
    );
    const x = tf.zeros([2, 3]) as tf.Tensor2D;
    const p = m.init(keyFromSeed(1));
    expect(() => m.apply(p, x)).toThrow(/x must be \[n, 16\]/);
    disposeParams(p);
    x.dispose();
  });
});
