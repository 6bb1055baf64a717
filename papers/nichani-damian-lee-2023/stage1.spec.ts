import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/core/backend.js';
import { keyFromSeed, fold } from '../../src/core/random.js';
import { evalFeatureBlocked, learnFeatureBlocked, learnFeaturesNested } from './activations.js';
import { applySigma2, evalFeature, learnFeatureDirect, learnFeatureHe2, pearson, sigma2, sphereDirections } from './stage1.js';
import { makeNdlTask } from './task.js';

describe('ndlStage1: one gradient step from W0 = 0', () => {
  beforeAll(async () => {
    await initBackend('auto');
  });
  const d = 6,
    m2 = 40,
    n = 300;
  const task = makeNdlTask('quadratic', d, keyFromSeed(10));
  const train = task.sample(n, keyFromSeed(11));
  const test = task.sample(200, keyFromSeed(12));
  const V = sphereDirections(m2, d, keyFromSeed(13));

  it('activations: centred ReLU and He2 have mean 0 under N(0, 1) (quadrature), rows of V are unit', () => {
    for (const kind of ['relu', 'he2'] as const) {
      let s = 0;
      const h = 1e-3;
      for (let z = -10; z <= 10; z += h) s += ((sigma2(kind, z) * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI)) * h;
      expect(Math.abs(s)).toBeLessThan(1e-6);
    }
    for (let j = 0; j < m2; j++) expect(Math.hypot(...V.subarray(j * d, (j + 1) * d))).toBeCloseTo(1, 13);
  });

  it('u is the mean of (y - ybar) sigma2(V x) (brute force on 3 rows)', () => {
    const f = learnFeatureDirect('relu', train.X, train.y, 3, d, V, m2);
    const ybar = (train.y[0] + train.y[1] + train.y[2]) / 3;
    for (const j of [0, 7, 39]) {
      let s = 0;
      for (let i = 0; i < 3; i++) {
        let z = 0;
        for (let t = 0; t < d; t++) z += V[j * d + t] * train.X[i * d + t];
        s += (train.y[i] - ybar) * sigma2('relu', z);
      }
      expect(f.u[j]).toBeCloseTo(s / 3, 14);
    }
  });

  it('He2 closed form equals the direct definition (u and phi)', () => {
    const direct = learnFeatureDirect('he2', train.X, train.y, n, d, V, m2);
    const closed = learnFeatureHe2(train.X, train.y, n, d, V, m2);
    for (let j = 0; j < m2; j++) expect(closed.u[j]).toBeCloseTo(direct.u[j], 12);
    const a = evalFeature(direct, test.X, test.n),
      b = evalFeature(closed, test.X, test.n),
      c = evalFeature(closed, test.X, test.n, true);
    for (let i = 0; i < test.n; i++) {
      expect(b[i]).toBeCloseTo(a[i], 11);
      expect(c[i]).toBeCloseTo(a[i], 11);
    }
  });

  it('float32-product (TF.js) path agrees with the float64 path to float32 accuracy', () => {
    for (const kind of ['relu', 'linear'] as const) {
      const ref = learnFeatureDirect(kind, train.X, train.y, n, d, V, m2);
      const fast = learnFeatureBlocked(kind, train.X, train.y, n, d, V, m2);
      for (let j = 0; j < m2; j++) expect(Math.abs(fast.u[j] - ref.u[j])).toBeLessThan(1e-6);
      const pa = evalFeature(ref, test.X, test.n),
        pb = evalFeatureBlocked(ref, test.X, test.n);
      for (let i = 0; i < test.n; i++) expect(Math.abs(pa[i] - pb[i])).toBeLessThan(1e-5);
    }
  });

  it('nested stage 1 (one pass, prefix sums) equals the blocked stage 1 on each prefix of the rows', () => {
    for (const kind of ['relu', 'linear'] as const) {
      const n1s = [2, 5, 17, Math.floor(n / 2), n];
      const nested = learnFeaturesNested(kind, train.X, train.y, n1s, d, V, m2);
      expect(nested).toHaveLength(n1s.length);
      n1s.forEach((n1, k) => {
        const ref = learnFeatureBlocked(kind, train.X, train.y, n1, d, V, m2);
        const scale = Math.max(...ref.u.map(Math.abs));
        for (let j = 0; j < m2; j++) expect(Math.abs(nested[k].u[j] - ref.u[j])).toBeLessThan(1e-12 * (1 + scale));
      });
    }
  });

  it('linear sigma2 makes phi a linear function: phi(-x) = -phi(x), so corr with the even h* is ~0', () => {
    const f = learnFeatureDirect('linear', train.X, train.y, n, d, V, m2);
    const neg = Float64Array.from(test.X, (v) => -v);
    const a = evalFeature(f, test.X, test.n),
      b = evalFeature(f, neg, test.n);
    for (let i = 0; i < test.n; i++) expect(b[i]).toBeCloseTo(-a[i], 12);
    const big = task.sample(20_000, fold(keyFromSeed(14), 'test'));
    expect(Math.abs(pearson(evalFeatureBlocked(f, big.X, big.n), big.h))).toBeLessThan(0.04);
  });

  it('pearson: exact on a linear pair, NaN for a constant sample', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('applySigma2 (the in-place block form of sigma2)', () => {
  it('gives exactly the float32 values of sigma2 element by element, for every activation', () => {
    const z = Float32Array.from([-2.5, -1, -1e-3, 0, 1e-3, 0.5, 1, 3.25]);
    for (const kind of ['relu', 'he2', 'linear'] as const) {
      const block = Float32Array.from(z);
      applySigma2(kind, block);
      expect(Array.from(block)).toEqual(Array.from(Float32Array.from(z, (x) => sigma2(kind, x))));
    }
  });
});
