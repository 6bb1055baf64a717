import { describe, expect, it } from 'vitest';
import { lusolve, multiply, transpose as mjTranspose } from 'mathjs';
import { Rng, keyFromSeed } from '../random.js';
import {
  choleskySolve,
  dot,
  frobenius,
  identity,
  lambdaMin,
  leastSquares,
  matMul,
  matVec,
  norm2,
  spectralNorm,
  symmetricEigen,
  symmetricEigenvalues,
  transpose,
  zeros,
  meanSquaredDifference,
} from './dense.js';

const rng = new Rng(keyFromSeed(1));
const randMat = (m: number, n: number): number[][] => Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal()));
const randSym = (n: number): number[][] => {
  const A = randMat(n, n);
  return A.map((r, i) => r.map((_, j) => A[i][j] + A[j][i]));
};
const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

/** Cyclic Jacobi eigenvalue iteration: an independent reference for symmetric matrices. */
function jacobiEigenvalues(A0: number[][]): number[] {
  const A = A0.map((r) => [...r]);
  const n = A.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p],
            akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k],
            aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
  return A.map((r, i) => r[i]).sort((a, b) => a - b);
}

describe('basic products', () => {
  it('matMul, matVec, transpose and dot agree with hand-computed values', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const B = [
      [1, 0],
      [0, 1],
      [2, -1],
    ];
    expect(matMul(A, B)).toEqual([
      [7, -1],
      [16, -1],
    ]);
    expect(matVec(A, [1, -1, 2])).toEqual([5, 11]);
    expect(transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(zeros(2, 3)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(identity(2)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('norm2 and frobenius match closed forms and do not overflow', () => {
    expect(norm2([3, 4])).toBe(5);
    expect(norm2([])).toBe(0);
    expect(norm2([3e200, 4e200]) / 5e200).toBeCloseTo(1, 14);
    expect(
      frobenius([
        [1, 2],
        [2, 4],
      ]),
    ).toBeCloseTo(5, 14);
  });

  it('rejects bad shapes with errors naming the argument', () => {
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow(/B must have 2 rows/);
    expect(() => matVec([[1, 2], [3]], [1, 2])).toThrow(/A must be rectangular/);
    expect(() => matVec([[1, 2]], [1])).toThrow(/x must have length 2/);
    expect(() => dot([1, NaN], [1, 2])).toThrow(/a\[1\] must be a finite number/);
    expect(() =>
      symmetricEigenvalues([
        [1, 2],
        [0, 1],
      ]),
    ).toThrow(/A must be symmetric/);
    expect(() => lambdaMin([[1, 2, 3]])).toThrow(/A must be square/);
  });
});

describe('spectralNorm', () => {
  it('matches the 2x2 closed form sigma_max^2 = (T + sqrt(T^2 - 4 det^2)) / 2', () => {
    for (let t = 0; t < 50; t++) {
      const A = randMat(2, 2);
      const T = frobenius(A) ** 2;
      const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
      const ref = Math.sqrt((T + Math.sqrt(T * T - 4 * det * det)) / 2);
      expect(Math.abs(spectralNorm(A) - ref)).toBeLessThan(1e-12 * ref);
    }
  });

  it('matches sqrt(lambda_max(A^T A)) by Jacobi for tall, wide and rank-one matrices', () => {
    const shapes: [number, number][] = [
      [5, 3],
      [3, 5],
      [1, 4],
      [4, 1],
      [6, 6],
    ];
    for (const [m, n] of shapes) {
      const A = randMat(m, n);
      const ref = Math.sqrt(Math.max(...jacobiEigenvalues(matMul(transpose(A), A))));
      expect(Math.abs(spectralNorm(A) - ref)).toBeLessThan(1e-10 * ref);
    }
    const u = [1, 2, 2],
      v = [3, 4];
    expect(spectralNorm(u.map((a) => v.map((b) => a * b)))).toBeCloseTo(15, 12);
    expect(
      spectralNorm([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
  });
});

describe('symmetricEigenvalues', () => {
  it('matches the 2x2 closed form', () => {
    const [a, b, c] = [2, -3, 0.5];
    const m = (a + c) / 2,
      r = Math.hypot((a - c) / 2, b);
    const ev = symmetricEigenvalues([
      [a, b],
      [b, c],
    ]);
    expect(ev[0]).toBeCloseTo(m - r, 13);
    expect(ev[1]).toBeCloseTo(m + r, 13);
  });

  it('matches a Jacobi reference on random symmetric matrices, ascending', () => {
    for (let n = 1; n <= 8; n++) {
      const A = randSym(n);
      const ev = symmetricEigenvalues(A);
      expect(maxAbsDiff(ev, jacobiEigenvalues(A))).toBeLessThan(1e-11);
      for (let i = 1; i < n; i++) expect(ev[i]).toBeGreaterThanOrEqual(ev[i - 1]);
      expect(lambdaMin(A)).toBe(ev[0]);
    }
  });

  it('returns orthonormal eigenvectors with A v = lambda v', () => {
    const A = randSym(6);
    const { values, vectors } = symmetricEigen(A);
    vectors.forEach((v, j) => {
      expect(
        maxAbsDiff(
          matVec(A, v),
          v.map((x) => values[j] * x),
        ),
      ).toBeLessThan(1e-12);
      vectors.forEach((u, i) => expect(Math.abs(dot(u, v) - (i === j ? 1 : 0))).toBeLessThan(1e-12));
    });
  });

  it('gives eigenvalues +-eps for Example 1 Hessian [[0, -eps], [-eps, 0]]', () => {
    const ev = symmetricEigenvalues([
      [0, -0.125],
      [-0.125, 0],
    ]);
    expect(maxAbsDiff(ev, [-0.125, 0.125])).toBeLessThan(1e-15);
  });
});

describe('choleskySolve', () => {
  it('solves SPD systems to rounding and rejects indefinite ones', () => {
    const B = randMat(5, 5);
    const A = matMul(transpose(B), B).map((r, i) => r.map((x, j) => x + (i === j ? 0.1 : 0)));
    const b = randMat(1, 5)[0];
    const x = choleskySolve(A, b);
    expect(maxAbsDiff(matVec(A, x), b)).toBeLessThan(1e-10);
    expect(() =>
      choleskySolve(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    ).toThrow(/positive definite/);
  });
});

describe('leastSquares', () => {
  it('matches the normal equations solved by mathjs lusolve for full-rank tall A', () => {
    for (const [m, n] of [
      [6, 3],
      [10, 5],
      [3, 3],
    ] as [number, number][]) {
      const A = randMat(m, n);
      const b = randMat(1, m)[0];
      const AtA = multiply(mjTranspose(A), A) as number[][];
      const Atb = multiply(mjTranspose(A), b) as number[];
      const ref = (lusolve(AtA, Atb) as number[][]).map((r) => r[0]);
      expect(maxAbsDiff(leastSquares(A, b), ref)).toBeLessThan(1e-9);
    }
  });

  it('returns the minimum-norm solution A^T (A A^T)^{-1} b for wide A', () => {
    const A = randMat(2, 5);
    const b = [1, -2];
    const AAt = multiply(A, mjTranspose(A)) as number[][];
    const lam = (lusolve(AAt, b) as number[][]).map((r) => r[0]);
    const ref = matVec(transpose(A), lam);
    expect(maxAbsDiff(leastSquares(A, b), ref)).toBeLessThan(1e-10);
  });

  it('splits weight equally over duplicated columns (rank deficiency)', () => {
    const X = randMat(8, 2);
    const A = X.map((r) => [r[0], r[0], r[1]]);
    const b = randMat(1, 8)[0];
    const x = leastSquares(A, b);
    const ref = leastSquares(X, b);
    expect(Math.abs(x[0] - x[1])).toBeLessThan(1e-10);
    expect(maxAbsDiff([x[0] + x[1], x[2]], ref)).toBeLessThan(1e-10);
    // Optimality: the residual is orthogonal to the columns of A.
    const r = matVec(A, x).map((v, i) => v - b[i]);
    expect(Math.max(...matVec(transpose(A), r).map(Math.abs))).toBeLessThan(1e-10);
  });

  it('returns zeros for A = 0 and rejects a mismatched b', () => {
    expect(
      leastSquares(
        [
          [0, 0],
          [0, 0],
        ],
        [1, 2],
      ),
    ).toEqual([0, 0]);
    expect(() => leastSquares([[1], [2]], [1])).toThrow(/b must have length 2/);
  });
});

describe('meanSquaredDifference', () => {
  it('is the mean of squared differences, and rejects mismatched lengths', () => {
    expect(meanSquaredDifference([1, 2, 3], [1, 2, 5])).toBeCloseTo(4 / 3, 15);
    expect(meanSquaredDifference(Float64Array.from([0.5]), [0])).toBe(0.25);
    expect(() => meanSquaredDifference([1, 2], [1])).toThrow(/2 predictions for 1 labels/);
  });
});
