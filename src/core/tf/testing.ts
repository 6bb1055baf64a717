/**
 * Test helpers in the spirit of tfjs-core's `test_util` (no vitest import, so `src/core` stays
 * free of test frameworks): float32-exact random data, so float64 references see exactly the
 * numbers the TF.js path sees, and a float32-vs-float64 closeness assertion.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng, keyFromSeed } from '../random.js';
import { disposeParams, stackParams, type Model } from '../models/Model.js';

/** n x d normals (std) rounded to float32, as plain rows and as a tensor (caller disposes). */
export function randomMatrix(seed: number, n: number, d: number, std = 1): { rows: number[][]; X: tf.Tensor2D } {
  const flat = Float32Array.from(new Rng(keyFromSeed(seed)).normals(n * d, std));
  const rows = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));
  return { rows, X: tf.tensor2d(flat, [n, d]) };
}

/** Throws unless |got - want| <= rel * max(1, |want|) + abs entrywise, naming the first bad entry. */
export function expectArraysClose(got: ArrayLike<number>, want: ArrayLike<number>, what = 'value', rel = 1e-5, abs = 1e-6): void {
  if (got.length !== want.length) throw new Error(`${what}: length ${got.length}, want ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= rel * Math.max(1, Math.abs(want[i])) + abs)) {
      throw new Error(`${what}[${i}]: got ${got[i]}, want ${want[i]} (error ${err})`);
    }
  }
}

/**
 * The chain contract every model keeps: params stacked on a leading [C] axis give each chain
 * exactly what its own params give alone, and applying them leaks no tensor.
 */
export function expectChainsMatchSingles(m: Model, chains = 3, n = 7): void {
  const sets = Array.from({ length: chains }, (_, s) => m.init(keyFromSeed(s + 1)));
  const stacked = stackParams(sets);
  const { X } = randomMatrix(n, m.inputDim, 3);
  const before = tf.memory().numTensors;
  const [batched, singles] = tf.tidy(() => [m.apply(stacked, X).arraySync(), sets.map((p) => m.apply(p, X).arraySync())]);
  if (tf.memory().numTensors !== before) throw new Error(`apply leaked ${tf.memory().numTensors - before} tensors`);
  expectArraysClose((batched as number[][][]).flat(2), (singles as number[][][]).flat(2), 'chains');
  [...sets, stacked].forEach(disposeParams);
  X.dispose();
}
