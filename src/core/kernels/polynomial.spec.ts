import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../linalg/dense.js';
import { gramEntry, gramToRows } from './Gram.js';
import { polynomialGram } from './polynomial.js';

describe('polynomialGram', () => {
  const X = [
    [1, 2],
    [0, -1],
    [3, 0.5],
    [-1, 1],
  ];

  it('is (gamma <x, z> + c)^p with gamma = 1/d and c = 1 by default', () => {
    expect(gramEntry(polynomialGram(X, undefined, { degree: 2 }), 0, 2)).toBeCloseTo((0.5 * 4 + 1) ** 2, 14);
    expect(gramEntry(polynomialGram(X, [[2, 2]], { degree: 3, gamma: 1, offset: 0 }), 1, 0)).toBeCloseTo(-8, 14);
  });

  it('is positive semi-definite for c >= 0', () => {
    expect(symmetricEigenvalues(gramToRows(polynomialGram(X, undefined, { degree: 3 })))[0]).toBeGreaterThan(-1e-10);
  });

  it('names a bad degree', () => {
    expect(() => polynomialGram(X, undefined, { degree: 1.5 })).toThrow(/degree must be a positive integer/);
  });
});
