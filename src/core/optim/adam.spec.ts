import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { Adam64, adamTensorUpdate, minimizeAdam64 } from './adam.js';
import { Rng, keyFromSeed } from '../random.js';

/** Kingma & Ba 2015, Algorithm 1, written out for one scalar: the independent reference. */
function referenceAdam(grads: readonly number[], theta0: number, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): number {
  let th = theta0,
    m = 0,
    v = 0;
  grads.forEach((g, k) => {
    const t = k + 1;
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    const mHat = m / (1 - b1 ** t);
    const vHat = v / (1 - b2 ** t);
    th = th - (lr * mHat) / (Math.sqrt(vHat) + eps);
  });
  return th;
}

describe('Adam64', () => {
  it('matches Algorithm 1 of Kingma & Ba step by step (a fixed gradient sequence, two arrays, to 1e-15)', () => {
    const rng = new Rng(keyFromSeed(5));
    const G = Array.from({ length: 40 }, () => rng.normals(3));
    const a = Float64Array.from([0.5, -1, 2]),
      b = Float64Array.from([0.25]);
    const opt = new Adam64([3, 1], { beta1: 0.8, beta2: 0.99 });
    for (const g of G) opt.step([a, b], [g, g.subarray(0, 1)], 0.01);
    expect(opt.steps).toBe(40);
    [0.5, -1, 2].forEach((x0, i) =>
      expect(a[i]).toBeCloseTo(
        referenceAdam(
          G.map((g) => g[i]),
          x0,
          0.01,
          0.8,
          0.99,
        ),
        15,
      ),
    );
    expect(b[0]).toBeCloseTo(
      referenceAdam(
        G.map((g) => g[0]),
        0.25,
        0.01,
        0.8,
        0.99,
      ),
      15,
    );
  });

  it('names a bad hyperparameter or shape', () => {
    expect(() => new Adam64([2], { beta1: 1 })).toThrow(/beta1 must be in \[0, 1\)/);
    expect(() => new Adam64([2], { epsilon: 0 })).toThrow(/epsilon must be > 0/);
    expect(() => new Adam64([2]).step([new Float64Array(3)], [new Float64Array(3)], 0.1)).toThrow(/params\[0\] and grads\[0\] must have 2/);
  });
});

describe('minimizeAdam64', () => {
  it('minimises a quadratic and leaves masked entries untouched', () => {
    const target = [3, -2, 5];
    const theta = Float64Array.from([0, 0, 7]);
    const seen: number[] = [];
    const res = minimizeAdam64(
      theta,
      (th, g) => {
        let loss = 0;
        for (let i = 0; i < 3; i++) {
          g[i] = 2 * (th[i] - target[i]);
          loss += (th[i] - target[i]) ** 2;
        }
        return loss;
      },
      { mask: Uint8Array.from([1, 1, 0]), lr: 0.05, steps: 2000, checkpoints: [10, 2000], onCheckpoint: (s) => seen.push(s) },
    );
    expect(res.diverged).toBe(false);
    expect(theta[0]).toBeCloseTo(3, 3);
    expect(theta[1]).toBeCloseTo(-2, 3);
    expect(theta[2]).toBe(7);
    expect(seen).toEqual([10, 2000]);
  });

  it('the first step moves every trainable entry by lr against the sign of its gradient (bias-corrected Adam)', () => {
    const theta = Float64Array.from([1, 1]);
    minimizeAdam64(
      theta,
      (_th, g) => {
        g[0] = 4;
        g[1] = -0.01;
        return 1;
      },
      { lr: 0.1, steps: 1 },
    );
    expect(theta[0]).toBeCloseTo(0.9, 6);
    expect(theta[1]).toBeCloseTo(1.1, 6);
  });

  it('reports divergence on a non-finite loss, and names a mask of the wrong length', () => {
    expect(minimizeAdam64(Float64Array.from([1]), () => NaN, { lr: 0.1, steps: 5 }).diverged).toBe(true);
    expect(() => minimizeAdam64(new Float64Array(2), () => 0, { lr: 0.1, steps: 1, mask: new Uint8Array(3) })).toThrow(/mask must have 2/);
  });
});

describe('adamTensorUpdate', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('agrees with Adam64 to float32 precision (eps folded into the step size: the same method)', () => {
    const rng = new Rng(keyFromSeed(9));
    const G = Array.from({ length: 20 }, () => rng.normals(4));
    const theta = Float64Array.from([1, -0.5, 0.25, 2]);
    const opt = new Adam64([4]);
    let p: tf.Tensor = tf.tensor1d(Array.from(theta)),
      m: tf.Tensor = tf.zeros([4]),
      v: tf.Tensor = tf.zeros([4]);
    const before = tf.memory().numTensors;
    G.forEach((g, k) => {
      opt.step([theta], [g], 0.05);
      const t = k + 1;
      const next = tf.tidy(() => {
        const u = adamTensorUpdate(p, tf.tensor1d(Array.from(g)), m, v, (0.05 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t));
        return [u.value, u.m, u.v];
      });
      tf.dispose([p, m, v]);
      [p, m, v] = next;
    });
    expect(tf.memory().numTensors).toBe(before);
    const got = p.dataSync();
    theta.forEach((x, i) => expect(Math.abs(got[i] - x)).toBeLessThan(1e-5));
    tf.dispose([p, m, v]);
  });
});
