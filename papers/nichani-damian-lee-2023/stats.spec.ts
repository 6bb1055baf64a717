import { describe, expect, it } from 'vitest';
import { doublingGrid, firstReaching, medianCurve } from './sampleThreshold.js';
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
});
