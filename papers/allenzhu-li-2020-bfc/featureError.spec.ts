import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import {
  featureError,
  gramError,
  gramOfRows,
  meanSinSquared,
  orthonormalBasis,
  outerProductVectors,
  procrustesAligned,
  rowSpaceError,
} from './featureError.js';
import { orthonormalRows } from './task.js';

const d = 6,
  k = 3;
const W2 = orthonormalRows(k, d, keyFromSeed(11));

/** Rows i of M scaled by c_i (k x d row-major). */
const scaleRows = (M: Float64Array, c: number[]) => M.map((v, idx) => v * c[Math.floor(idx / d)]);

describe('bfcFeatureError', () => {
  it('identical spans give 0; rescaled, sign-flipped and permuted rows keep span{k_i k_i^T} (0)', () => {
    expect(featureError(W2, W2, k, d)).toBeCloseTo(0, 12);
    expect(featureError(scaleRows(W2, [3, -0.2, 7]), W2, k, d)).toBeCloseTo(0, 12);
    const perm = new Float64Array(k * d);
    [2, 0, 1].forEach((src, i) => perm.set(W2.subarray(src * d, (src + 1) * d), i * d));
    expect(featureError(perm, W2, k, d)).toBeCloseTo(0, 12);
  });

  it('rows orthogonal to every w_i give 1 (w w^T and a a^T are Frobenius-orthogonal when a . w = 0)', () => {
    const full = orthonormalRows(d, d, keyFromSeed(12));
    // Rows 3..5 of an orthonormal basis whose first rows span the same space as W2'.
    const W = full.subarray(0, k * d);
    const other = full.slice(k * d, 2 * k * d);
    expect(featureError(other, W, k, d)).toBeCloseTo(1, 12);
  });

  it('k = 1 closed form: sin^2 = 1 - (a . w)^4 / (|a|^4 |w|^4)', () => {
    const rng = rngFrom(keyFromSeed(13));
    const a = rng.normals(d),
      w = rng.normals(d);
    const dot = a.reduce((s, v, j) => s + v * w[j], 0);
    const na = a.reduce((s, v) => s + v * v, 0),
      nw = w.reduce((s, v) => s + v * v, 0);
    expect(featureError(a, w, 1, d)).toBeCloseTo(1 - dot ** 4 / (na * na * nw * nw), 12);
  });

  it("a rotation inside rowspace(W2) leaves the row-space error at 0 but moves span{k_i k_i^T} (the catalog's blind spot)", () => {
    const c = Math.cos(0.6),
      s = Math.sin(0.6);
    const R = [
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ];
    const K1 = new Float64Array(k * d);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) for (let p = 0; p < k; p++) K1[i * d + j] += R[i][p] * W2[p * d + j];
    expect(rowSpaceError(K1, W2, k, d)).toBeCloseTo(0, 12);
    const e = featureError(K1, W2, k, d);
    expect(e).toBeGreaterThan(0.05);
    expect(e).toBeLessThan(1);
  });

  it('matches principal angles from an independent route: eigenvalues of Ga^-1 C Gb^-1 C^T on the Gram of (a_i . b_j)^2', () => {
    const rng = rngFrom(keyFromSeed(14));
    const A = rng.normals(k * d),
      B = rng.normals(k * d);
    const dot = (M: Float64Array, i: number, N: Float64Array, j: number) => {
      let acc = 0;
      for (let t = 0; t < d; t++) acc += M[i * d + t] * N[j * d + t];
      return acc * acc;
    };
    // trace(Ga^-1 C Gb^-1 C^T) = sum of cos^2 of the principal angles.
    const inv3 = (G: number[][]) => {
      const [a, b, cc] = G;
      const det = a[0] * (b[1] * cc[2] - b[2] * cc[1]) - a[1] * (b[0] * cc[2] - b[2] * cc[0]) + a[2] * (b[0] * cc[1] - b[1] * cc[0]);
      const cof = (r: number, col: number) => {
        const m = G.filter((_, i) => i !== r).map((row) => row.filter((_, j) => j !== col));
        return ((r + col) % 2 ? -1 : 1) * (m[0][0] * m[1][1] - m[0][1] * m[1][0]);
      };
      return [0, 1, 2].map((i) => [0, 1, 2].map((j) => cof(j, i) / det));
    };
    const mat = (M: Float64Array, N: Float64Array) => [0, 1, 2].map((i) => [0, 1, 2].map((j) => dot(M, i, N, j)));
    const mm = (P: number[][], Q: number[][]) => P.map((row) => Q[0].map((_, j) => row.reduce((s, v, t) => s + v * Q[t][j], 0)));
    const C = mat(A, B);
    const Ct = C[0].map((_, j) => C.map((row) => row[j]));
    const T = mm(mm(mm(inv3(mat(A, A)), C), inv3(mat(B, B))), Ct);
    expect(featureError(A, B, k, d)).toBeCloseTo(1 - (T[0][0] + T[1][1] + T[2][2]) / k, 9);
  });

  it('a rank-deficient K1 (duplicated row) counts the missing direction as a right angle', () => {
    const dup = Float64Array.from(W2);
    dup.set(W2.subarray(0, d), d);
    expect(featureError(dup, W2, k, d)).toBeCloseTo(1 / 3, 12);
    expect(orthonormalBasis(outerProductVectors(dup, k, d))).toHaveLength(2);
    expect(meanSinSquared([], outerProductVectors(W2, k, d), k)).toBe(1);
  });

  it('gramError is rotation-invariant where the span metric is not (the catalog correction): K1 -> O K1 keeps e_G', () => {
    const rng = rngFrom(keyFromSeed(15));
    const K1 = Float64Array.from(W2, (w) => w + 0.1 * rng.normal());
    // O = a rotation by 0.6 in the first two rows.
    const c = Math.cos(0.6),
      s = Math.sin(0.6);
    const O = [
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ];
    const OK1 = new Float64Array(k * d);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) for (let p = 0; p < k; p++) OK1[i * d + j] += O[i][p] * K1[p * d + j];
    expect(gramError(OK1, W2, k, d)).toBeCloseTo(gramError(K1, W2, k, d), 12);
    expect(Math.abs(featureError(OK1, W2, k, d) - featureError(K1, W2, k, d))).toBeGreaterThan(0.01);
    // Scale-free, 0 for a rotated and rescaled W2, positive for a biased quadratic form.
    expect(
      gramError(
        OK1.map((v) => 5 * v),
        W2,
        k,
        d,
      ),
    ).toBeCloseTo(gramError(K1, W2, k, d), 12);
    const OW2 = new Float64Array(k * d);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) for (let p = 0; p < k; p++) OW2[i * d + j] += O[i][p] * W2[p * d + j];
    expect(gramError(OW2, W2, k, d)).toBeCloseTo(0, 12);
    expect(gramError(scaleRows(W2, [1, 1, 1.5]), W2, k, d)).toBeGreaterThan(0.1);
  });

  it('gramError closed form: K1 = diag(a) W2 gives ||a^2 / sum a^2 - 1/k|| / ||1/k|| over the k coordinates', () => {
    const a = [1, 2, 0.5];
    const sq = a.map((v) => v * v),
      tot = sq.reduce((x, y) => x + y, 0);
    const num = Math.sqrt(sq.reduce((acc, v) => acc + (v / tot - 1 / k) ** 2, 0));
    expect(gramError(scaleRows(W2, a), W2, k, d)).toBeCloseTo(num / Math.sqrt(k / k ** 2), 12);
    expect(Array.from(gramOfRows(W2, k, d)).reduce((acc, v, i) => acc + (i % (d + 1) === 0 ? v : 0), 0)).toBeCloseTo(k, 12);
  });

  it('procrustesAligned undoes a rotation (and a reflection) of W2 and leaves K1^T K1 unchanged', () => {
    const c = Math.cos(1.1),
      s = Math.sin(1.1);
    const O = [
      [c, 0, -s],
      [0, -1, 0],
      [s, 0, c],
    ];
    const K1 = new Float64Array(k * d);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) for (let p = 0; p < k; p++) K1[i * d + j] += 2 * O[i][p] * W2[p * d + j];
    const aligned = procrustesAligned(K1, W2, k, d);
    aligned.forEach((v, i) => expect(v).toBeCloseTo(2 * W2[i], 10));
    const rng = rngFrom(keyFromSeed(16));
    const noisy = Float64Array.from(K1, (v) => v + 0.2 * rng.normal());
    const G0 = gramOfRows(noisy, k, d),
      G1 = gramOfRows(procrustesAligned(noisy, W2, k, d), k, d);
    G0.forEach((v, i) => expect(G1[i]).toBeCloseTo(v, 10));
  });
});
