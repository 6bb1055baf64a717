import { describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { tweakedOnlineSgd } from './tweakedSgd64.js';

/** The README's step with number[] arrays and one helper per quantity (no fusion). */
function reference(X: number[][], y: number[], Theta0: number[][], c: number[], eta: number, b: number): number {
  const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);
  let w = X[0].map(() => 0);
  let v = c.map(() => 0);
  let Theta = Theta0.map((r) => [...r]);
  let total = 0;
  for (let t = 0; t < X.length; t++) {
    const x = X[t];
    const pre = Theta.map((row, j) => dot(row, x) + c[j]);
    const h = pre.map((z) => Math.max(z, 0));
    const p = dot(w, x) + dot(v, h);
    const m = -y[t] * p;
    total += Math.log(1 + Math.exp(m));
    const g = -y[t] / (1 + Math.exp(-m));
    Theta = Theta.map((row, j) => row.map((th, a) => th - (pre[j] > 0 ? eta * g * v[j] * x[a] : 0)));
    w = w.map((wa, a) => wa - eta * g * x[a]);
    v = v.map((vj, j) => vj - eta * g * h[j]);
    const nrm = Math.sqrt(dot(w, w) + dot(v, v));
    if (nrm > b) {
      w = w.map((u) => (u * b) / nrm);
      v = v.map((u) => (u * b) / nrm);
    }
  }
  return total / X.length;
}

describe('tweakedOnlineSgd (fused projected SGD, Shamir tweaked unit)', () => {
  it('matches the unfused reference, including steps that hit the ball', () => {
    const rng = new Rng(keyFromSeed(5));
    const T = 300,
      d = 4,
      k = 6;
    const X = Array.from({ length: T }, () => Array.from({ length: d }, () => rng.normal()));
    const y = X.map(() => (rng.uniform() < 0.5 ? -1 : 1));
    const Theta0 = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.normal() / Math.sqrt(k)));
    const c = Array.from({ length: k }, () => rng.normal() / Math.sqrt(k));
    for (const [eta, b] of [
      [0.03, 3],
      [0.5, 0.2],
    ]) {
      const got = tweakedOnlineSgd({
        T,
        d,
        k,
        X: Float64Array.from(X.flat()),
        y: Float64Array.from(y),
        Theta0: Float64Array.from(Theta0.flat()),
        c: Float64Array.from(c),
        eta,
        radius: b,
      });
      const want = reference(X, y, Theta0, c, eta, b);
      expect(Math.abs(got.onlineLoss - want)).toBeLessThan(1e-12 * want);
      if (b < 1) expect(Math.hypot(...got.w, ...got.v)).toBeLessThanOrEqual(b * (1 + 1e-12));
    }
  });

  it('names the argument whose size is wrong', () => {
    const z = new Float64Array(4);
    expect(() =>
      tweakedOnlineSgd({ T: 2, d: 2, k: 2, X: z, y: new Float64Array(3), Theta0: z, c: new Float64Array(2), eta: 1, radius: 1 }),
    ).toThrow(/y must have T = 2/);
  });
});
