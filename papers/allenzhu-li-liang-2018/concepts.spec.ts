import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import {
  EXPERIMENT_TARGET,
  biasSphereInputs,
  gaussianSphereInputs,
  labels,
  smooth,
  threeLayerConcept,
  twoLayerConcept,
  variance,
} from './concepts.js';

const rng = (name: string) => rngFrom(keyFromSeed(5), name);

describe('azllConcepts', () => {
  it('bias-sphere inputs have unit norm and last coordinate 1/2; Gaussian-sphere inputs unit norm', () => {
    const a = biasSphereInputs(rng('a'), 200, 7);
    for (let r = 0; r < a.n; r++) {
      const row = Array.from(a.X.subarray(r * 7, r * 7 + 7));
      expect(Math.hypot(...row)).toBeCloseTo(1, 12);
      expect(row[6]).toBe(0.5);
    }
    const g = gaussianSphereInputs(rng('g'), 200, 4);
    for (let r = 0; r < g.n; r++) expect(Math.hypot(...g.X.subarray(r * 4, r * 4 + 4))).toBeCloseTo(1, 12);
    // The first coordinates of the bias sphere are centred: mean near 0 over many draws.
    const big = biasSphereInputs(rng('big'), 20_000, 3);
    let m0 = 0;
    for (let r = 0; r < big.n; r++) m0 += big.X[r * 3];
    expect(Math.abs(m0 / big.n)).toBeLessThan(0.02);
  });

  it('smooth activations and the experiment target match their closed forms', () => {
    expect(smooth('sin', 0.3)).toBe(Math.sin(0.3));
    expect(smooth('tanh', -0.7)).toBe(Math.tanh(-0.7));
    expect(smooth('exp', 1)).toBeCloseTo(1, 15);
    expect(smooth('cube', -2)).toBe(-8);
    const x = Float64Array.from([0.1, -0.2, 0.3, 0.4]);
    const s = Math.sin(0.3) + Math.sin(-0.6) + Math.sin(0.9) - 2;
    expect(EXPERIMENT_TARGET.evaluate(x, 0)).toBeCloseTo(s * s * Math.cos(2.8), 14);
  });

  it('concepts are pure functions of their key and bounded as the normalisation implies', () => {
    const X = biasSphereInputs(rng('x'), 500, 6);
    const f1 = twoLayerConcept(rng('c'), 6, 4),
      f2 = twoLayerConcept(rng('c'), 6, 4);
    const y1 = labels(f1, X),
      y2 = labels(f2, X);
    expect(Array.from(y1)).toEqual(Array.from(y2));
    // |a*| <= 1, |<w, x>| <= 1, |phi| <= max(1, 1, 1, 1) on [-1, 1]: |F*| <= p.
    expect(Math.max(...y1.map(Math.abs))).toBeLessThanOrEqual(4);
    expect(variance(y1)).toBeGreaterThan(0);
    const t = threeLayerConcept(rng('t'), 6, 3, 2);
    const yt = labels(t, X);
    // |tanh| <= 1 and |sum_j v_2ij tanh(.)| <= ||v_2i||_1 <= sqrt(p2): |F*| <= p1 sqrt(p2).
    expect(Math.max(...yt.map(Math.abs))).toBeLessThanOrEqual(3 * Math.SQRT2);
    expect(() => labels(t, gaussianSphereInputs(rng('w'), 3, 4))).toThrow(/R\^6/);
  });

  it('variance', () => {
    expect(variance([1, 2, 3, 4])).toBeCloseTo(1.25, 15);
  });
});
