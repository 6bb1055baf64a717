import { describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../random.js';
import { gramFromRows } from '../kernels/Gram.js';
import { checkRidges, ridgeFactor, ridgeResidual, toTargets } from './ridgeResidual.js';

describe('ridge residuals and targets', () => {
  it('toTargets accepts vectors, rows and flat matrices', () => {
    expect(toTargets([1, 2, 3], 3, 'y')).toEqual({ rows: 3, cols: 1, data: Float64Array.of(1, 2, 3) });
    expect(
      toTargets(
        [
          [1, 2],
          [3, 4],
        ],
        2,
        'y',
      ),
    ).toEqual({ rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) });
    expect(toTargets({ rows: 1, cols: 2, data: Float32Array.of(5, 6) }, 1, 'y').data).toEqual(Float64Array.of(5, 6));
    expect(() => toTargets([1, 2], 3, 'y_train')).toThrow(/y_train must have length 3/);
  });

  it.each([1, 5, 8])('ridgeResidual is B - (A + mu I) X entry by entry (n = %i)', (n) => {
    const rng = new Rng(keyFromSeed(n));
    const k = 3;
    const A = Array.from({ length: n }, () => Array.from(rng.normals(n)));
    const X = rng.normals(n * k);
    const B = rng.normals(n * k);
    const { R, relative } = ridgeResidual(gramFromRows(A), X, B, k, 0.7);
    let rr = 0,
      bb = 0;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        const want = B[i * k + c] - A[i].reduce((s, a, j) => s + a * X[j * k + c], 0) - 0.7 * X[i * k + c];
        expect(R[i * k + c]).toBeCloseTo(want, 12);
        rr += want * want;
        bb += B[i * k + c] ** 2;
      }
    }
    expect(relative).toBeCloseTo(Math.sqrt(rr / bb), 12);
  });

  it('ridge factors and grids', () => {
    expect(ridgeFactor('n', 50)).toBe(50);
    expect(ridgeFactor('none', 50)).toBe(1);
    expect(() => checkRidges([1, -1])).toThrow(/lambdas\[1\] must be a finite number >= 0/);
    expect(() => checkRidges([])).toThrow(/non-empty/);
  });
});
