import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../linalg/dense.js';
import { Rng, keyFromSeed } from '../random.js';
import { arcCosineGram, arcCosineKernel, kappa0, kappa1 } from './arcCosine.js';
import { gramEntry, gramToRows } from './Gram.js';

const e1 = [1, 0, 0];
const e2 = [0, 1, 0];

describe('arc-cosine kernels (Cho & Saul 2009)', () => {
  it('take their closed forms at theta = 0, pi/2, pi', () => {
    // k_0 = 1 - theta / pi; k_1 = (sin theta + (pi - theta) cos theta) / pi for unit vectors.
    expect(arcCosineKernel(0, e1, e1)).toBeCloseTo(1, 14);
    expect(arcCosineKernel(0, e1, e2)).toBeCloseTo(0.5, 14);
    expect(arcCosineKernel(0, e1, [-1, 0, 0])).toBeCloseTo(0, 14);
    expect(arcCosineKernel(1, e1, e1)).toBeCloseTo(1, 14);
    expect(arcCosineKernel(1, e1, e2)).toBeCloseTo(1 / Math.PI, 14);
    expect(arcCosineKernel(1, e1, [-1, 0, 0])).toBeCloseTo(0, 14);
    // theta = pi/3: k_1 = (sqrt(3)/2 + (2 pi / 3)(1/2)) / pi.
    expect(arcCosineKernel(1, e1, [0.5, Math.sqrt(3) / 2, 0])).toBeCloseTo((Math.sqrt(3) / 2 + Math.PI / 3) / Math.PI, 14);
  });

  it('scale as ||x||^n ||z||^n', () => {
    const x = [0.3, -1.2, 2],
      z = [1, 0.4, -0.7];
    const xs = x.map((v) => 3 * v),
      zs = z.map((v) => 0.5 * v);
    expect(arcCosineKernel(0, xs, zs)).toBeCloseTo(arcCosineKernel(0, x, z), 14);
    expect(arcCosineKernel(1, xs, zs)).toBeCloseTo(1.5 * arcCosineKernel(1, x, z), 13);
  });

  it('clamp rounded cosines past +-1 instead of returning NaN', () => {
    expect(kappa0(1 + 1e-12)).toBe(1);
    expect(kappa1(1 + 1e-12)).toBe(1);
    expect(kappa1(-1 - 1e-12)).toBe(0);
    const x = [0.1, 0.7, 1 / 3];
    expect(
      Number.isFinite(
        arcCosineKernel(
          0,
          x,
          x.map((v) => v * 1.0000000000000002),
        ),
      ),
    ).toBe(true);
  });

  it('match Monte-Carlo estimates of 2 E[step(w.x) step(w.z) (w.x)^n (w.z)^n], w ~ N(0, I)', () => {
    const rng = new Rng(keyFromSeed(42));
    const x = [1, 0.5, -0.3],
      z = [-0.2, 1.1, 0.8];
    const S = 400_000;
    let s0 = 0,
      s1 = 0,
      q1 = 0;
    for (let t = 0; t < S; t++) {
      const w = [rng.normal(), rng.normal(), rng.normal()];
      const a = w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
      const b = w[0] * z[0] + w[1] * z[1] + w[2] * z[2];
      if (a > 0 && b > 0) {
        s0 += 1;
        s1 += a * b;
        q1 += (a * b) ** 2;
      }
    }
    const p0 = s0 / S;
    const m1 = s1 / S;
    const se0 = Math.sqrt((p0 * (1 - p0)) / S);
    const se1 = Math.sqrt((q1 / S - m1 * m1) / S);
    // E[relu(w.x) relu(w.z)] = k_1 / 2 and P(w.x > 0, w.z > 0) = k_0 / 2: within 4 standard errors.
    expect(Math.abs(p0 - arcCosineKernel(0, x, z) / 2)).toBeLessThan(4 * se0);
    expect(Math.abs(m1 - arcCosineKernel(1, x, z) / 2)).toBeLessThan(4 * se1);
  });

  it('give symmetric positive semi-definite Grams, and cross-Grams entry by entry', () => {
    const rng = new Rng(keyFromSeed(3));
    const X = Array.from({ length: 12 }, () => Array.from(rng.normals(4)));
    const Z = Array.from({ length: 5 }, () => Array.from(rng.normals(4)));
    for (const degree of [0, 1] as const) {
      const G = gramToRows(arcCosineGram(degree, X));
      G.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(G[j][i])));
      expect(symmetricEigenvalues(G)[0]).toBeGreaterThan(-1e-12);
      const C = arcCosineGram(degree, X, Z);
      expect([C.rows, C.cols]).toEqual([12, 5]);
      expect(gramEntry(C, 7, 3)).toBeCloseTo(arcCosineKernel(degree, X[7], Z[3]), 14);
    }
  });

  it('name a bad degree', () => {
    expect(() => arcCosineKernel(2 as 0, e1, e2)).toThrow(/degree must be 0 or 1/);
  });
});
