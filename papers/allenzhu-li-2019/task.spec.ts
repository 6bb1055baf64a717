import { describe, expect, it } from 'vitest';
import { keyFromSeed } from '../../src/core/random.js';
import { makeTask, parityG, parityTask, smoothTask, summedMse } from './task.js';

describe('Allen-Zhu & Li 2019 targets', () => {
  it('parity: F_j = x_{2j-1} x_{2j}, G_i = (-1)^i F1F2F3F4 (1-based i), y = F + alpha G(F), tau = k alpha^2', () => {
    expect(parityG([1, -1, 1, 1, -1, 1])).toEqual([1, -1, 1, -1, 1, -1]);
    const t = parityTask({ kind: 'parity', d: 10, alpha: 0.3 });
    expect(t.k).toBe(5);
    expect(t.tau).toBeCloseTo(5 * 0.09, 15);
    const s = t.sample(50, keyFromSeed(1));
    s.X.forEach((x, i) => {
      expect(x.every((v) => v === 1 || v === -1)).toBe(true);
      const F = [0, 1, 2, 3, 4].map((j) => x[2 * j] * x[2 * j + 1]);
      expect(s.F[i]).toEqual(F);
      const p = F[0] * F[1] * F[2] * F[3];
      expect(s.Y[i]).toEqual(F.map((f, j) => f + 0.3 * (j % 2 === 0 ? -p : p)));
    });
    expect(t.sample(50, keyFromSeed(1))).toEqual(s);
    expect(t.sample(50, keyFromSeed(2)).X).not.toEqual(s.X);
  });

  it('parity: every output is orthogonal to every affine function (exact, over all of {-1, 1}^8)', () => {
    const d = 8,
      k = 4,
      alpha = 0.3;
    const points = Array.from({ length: 2 ** d }, (_, i) => Array.from({ length: d }, (_, j) => ((i >> j) & 1 ? 1 : -1)));
    const ys = points.map((x) => {
      const F = Array.from({ length: k }, (_, j) => x[2 * j] * x[2 * j + 1]);
      const G = parityG(F);
      return F.map((f, j) => f + alpha * G[j]);
    });
    for (let j = 0; j < k; j++) {
      expect(ys.reduce((s, y) => s + y[j], 0)).toBeCloseTo(0, 12);
      for (let i = 0; i < d; i++) expect(ys.reduce((s, y, r) => s + y[j] * points[r][i], 0)).toBeCloseTo(0, 12);
      expect(ys.reduce((s, y) => s + y[j] ** 2, 0) / ys.length).toBeCloseTo(1 + alpha ** 2, 12);
    }
    // Hence the zero predictor's risk k (1 + alpha^2) is the best affine risk.
    expect(
      summedMse(
        ys.map(() => new Array(k).fill(0)),
        ys,
      ),
    ).toBeCloseTo(k * (1 + alpha ** 2), 12);
  });

  it('smooth: inputs on the unit sphere, outputs rescaled to unit second moment, deterministic per key', () => {
    const t = smoothTask({ kind: 'smooth', d: 8, alpha: 0.5, key: keyFromSeed(3) });
    const s = t.sample(4000, keyFromSeed(4));
    s.X.forEach((x) => expect(Math.hypot(...x)).toBeCloseTo(1, 12));
    for (let j = 0; j < t.k; j++) {
      // Normalised on an independent reference sample of 4096 points: within sampling error.
      expect(s.F.reduce((a, f) => a + f[j] ** 2, 0) / s.F.length).toBeGreaterThan(0.8);
      expect(s.F.reduce((a, f) => a + f[j] ** 2, 0) / s.F.length).toBeLessThan(1.25);
    }
    expect(s.Y.flat().every(Number.isFinite)).toBe(true);
    const again = makeTask({ kind: 'smooth', d: 8, alpha: 0.5, key: keyFromSeed(3) }).sample(10, keyFromSeed(4));
    expect(again.Y).toEqual(s.Y.slice(0, 10));
    const other = makeTask({ kind: 'smooth', d: 8, alpha: 0.5, key: keyFromSeed(5) }).sample(10, keyFromSeed(4));
    expect(other.Y).not.toEqual(again.Y);
  });

  it('validates its specification with errors that name the problem', () => {
    expect(() => parityTask({ kind: 'parity', d: 6, alpha: 0.3 })).toThrow(/needs d >= 8/);
    expect(() => parityTask({ kind: 'parity', d: 9, alpha: 0.3 })).toThrow(/even integer/);
    expect(() => parityTask({ kind: 'parity', d: 8, alpha: 1 })).toThrow(/alpha must be in \[0, 1\)/);
    expect(() => smoothTask({ kind: 'smooth', d: 8, alpha: 0.3 })).toThrow(/needs spec.key/);
  });
});
