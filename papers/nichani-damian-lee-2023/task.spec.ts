import { describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { alternatingDiagonal, makeNdlTask, quadraticForm, sphereRows, traceFreeSymmetric } from './task.js';

describe('ndlTask: targets of Nichani, Damian & Lee', () => {
  it('A is symmetric, trace-free, with unit Frobenius norm', () => {
    const d = 7;
    const A = traceFreeSymmetric(d, new Rng(keyFromSeed(1)));
    let tr = 0,
      f = 0;
    for (let i = 0; i < d; i++) {
      tr += A[i * d + i];
      for (let j = 0; j < d; j++) {
        f += A[i * d + j] ** 2;
        expect(A[i * d + j]).toBe(A[j * d + i]);
      }
    }
    expect(Math.abs(tr)).toBeLessThan(1e-14);
    expect(f).toBeCloseTo(1, 13);
    const D = alternatingDiagonal(2);
    expect(Array.from(D)).toEqual([1 / Math.SQRT2, 0, 0, -1 / Math.SQRT2]);
  });

  it('sphere rows have norm sqrt(d); x^T A x matches the explicit double sum', () => {
    const d = 5,
      X = sphereRows(3, d, new Rng(keyFromSeed(2)));
    for (let r = 0; r < 3; r++) expect(Math.hypot(...X.subarray(r * d, (r + 1) * d))).toBeCloseTo(Math.sqrt(d), 12);
    const A = traceFreeSymmetric(d, new Rng(keyFromSeed(3)));
    let s = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) s += X[i] * A[i * d + j] * X[j];
    expect(quadraticForm(A, d, X, 0)).toBeCloseTo(s, 12);
  });

  it('quadratic h* has mean 0 and variance 1 on the sphere (Monte Carlo, 4 sigma); y = ReLU(h*)', () => {
    const task = makeNdlTask('quadratic', 12, keyFromSeed(4));
    const s = task.sample(40_000, keyFromSeed(5));
    const m = s.h.reduce((a, v) => a + v, 0) / s.n;
    const v = s.h.reduce((a, x) => a + (x - m) ** 2, 0) / s.n;
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(s.n));
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
    for (let i = 0; i < 100; i++) expect(s.y[i]).toBe(Math.max(0, s.h[i]));
  });

  it('single-index: unit beta, h* = beta^T x with x ~ N(0, I); samples are nested prefixes of one stream', () => {
    const task = makeNdlTask('single-index', 9, keyFromSeed(6));
    expect(Math.hypot(...task.param)).toBeCloseTo(1, 13);
    const a = task.sample(50, keyFromSeed(7)),
      b = task.sample(80, keyFromSeed(7));
    expect(Array.from(b.X.subarray(0, 50 * 9))).toEqual(Array.from(a.X));
    let dot = 0;
    for (let j = 0; j < 9; j++) dot += task.param[j] * a.X[j];
    expect(a.h[0]).toBeCloseTo(dot, 14);
    expect(() => makeNdlTask('single-index', 4, keyFromSeed(1), 'diagonal')).toThrow(/quadratic/);
  });
});
