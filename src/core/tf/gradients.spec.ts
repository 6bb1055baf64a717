import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { GRADIENT_KERNELS } from './gradients.js';

type Fn = (...xs: tf.Tensor[]) => tf.Tensor;

/**
 * Compares tf.grads of sum(f(xs) * R) (R random, so every output entry matters) with central
 * differences. float32 with h = 1e-2: truncation ~1e-4 and rounding ~1e-5 on O(1) values, far
 * below the O(1) errors a wrong formula makes.
 */
function checkGrad(f: Fn, shapes: number[][], seed: number, lo = -2, hi = 2): void {
  const rng = new Rng(keyFromSeed(seed));
  const values = shapes.map((s) => Float32Array.from(rng.uniforms(tf.util.sizeFromShape(s), lo, hi)));
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    const xs = values.map((v, i) => tf.tensor(v, shapes[i]));
    const outShape = f(...xs).shape;
    const R = tf.tensor(Float32Array.from(rng.uniforms(tf.util.sizeFromShape(outShape), -1, 1)), outShape);
    const obj = (...ts: tf.Tensor[]) => tf.sum(tf.mul(f(...ts), R));
    const grads = tf
      .grads(obj)(xs)
      .map((g) => g.dataSync());
    const h = 1e-2;
    values.forEach((v, i) => {
      for (let j = 0; j < v.length; j++) {
        const at = (delta: number): number => {
          const w = v.slice();
          w[j] += delta;
          const ts = xs.map((x, k) => (k === i ? tf.tensor(w, shapes[i]) : x));
          return obj(...ts).dataSync()[0];
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(grads[i][j] - fd), `input ${i} entry ${j}: grad ${grads[i][j]} vs fd ${fd}`).toBeLessThan(
          2e-3 * (1 + Math.abs(fd)),
        );
      }
    });
  });
  expect(tf.memory().numTensors).toBe(before);
}

const CASES: [string, Fn, number[][], number?, number?][] = [
  ['Add (broadcast)', (a, b) => tf.add(a, b), [[2, 3], [3]]],
  [
    'Sub (broadcast)',
    (a, b) => tf.sub(a, b),
    [
      [2, 1],
      [2, 3],
    ],
  ],
  [
    'Multiply (broadcast)',
    (a, b) => tf.mul(a, b),
    [
      [2, 3],
      [2, 1],
    ],
  ],
  ['RealDiv', (a, b) => tf.div(a, tf.add(tf.square(b), 1)), [[2, 3], [3]]],
  [
    'SquaredDifference',
    (a, b) => tf.squaredDifference(a, b),
    [
      [2, 3],
      [2, 3],
    ],
  ],
  ['Maximum/Minimum', (a, b) => tf.add(tf.maximum(a, b), tf.minimum(a, tf.mul(b, 2))), [[5], [5]]],
  [
    'BatchMatMul',
    (a, b) => tf.matMul(a, b),
    [
      [3, 4],
      [4, 2],
    ],
  ],
  [
    'BatchMatMul tA',
    (a, b) => tf.matMul(a, b, true, false),
    [
      [4, 3],
      [4, 2],
    ],
  ],
  [
    'BatchMatMul tB',
    (a, b) => tf.matMul(a, b, false, true),
    [
      [3, 4],
      [2, 4],
    ],
  ],
  [
    'BatchMatMul tA tB',
    (a, b) => tf.matMul(a, b, true, true),
    [
      [4, 3],
      [2, 4],
    ],
  ],
  [
    'BatchMatMul broadcast 2D x 3D',
    (a, b) => tf.matMul(a, b),
    [
      [3, 4],
      [2, 4, 2],
    ],
  ],
  [
    'BatchMatMul broadcast 3D x 3D tB',
    (a, b) => tf.matMul(a, b, false, true),
    [
      [2, 3, 4],
      [1, 5, 4],
    ],
  ],
  ['Neg/Square/Exp', (x) => tf.add(tf.neg(tf.square(x)), tf.exp(x)), [[6]]],
  ['Softplus/Sigmoid/Tanh', (x) => tf.addN([tf.softplus(x), tf.sigmoid(x), tf.tanh(x)]), [[6]]],
  ['Relu/Abs', (x) => tf.add(tf.relu(x), tf.abs(x)), [[6]], 0.1, 2],
  ['Relu/Abs negative side', (x) => tf.add(tf.relu(x), tf.abs(x)), [[6]], -2, -0.1],
  ['Log1p/Sqrt', (x) => tf.add(tf.log1p(x), tf.sqrt(x)), [[6]], 0.2, 3],
  ['Sum/Mean over axes', (x) => tf.add(tf.sum(x, 1), tf.mean(x, [1, 2], true)), [[2, 3, 4]]],
  ['Sum/Mean over all', (x) => tf.add(tf.sum(tf.square(x)), tf.mean(x)), [[2, 3]]],
  [
    'Reshape/ExpandDims/Transpose',
    (x) => tf.mul(tf.transpose(tf.expandDims(tf.reshape(x, [3, 2]), 0), [2, 1, 0]), tf.cast(x, 'float32').shape[0]),
    [[2, 3]],
  ],
  ['Identity/Cast', (x) => tf.mul(tf.clone(x), tf.cast(x, 'float32')), [[4]]],
];

describe('registered gradients agree with finite differences', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('covers the kernels the suite differentiates', () => {
    for (const k of ['Add', 'Multiply', 'BatchMatMul', 'Softplus', 'Sum', 'Mean', 'Relu', 'Tanh']) {
      expect(GRADIENT_KERNELS).toContain(k);
    }
  });

  it.each(CASES)('%s', (_name, f, shapes, lo, hi) => checkGrad(f, shapes, 7, lo, hi));

  it('BatchMatMul broadcast gradients also hold on wasm', async () => {
    await initBackend('wasm');
    checkGrad(
      (a, b) => tf.matMul(a, b),
      [
        [3, 4],
        [2, 4, 2],
      ],
      8,
    );
    await initBackend('cpu');
  });
});
