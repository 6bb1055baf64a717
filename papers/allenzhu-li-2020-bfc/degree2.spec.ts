import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import { degree2FeatureCount, degree2LeastSquares } from './degree2.js';

function sample(n: number, d: number, seed: number, f: (x: Float64Array) => number) {
  const X = rngFrom(keyFromSeed(seed)).normals(n * d);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) y[r] = f(X.subarray(r * d, (r + 1) * d));
  return { X, y, n };
}

describe('bfcDegree2', () => {
  it('counts 1 + d + d(d+1)/2 monomials', () => {
    expect(degree2FeatureCount(1)).toBe(3);
    expect(degree2FeatureCount(24)).toBe(325);
  });

  it('fits any degree-2 polynomial exactly', () => {
    const f = (x: Float64Array) => 1.5 - x[0] + 2 * x[1] * x[2] + 0.5 * x[2] * x[2];
    const fit = degree2LeastSquares(sample(200, 3, 1, f), sample(100, 3, 2, f), 3);
    expect(fit.testMse).toBeLessThan(1e-18);
  });

  it('leaves the degree-4 Hermite energy of x^4 (He4 = x^4 - 6x^2 + 3, E He4^2 = 24) in one dimension', () => {
    // x^4 = He4 + 6 He2 + 3: the best degree-2 predictor leaves exactly He4, energy 24.
    const f = (x: Float64Array) => x[0] ** 4;
    const fit = degree2LeastSquares(sample(4000, 1, 3, f), sample(200_000, 1, 4, f), 1);
    expect(fit.testMse / 24).toBeGreaterThan(0.9);
    expect(fit.testMse / 24).toBeLessThan(1.1);
  });

  it('refuses fewer rows than monomials', () => {
    const f = () => 0;
    expect(() => degree2LeastSquares(sample(5, 3, 1, f), sample(5, 3, 2, f), 3)).toThrow(/at least 10/);
  });
});
