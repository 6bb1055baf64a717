import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { matMul, transpose } from './dense.js';
import { Rng, keyFromSeed } from '../random.js';
import { flatMatMul } from './flatMatMul.js';
import { gramFromRows, gramToRows, relativeFrobeniusError } from '../kernels/Gram.js';

const rng = new Rng(keyFromSeed(4));
const mat = (m: number, n: number) => Array.from({ length: m }, () => Array.from(rng.normals(n)));

describe('flatMatMul', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('transposeA %s, transposeB %s matches dense.matMul in float64 and TF.js', (ta, tb) => {
    const A = mat(ta ? 6 : 5, ta ? 5 : 6);
    const B = mat(tb ? 4 : 6, tb ? 6 : 4);
    const want = matMul(ta ? transpose(A) : A, tb ? transpose(B) : B);
    const got = flatMatMul(gramFromRows(A), gramFromRows(B), { transposeA: ta, transposeB: tb, mode: 'float64' });
    gramToRows(got).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 12)));
    const before = tf.memory().numTensors;
    const viaTf = flatMatMul(gramFromRows(A), gramFromRows(B), { transposeA: ta, transposeB: tb, mode: 'tfjs' });
    expect(tf.memory().numTensors).toBe(before);
    expect(relativeFrobeniusError(viaTf, gramFromRows(want))).toBeLessThan(1e-6);
  });

  it('names mismatched inner dimensions', () => {
    expect(() => flatMatMul(gramFromRows(mat(2, 3)), gramFromRows(mat(2, 3)))).toThrow(/inner dimensions differ/);
  });
});
