import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { Rng, keyFromSeed } from '../random.js';
import { allocGram, dotProductGram, gramFromRows, gramToRows, innerProducts, relativeFrobeniusError, selectRows, subGram } from './Gram.js';

const rng = new Rng(keyFromSeed(5));
const mat = (n: number, d: number) => Array.from({ length: n }, () => Array.from(Float32Array.from(rng.normals(d))));

describe('Gram', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('innerProducts: float64 loops and the TF.js matMul agree, for X X^T and X Z^T', () => {
    const X = mat(30, 7),
      Z = mat(11, 7);
    for (const [A, B] of [
      [X, undefined],
      [X, Z],
    ] as const) {
      const before = tf.memory().numTensors;
      const f64 = innerProducts(A, B, 'float64');
      const f32 = innerProducts(A, B, 'tfjs');
      expect(tf.memory().numTensors).toBe(before);
      expect(relativeFrobeniusError(f32.gram, f64.gram)).toBeLessThan(1e-6);
      const Bm = B ?? A;
      expect(f64.gram.data[3 * f64.gram.cols + 4]).toBeCloseTo(
        A[3].reduce((s, v, t) => s + v * Bm[4][t], 0),
        12,
      );
      expect(f64.sqNormsZ[2]).toBeCloseTo(
        Bm[2].reduce((s, v) => s + v * v, 0),
        12,
      );
    }
  });

  it('dotProductGram maps (||x||^2, ||z||^2, <x, z>) and can store float32', () => {
    const X = mat(4, 3),
      Z = mat(2, 3);
    const g = dotProductGram((a, b, c) => a + 10 * b + 100 * c, X, Z, { dtype: 'float32' });
    expect(g.data).toBeInstanceOf(Float32Array);
    const sq = (v: number[]) => v.reduce((s, t) => s + t * t, 0);
    const want = sq(X[1]) + 10 * sq(Z[0]) + 100 * X[1].reduce((s, v, t) => s + v * Z[0][t], 0);
    expect(g.data[1 * 2 + 0]).toBeCloseTo(want, 3);
  });

  it('dotProductGram on binary inputs (one norm, integer products) gives the bits of the entrywise map', () => {
    const cube = (n: number, d: number) => Array.from({ length: n }, () => Array.from({ length: d }, () => (rng.next32() & 1 ? 1 : -1)));
    const X = cube(40, 9),
      Z = cube(13, 9);
    const f = (a: number, b: number, c: number) => Math.exp(-Math.acos(c / Math.sqrt(a * b)) / 3) + a / 7 - b / 11;
    const byEntry = (A: number[][], B: number[][]) =>
      A.flatMap((x) =>
        B.map((z) =>
          f(
            x.reduce((s, v) => s + v * v, 0),
            z.reduce((s, v) => s + v * v, 0),
            x.reduce((s, v, t) => s + v * z[t], 0),
          ),
        ),
      );
    for (const mode of ['float64', 'tfjs'] as const) {
      expect(Array.from(dotProductGram(f, X, Z, { innerProducts: mode }).data)).toEqual(byEntry(X, Z));
      expect(Array.from(dotProductGram(f, X, undefined, { innerProducts: mode }).data)).toEqual(byEntry(X, X));
    }
    // Rows of different norms (0/1 data) take the entrywise path: same numbers.
    const B = X.map((x) => x.map((v) => (v + 1) / 2));
    expect(Array.from(dotProductGram(f, B, undefined, { innerProducts: 'float64' }).data)).toEqual(byEntry(B, B));
  });

  it('sub-matrices, row selection and round trips', () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    const g = gramFromRows(rows);
    expect(gramToRows(subGram(g, [2, 0], [1]))).toEqual([[8], [2]]);
    expect(gramToRows(selectRows(g, [1]))).toEqual([[4, 5, 6]]);
    expect(relativeFrobeniusError(g, g)).toBe(0);
    expect(() => allocGram(0, 3)).toThrow(/positive integer rows and cols/);
  });
});
