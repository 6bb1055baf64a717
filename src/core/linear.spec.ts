import { describe, expect, it } from 'vitest';
import { lusolve, multiply, transpose } from 'mathjs';
import { CONVEX_LOSSES, lossByName, type Loss } from './losses.js';
import { Rng, keyFromSeed } from './random.js';
import { bestLinearPredictor } from './linear.js';
import { linearGradient, linearLoss } from './models/residualObjective.js';

const rng = new Rng(keyFromSeed(1));
const mat = (m: number, n: number) => Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal()));
const norm = (v: number[]) => Math.hypot(...v);

/** Labels that are not linearly separable: noisy signs (or Gaussian targets for real losses). */
function data(loss: Loss, n: number, d: number) {
  const X = mat(n, d);
  const y = X.map((x) => {
    const s = x[0] - 0.5 * x[d - 1] + 1.5 * rng.normal();
    return loss.labels === 'sign' ? (s > 0 ? 1 : -1) : s;
  });
  return { X, y };
}

/** Normal equations X^T X w = X^T y solved by mathjs's LU: independent of our SVD path. */
function normalEquations(X: number[][], y: number[]): number[] {
  const Xt = transpose(X);
  return (lusolve(multiply(Xt, X) as number[][], multiply(Xt, y) as number[]) as number[][]).map((r) => r[0]);
}

describe('squared loss: closed form', () => {
  it('matches the normal equations for full-rank X', () => {
    const loss = lossByName('squared');
    for (const [n, d] of [
      [20, 3],
      [7, 7],
      [50, 5],
    ]) {
      const { X, y } = data(loss, n, d);
      const r = bestLinearPredictor(X, y, loss);
      expect(r.method).toBe('closed-form');
      expect(r.converged).toBe(true);
      const ref = normalEquations(X, y);
      r.w.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThan(1e-9));
      expect(r.value).toBeCloseTo(linearLoss(X, y, loss, ref), 12);
    }
  });

  it('returns the minimum-norm minimiser for rank-deficient X (duplicated column, n < d)', () => {
    const loss = lossByName('squared');
    const { X: X2, y } = data(loss, 12, 2);
    const X = X2.map((x) => [x[0], x[1], x[1]]);
    const r = bestLinearPredictor(X, y, loss);
    const ref = normalEquations(X2, y);
    expect(Math.abs(r.w[1] - r.w[2])).toBeLessThan(1e-10);
    [r.w[0], r.w[1] + r.w[2]].forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThan(1e-9));
    const wide = mat(2, 5);
    const rw = bestLinearPredictor(wide, [1, -1], loss);
    expect(rw.value).toBeLessThan(1e-25);
  });
});

describe('damped Newton for the other convex losses', () => {
  it.each(CONVEX_LOSSES.filter((l) => l !== 'squared'))('%s: gradient ~ 0 and no random perturbation does better', (name) => {
    const loss = lossByName(name);
    for (let t = 0; t < 5; t++) {
      const { X, y } = data(loss, 60, 1 + t);
      const r = bestLinearPredictor(X, y, loss);
      expect(r.method).toBe('newton');
      expect(r.converged).toBe(true);
      expect(norm(linearGradient(X, y, loss, r.w))).toBeLessThan(1e-10);
      expect(r.value).toBe(linearLoss(X, y, loss, r.w));
      for (let j = 0; j < 20; j++) {
        const wp = r.w.map((v) => v + 1e-3 * rng.normal());
        expect(linearLoss(X, y, loss, wp)).toBeGreaterThanOrEqual(r.value);
      }
    }
  });

  it('reports converged = false on separable logistic data, with value an upper bound near 0', () => {
    const loss = lossByName('logistic');
    const X = mat(30, 3);
    const y = X.map((x) => (x[0] + x[1] > 0 ? 1 : -1));
    const r = bestLinearPredictor(X, y, loss, { maxIter: 40 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(40);
    expect(r.value).toBeLessThan(1e-6);
    expect(r.value).toBeLessThan(linearLoss(X, y, loss, [0, 0, 0]));
  });
});

describe('ball constraint: KKT conditions', () => {
  /** Interior with grad ~ 0, or on the sphere with grad = -mu w, mu >= 0. */
  function expectKkt(X: number[][], y: number[], loss: Loss, radius: number) {
    const r = bestLinearPredictor(X, y, loss, { radius });
    expect(r.converged).toBe(true);
    expect(r.stationarity).toBeLessThanOrEqual(1e-10);
    const g = linearGradient(X, y, loss, r.w);
    const wn = norm(r.w);
    expect(wn).toBeLessThanOrEqual(radius * (1 + 1e-12));
    if (wn < radius * (1 - 1e-9)) {
      expect(norm(g)).toBeLessThan(1e-9);
    } else {
      const mu = -g.reduce((s, v, i) => s + v * r.w[i], 0) / (wn * wn);
      expect(mu).toBeGreaterThanOrEqual(-1e-12);
      expect(norm(g.map((v, i) => v + mu * r.w[i]))).toBeLessThan(1e-9);
    }
    return r;
  }

  it.each(CONVEX_LOSSES)('%s: KKT on random instances with binding and slack radii', (name) => {
    const loss = lossByName(name);
    for (const radius of [0.05, 0.3, 100]) {
      for (const d of [1, 2, 4]) {
        const { X, y } = data(loss, 40, d);
        expectKkt(X, y, loss, radius);
      }
    }
  });

  it('attains the minimum on separable logistic data (the compact ball always has one)', () => {
    const loss = lossByName('logistic');
    const X = mat(30, 3);
    const y = X.map((x) => (x[0] - x[2] > 0 ? 1 : -1));
    for (const radius of [5, 200]) {
      const r = expectKkt(X, y, loss, radius);
      expect(norm(r.w)).toBeCloseTo(radius, 9);
    }
  });

  it('beats a fine grid over the circle in d = 2 when the constraint binds', () => {
    for (const name of ['squared', 'logistic'] as const) {
      const loss = lossByName(name);
      const { X, y } = data(loss, 25, 2);
      const radius = 0.2;
      const r = bestLinearPredictor(X, y, loss, { radius });
      let best = Infinity;
      for (let i = 0; i < 20000; i++) {
        const a = (2 * Math.PI * i) / 20000;
        best = Math.min(best, linearLoss(X, y, loss, [radius * Math.cos(a), radius * Math.sin(a)]));
      }
      expect(r.value).toBeLessThanOrEqual(best + 1e-12);
      expect(r.value).toBeGreaterThan(best - 1e-6);
    }
  });

  it('radius 0 gives w = 0; rank-deficient squared with a binding radius satisfies KKT', () => {
    const loss = lossByName('squared');
    const { X: X2, y } = data(loss, 10, 2);
    const X = X2.map((x) => [x[0], x[0], x[1]]);
    expectKkt(X, y, loss, 0.1);
    expect(bestLinearPredictor(X, y, loss, { radius: 0 }).w).toEqual([0, 0, 0]);
  });
});

describe('argument validation', () => {
  it('names the bad argument', () => {
    const sq = lossByName('squared');
    expect(() => bestLinearPredictor([[1]], [1, 2], sq)).toThrow(/y must have length 1/);
    expect(() => bestLinearPredictor([[1]], [1], lossByName('sigmoid'))).toThrow(/not convex/);
    expect(() => bestLinearPredictor([[1]], [1], sq, { radius: -1 })).toThrow(/opts.radius/);
    expect(() => bestLinearPredictor([[1]], [1], sq, { maxIter: 1.5 })).toThrow(/opts.maxIter/);
  });
});
