import { describe, expect, it } from 'vitest';
import { fold, keyFromSeed } from '../../src/core/random.js';
import { makeBfcTask, orthonormalRows, sampleBfc } from './task.js';

const spec = { d: 8, k: 3, alpha2: 1, alpha3: 0.3, referenceSize: 20_000, key: keyFromSeed(5) };

describe('bfcTask', () => {
  it('orthonormalRows: W W^T = I_k in float64', () => {
    const W = orthonormalRows(4, 9, keyFromSeed(1));
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let dot = 0;
        for (let t = 0; t < 9; t++) dot += W[i * 9 + t] * W[j * 9 + t];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(() => orthonormalRows(5, 4, keyFromSeed(1))).toThrow(/k <= d/);
  });

  it('P2 and P3 are centred and of unit variance on a fresh sample (up to sampling error), y = P2 + alpha3 P3', () => {
    const task = makeBfcTask(spec);
    const s = sampleBfc(task, 20_000, fold(spec.key, 'fresh'));
    const meanVar = (v: Float64Array) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return [m, v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length];
    };
    const [m2, v2] = meanVar(s.P2),
      [m3, v3] = meanVar(s.P3);
    expect(Math.abs(m2)).toBeLessThan(0.05);
    expect(Math.abs(v2 - 1)).toBeLessThan(0.1);
    expect(Math.abs(m3)).toBeLessThan(0.05);
    expect(Math.abs(v3 - 1)).toBeLessThan(0.2);
    for (let i = 0; i < 10; i++) expect(s.y[i]).toBeCloseTo(s.P2[i] + 0.3 * s.P3[i], 12);
    // P2 = Sum((W2 x)^2) with orthonormal rows: E = k, Var = 2k exactly (Gaussian x).
    expect(task.p2.mean).toBeCloseTo(spec.k, 0);
    expect(task.p2.std ** 2 / (2 * spec.k)).toBeGreaterThan(0.9);
    expect(task.p2.std ** 2 / (2 * spec.k)).toBeLessThan(1.1);
  });

  it('is a pure function of the key', () => {
    const a = sampleBfc(makeBfcTask(spec), 50, keyFromSeed(9));
    const b = sampleBfc(makeBfcTask(spec), 50, keyFromSeed(9));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    const c = sampleBfc(makeBfcTask({ ...spec, key: keyFromSeed(6) }), 50, keyFromSeed(9));
    expect(Array.from(c.y)).not.toEqual(Array.from(a.y));
  });

  it('the non-hierarchical target: V has orthonormal rows orthogonal to W2, and P3 keeps unit variance', () => {
    const task = makeBfcTask({ ...spec, hierarchical: false });
    const { d, k } = spec;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let vv = 0,
          vw = 0;
        for (let t = 0; t < d; t++) {
          vv += task.V[i * d + t] * task.V[j * d + t];
          vw += task.V[i * d + t] * task.W2[j * d + t];
        }
        expect(vv).toBeCloseTo(i === j ? 1 : 0, 12);
        expect(vw).toBeCloseTo(0, 12);
      }
    }
    const s = sampleBfc(task, 20_000, fold(keyFromSeed(9), 'x'));
    const mean = s.P3.reduce((a, b) => a + b, 0) / s.n;
    const v = s.P3.reduce((a, b) => a + (b - mean) ** 2, 0) / s.n;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(v).toBeGreaterThan(0.85);
    expect(v).toBeLessThan(1.15);
    const h = makeBfcTask(spec);
    expect(h.V).toBe(h.W2);
  });
});
