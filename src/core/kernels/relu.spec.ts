import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { arcCosineKernel } from './arcCosine.js';
import type { LayerKernel } from './layer.js';
import { relu } from './relu.js';

/** A one-pair kernel with covariance [[a, c], [c, b]] and NTK t. */
const pair = (a: number, b: number, c: number, t: number): LayerKernel => ({
  n1: 1,
  n2: 1,
  nngp: Float64Array.of(c),
  ntk: Float64Array.of(t),
  var1: Float64Array.of(a),
  var2: Float64Array.of(b),
});

describe('relu layer', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('apply is max(0, h) with no parameters', () => {
    const layer = relu();
    expect(layer.describe(5)).toEqual({ outputDim: 5, shapes: {} });
    const out = tf.tidy(() => layer.apply({}, tf.tensor2d([[-1, 2]])));
    expect(Array.from(out.dataSync())).toEqual([0, 2]);
    out.dispose();
  });

  it('kernel: E[relu(u) relu(v)] = k_1 / 2 and ntk * E[step step] = ntk k_0 / 2 (Cho & Saul)', () => {
    // (u, v) = (w.x, w.z) for w ~ N(0, I) has covariance [[|x|^2, <x,z>], [<x,z>, |z|^2]].
    const x = [1.2, -0.4],
      z = [0.3, 0.9];
    const a = 1.6,
      b = 0.9,
      c = 1.2 * 0.3 - 0.4 * 0.9;
    const k = relu().kernel(pair(a, b, c, 3));
    expect(k.nngp[0]).toBeCloseTo(arcCosineKernel(1, x, z) / 2, 14);
    expect(k.ntk[0]).toBeCloseTo((3 * arcCosineKernel(0, x, z)) / 2, 14);
    expect([k.var1[0], k.var2[0]]).toEqual([0.8, 0.45]);
  });

  it('maps a zero-variance input to nngp 0 and keeps the NTK finite (rho = 0 convention)', () => {
    const k = relu().kernel(pair(0, 1, 0, 2));
    expect(k.nngp[0]).toBe(0);
    expect(k.ntk[0]).toBeCloseTo(0.5, 14);
  });
});
