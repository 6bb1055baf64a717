import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from 'claimcheck/core';
import { biasSphereInputs, labels, twoLayerConcept, variance, type Concept } from './concepts.js';
import { quadraticDim, quadraticFeatures, quadraticFit } from './quadratic.js';

const nmse = (p: Float64Array, y: Float64Array) => p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length / variance(y);

describe('degree-2 least squares', () => {
  it('has 1 + d + d(d + 1)/2 monomials, in order 1, x_i, x_i x_j (i <= j)', () => {
    expect(quadraticDim(10)).toBe(66);
    const f = quadraticFeatures({ n: 1, d: 2, X: Float64Array.from([2, 3]) });
    expect(Array.from(f.data)).toEqual([1, 2, 3, 4, 6, 9]);
  });

  it('fits a quadratic target exactly and leaves a cubic one unexplained', () => {
    const rng = rngFrom(keyFromSeed(5), 'x');
    const train = biasSphereInputs(rng, 800, 5),
      test = biasSphereInputs(rng, 800, 5);
    const quad: Concept = { d: 5, evaluate: (x, o) => 3 * x[o] * x[o + 1] - x[o + 2] + 0.5 * x[o + 3] ** 2 };
    expect(nmse(quadraticFit(train, labels(quad, train), test), labels(quad, test))).toBeLessThan(1e-8);
    const cubic: Concept = { d: 5, evaluate: (x, o) => 20 * x[o] * x[o + 1] * x[o + 2] };
    expect(nmse(quadraticFit(train, labels(cubic, train), test), labels(cubic, test))).toBeGreaterThan(0.5);
  });

  it('a larger first-layer norm R makes the two-layer concept less quadratic', () => {
    const fit = (R: number) => {
      const rng = rngFrom(keyFromSeed(11), 'x');
      const c = twoLayerConcept(rngFrom(keyFromSeed(11), 'target'), 10, 4, R);
      const train = biasSphereInputs(rng, 2000, 10),
        test = biasSphereInputs(rng, 2000, 10);
      return nmse(quadraticFit(train, labels(c, train), test), labels(c, test));
    };
    expect(fit(3)).toBeGreaterThan(2 * fit(1));
  });
});
