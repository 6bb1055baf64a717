import { describe, expect, it } from 'vitest';
import { lineWithIntercept, permutationSpearman } from './association.js';
import { crossing, doublingGrid, firstReaching, medianCurve } from './sampleThreshold.js';
import { scalarReluFeatures, standardiseBy } from './stage2.js';
import { keyFromSeed } from '../../src/core/random.js';

describe('ndl helpers: thresholds, stage-2 features', () => {
  it('n_0.8: first grid point whose median reaches the level; censored grids give undefined; NaN counts as 0', () => {
    expect(doublingGrid(8, 64)).toEqual([8, 16, 32, 64]);
    const med = medianCurve([
      [0.1, 0.7, 0.9],
      [0.2, 0.85, 0.95],
      [NaN, 0.81, 0.99],
    ]);
    expect(med).toEqual([0.1, 0.81, 0.95]);
    expect(firstReaching([8, 16, 32], med, 0.8)).toBe(16);
    expect(firstReaching([8, 16, 32], [0.1, 0.2, 0.3], 0.8)).toBeUndefined();
  });

  it('stage-2 features: ReLU(c phi + b) with c = +-1 and b in (-3, 3); standardisation by the reference sample', () => {
    const fm = scalarReluFeatures(50, keyFromSeed(3));
    for (let i = 0; i < 50; i++) {
      expect(Math.abs(fm.c[i])).toBe(1);
      expect(Math.abs(fm.b[i])).toBeLessThan(3);
    }
    const out = new Float64Array(2 * 50);
    fm.map(Float64Array.from([0.5, -2]), 2, out);
    for (let i = 0; i < 50; i++) expect(out[50 + i]).toBe(Math.max(0, -2 * fm.c[i] + fm.b[i]));
    const [a, b] = standardiseBy(Float64Array.from([1, 3]), Float64Array.from([1, 3]), Float64Array.from([5]));
    expect(Array.from(a)).toEqual([-1, 1]);
    expect(b[0]).toBe(3);
  });
});

describe('ndl baseline features', () => {
  it('the TF.js random-feature map equals the float64 reference to float32 accuracy', async () => {
    const { initBackend } = await import('../../src/core/backend.js');
    const { reluRandomFeatureMap } = await import('./stage2.js');
    const { Rng } = await import('../../src/core/random.js');
    await initBackend('auto');
    const d = 5,
      D = 37,
      rows = 9;
    const fm = reluRandomFeatureMap(d, D, keyFromSeed(8));
    const X = new Rng(keyFromSeed(9)).normals(rows * d);
    const a = new Float64Array(rows * D),
      b = new Float64Array(rows * D);
    fm.map(X, rows, a);
    fm.mapExact(X, rows, b);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * (1 + Math.abs(b[i])));
    expect(b.some((v) => v === 0) && b.some((v) => v > 0)).toBe(true);
  });

  it('crossing: log-linear interpolation between the grid points around the level; the first point if it already reaches; censored', () => {
    expect(crossing([8, 16, 32], [0.5, 0.7, 0.9], 0.8)).toBeCloseTo(16 * Math.SQRT2, 12);
    expect(crossing([8, 16, 32], [0.85, 0.9, 0.95], 0.8)).toBe(8);
    expect(crossing([8, 16, 32], [0.1, 0.2, 0.3], 0.8)).toBeUndefined();
    expect(crossing([8, 16], [0.6, 0.8], 0.8)).toBeCloseTo(16, 12);
  });

  it('permutation Spearman: exact p over all orderings (1/n! at rho = -1, 1 at rho = +1, 0.5 for n = 3 at rho = -0.5)', () => {
    const down = permutationSpearman([1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1]);
    expect(down.rho).toBe(-1);
    expect(down.pNegative).toBeCloseTo(1 / 40320, 15);
    expect(permutationSpearman([1, 2, 3, 4], [1, 2, 3, 4]).pNegative).toBe(1);
    // n = 3, y = (2, 3, 1): rho = -0.5; orderings with rho <= -0.5: (3, 2, 1), (2, 3, 1), (3, 1, 2): 3 of 6.
    expect(permutationSpearman([1, 2, 3], [2, 3, 1]).pNegative).toBeCloseTo(0.5, 15);
    expect(() => permutationSpearman([1, 2], [2, 1])).toThrow(RangeError);
  });

  it('line with intercept: exact on a line; the t bounds widen with the residual', () => {
    const exact = lineWithIntercept([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(exact.intercept).toBeCloseTo(1, 12);
    expect(exact.slope).toBeCloseTo(2, 12);
    expect(exact.interceptUpper).toBeCloseTo(1, 12);
    // y = (0.1, 0.9, 2.1, 2.9) on x = 0..3 (numpy.polyfit): slope 0.96, intercept 0.06, s^2 = 0.016; t_{0.95, 2} = 2.919986.
    const noisy = lineWithIntercept([0, 1, 2, 3], [0.1, 0.9, 2.1, 2.9]);
    expect(noisy.slope).toBeCloseTo(0.96, 12);
    expect(noisy.intercept).toBeCloseTo(0.06, 12);
    expect(noisy.interceptUpper).toBeCloseTo(0.06 + 2.919986 * Math.sqrt(0.016 * (1 / 4 + 2.25 / 5)), 5);
  });
});
