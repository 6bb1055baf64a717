import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend, type BackendName } from '../backend.js';
import { LOSS_NAMES, lossByName } from '../losses.js';
import { tfLoss } from './tfLosses.js';

/** p on a grid reaching |p| = 50 (float32-exact values), y both real and +-1 labels. */
const P = [-50, -30, -17, -8, -3, -1.5, -1, -0.5, -0.125, 0, 0.125, 0.5, 1, 1.5, 3, 8, 17, 30, 50];
const Y = [-2, -1, -0.5, 0, 0.5, 1, 2];

describe.each<BackendName>(['wasm', 'cpu'])('tfLoss on %s', (backend) => {
  it.each(LOSS_NAMES)('%s matches the float64 loss within float32 tolerance', async (name) => {
    await initBackend(backend);
    const ps: number[] = [];
    const ys: number[] = [];
    for (const p of P) for (const y of Y) (ps.push(p), ys.push(y));
    const before = tf.memory().numTensors;
    const got = tf.tidy(() => tfLoss(name)(tf.tensor1d(ps), tf.tensor1d(ys)).dataSync());
    expect(tf.memory().numTensors).toBe(before);
    const ref = lossByName(name);
    for (let i = 0; i < ps.length; i++) {
      const want = ref.value(ps[i], ys[i]);
      const err = Math.abs(got[i] - want);
      if (!(err <= 1e-5 * Math.abs(want) + 1e-6)) {
        throw new Error(`${name}(p=${ps[i]}, y=${ys[i]}): tf ${got[i]} vs float64 ${want}`);
      }
    }
  });

  it.each(LOSS_NAMES)('%s has the float64 derivative as its TF.js gradient', async (name) => {
    await initBackend(backend);
    const ps: number[] = [];
    const ys: number[] = [];
    for (const p of P) for (const y of Y) (ps.push(p), ys.push(y));
    const yT = tf.tensor1d(ys);
    const got = tf.tidy(() =>
      tf
        .grad((p: tf.Tensor) => tf.sum(tfLoss(name)(p, yT)))(tf.tensor1d(ps))
        .dataSync(),
    );
    yT.dispose();
    const ref = lossByName(name);
    for (let i = 0; i < ps.length; i++) {
      const want = ref.d1(ps[i], ys[i]);
      // Gradients chain a few float32 roundings more than values: a slightly looser relative part.
      if (!(Math.abs(got[i] - want) <= 1e-4 * Math.abs(want) + 1e-6)) {
        throw new Error(`d/dp ${name}(p=${ps[i]}, y=${ys[i]}): tf ${got[i]} vs float64 ${want}`);
      }
    }
  });

  it('rejects an unknown loss name and lists the valid ones', () => {
    expect(() => tfLoss('hinge')).toThrow(/unknown loss "hinge".*squared/);
  });
});
