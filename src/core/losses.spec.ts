import { describe, expect, it } from 'vitest';
import { CONVEX_LOSSES, LOSS_NAMES, NONCONVEX_LOSSES, lossByName, type Loss } from './losses.js';

const labelsFor = (loss: Loss) => (loss.labels === 'sign' ? [-1, 1] : [-2, 0, 0.7, 3]);
const grid = (lo: number, hi: number, n: number) => Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
const P_POINTS = [-1e3, -20, -3, -1.3, -0.4, 0, 0.25, 0.9, 2, 5, 20, 1e3];

/** Central difference of f at p with a step relative to |p|. */
function centralDiff(f: (p: number) => number, p: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(p));
  return (f(p + h) - f(p - h)) / (2 * h);
}

describe.each(LOSS_NAMES)('loss %s', (name) => {
  const loss = lossByName(name);

  it('d1 and d2 match central differences of value and d1', () => {
    for (const y of labelsFor(loss)) {
      for (const p of P_POINTS) {
        const d1 = loss.d1(p, y),
          d2 = loss.d2(p, y);
        expect(Math.abs(d1 - centralDiff((q) => loss.value(q, y), p))).toBeLessThan(1e-6 * (1 + Math.abs(d1)));
        expect(Math.abs(d2 - centralDiff((q) => loss.d1(q, y), p))).toBeLessThan(1e-6 * (1 + Math.abs(d2)));
      }
    }
  });

  it('value, d1 and d2 are finite at |p| = 1e3 (no overflow)', () => {
    for (const y of labelsFor(loss)) {
      for (const p of [-1e3, 1e3]) {
        expect(Number.isFinite(loss.value(p, y))).toBe(true);
        expect(Number.isFinite(loss.d1(p, y))).toBe(true);
        expect(Number.isFinite(loss.d2(p, y))).toBe(true);
      }
    }
  });

  it('lipschitz(r, yMax) >= |d1| and bound(r, yMax) >= |value| on |p| <= r, |y| <= yMax', () => {
    for (const r of [0.5, 3, 20]) {
      for (const yMax of loss.labels === 'sign' ? [1] : [1, 2.5]) {
        const L = loss.lipschitz(r, yMax),
          B = loss.bound(r, yMax);
        for (const y of grid(-yMax, yMax, 8)) {
          for (const p of grid(-r, r, 400)) {
            expect(Math.abs(loss.d1(p, y))).toBeLessThanOrEqual(L * (1 + 1e-12));
            expect(Math.abs(loss.value(p, y))).toBeLessThanOrEqual(B * (1 + 1e-12));
          }
        }
      }
    }
  });

  it('is flagged smooth (Assumption 1 needs C^2)', () => {
    expect(loss.smooth).toBe(true);
  });
});

describe('convexity flags', () => {
  const ps = grid(-50, 50, 2000);

  it.each(CONVEX_LOSSES)('%s: convex flag, d2 >= 0 and midpoint convexity of value on a grid', (name) => {
    const loss = lossByName(name);
    expect(loss.convex).toBe(true);
    for (const y of labelsFor(loss)) {
      for (const p of ps) expect(loss.d2(p, y)).toBeGreaterThanOrEqual(0);
      // Independent of d2: ell((a + b)/2) <= (ell(a) + ell(b))/2.
      for (let i = 0; i + 20 < ps.length; i += 7) {
        const a = ps[i],
          b = ps[i + 20];
        const mid = loss.value((a + b) / 2, y),
          chord = (loss.value(a, y) + loss.value(b, y)) / 2;
        expect(mid).toBeLessThanOrEqual(chord + 1e-12 * (1 + Math.abs(chord)));
      }
    }
  });

  it.each(NONCONVEX_LOSSES)('%s: non-convex flag and d2 < 0 somewhere', (name) => {
    const loss = lossByName(name);
    expect(loss.convex).toBe(false);
    for (const y of labelsFor(loss)) expect(ps.some((p) => loss.d2(p, y) < 0)).toBe(true);
  });
});

describe('accuracy and lookup', () => {
  it('log-cosh keeps relative accuracy at tiny residuals (log cosh t ~ t^2/2 - t^4/12)', () => {
    const lc = lossByName('log-cosh');
    for (const t0 of [1e-8, 1e-5, 1e-3, -0.02]) {
      const p = 0.5 + t0;
      const t = p - 0.5; // exact (Sterbenz), so the reference sees the residual the loss sees
      const ref = (t * t) / 2 - t ** 4 / 12 + t ** 6 / 45;
      expect(Math.abs(lc.value(p, 0.5) - ref)).toBeLessThan(1e-12 * ref);
    }
    // Continuous across the branch switch at |t| = 1.
    expect(Math.abs(lc.value(1 - 1e-12, 0) - lc.value(1 + 1e-12, 0))).toBeLessThan(1e-11);
    expect(lc.value(1, 0)).toBeCloseTo(Math.log(Math.cosh(1)), 15);
  });

  it('squared and logistic match their textbook forms', () => {
    expect(lossByName('squared').value(3, 1)).toBe(2);
    expect(lossByName('logistic').value(0, 1)).toBeCloseTo(Math.LN2, 15);
    expect(lossByName('logistic').value(-1e3, 1)).toBe(1e3);
  });

  it('lossByName rejects unknown names and lists the valid ones', () => {
    expect(() => lossByName('hinge')).toThrow(/unknown loss "hinge"; choose one of: squared/);
  });
});
