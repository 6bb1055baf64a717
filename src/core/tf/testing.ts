/**
 * Test helpers in the spirit of tfjs-core's `test_util` (no vitest import, so `src/core` stays
 * free of test frameworks): float32-exact random data, so float64 references see exactly the
 * numbers the TF.js path sees, and a float32-vs-float64 closeness assertion.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng, keyFromSeed } from '../random.js';

/** n x d normals (std) rounded to float32, as plain rows and as a tensor (caller disposes). */
export function randomMatrix(seed: number, n: number, d: number, std = 1): { rows: number[][]; X: tf.Tensor2D } {
  const flat = Float32Array.from(new Rng(keyFromSeed(seed)).normals(n * d, std));
  const rows = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));
  return { rows, X: tf.tensor2d(flat, [n, d]) };
}

/** Throws unless |got - want| <= rel * max(1, |want|) + abs entrywise, naming the first bad entry. */
export function expectArraysClose(
  got: ArrayLike<number>, want: ArrayLike<number>, what = 'value', rel = 1e-5, abs = 1e-6,
): void {
  if (got.length !== want.length) throw new Error(`${what}: length ${got.length}, want ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= rel * Math.max(1, Math.abs(want[i])) + abs)) {
      throw new Error(`${what}[${i}]: got ${got[i]}, want ${want[i]} (error ${err})`);
    }
  }
}
