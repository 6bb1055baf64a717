import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../linalg/dense.js';
import { Rng, keyFromSeed } from '../random.js';
import { gramEntry, gramToRows } from './Gram.js';
import { rbfGram } from './rbf.js';

describe('rbfGram', () => {
  const rng = new Rng(keyFromSeed(8));
  const X = Array.from({ length: 10 }, () => Array.from(rng.normals(6)));
  const Z = Array.from({ length: 3 }, () => Array.from(rng.normals(6)));
  const sqDist = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);

  it('is exp(-||x - z||^2 / (2 s^2)), and the catalog form exp(-||x - z||^2 / d) is s = sqrt(d / 2)', () => {
    const g = rbfGram(X, Z, { lengthscale: 1.7 });
    expect(gramEntry(g, 4, 2)).toBeCloseTo(Math.exp(-sqDist(X[4], Z[2]) / (2 * 1.7 ** 2)), 14);
    const c = rbfGram(X, Z, { form: 'catalog' });
    expect(gramEntry(c, 4, 2)).toBeCloseTo(Math.exp(-sqDist(X[4], Z[2]) / 6), 14);
    expect(gramToRows(rbfGram(X, Z, { lengthscale: Math.sqrt(3) }))).toEqual(gramToRows(c).map((r) => r.map((v) => expect.closeTo(v, 14))));
  });

  it('has ones on the diagonal and is positive semi-definite', () => {
    const G = gramToRows(rbfGram(X, undefined, { lengthscale: 2 }));
    G.forEach((row, i) => expect(row[i]).toBe(1));
    expect(symmetricEigenvalues(G)[0]).toBeGreaterThan(-1e-12);
  });

  it('names a bad lengthscale', () => {
    expect(() => rbfGram(X, Z, { lengthscale: 0 })).toThrow(/lengthscale must be a finite number > 0/);
  });
});
