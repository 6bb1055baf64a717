import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/core/backend.js';
import { withLeakCheck } from '../../src/core/tf/leakCheck.js';
import {
  clearSeparationCache,
  hypercube,
  learnerRisk,
  monomialFeatures,
  resnetPopulationRisks,
  resnetRisks,
  trainNets,
  type Learner,
  type SeparationConfig,
} from './resnetVsKernels.js';

const small: SeparationConfig = {
  task: { kind: 'parity', d: 8, alpha: 0.3 },
  N: 96,
  nTest: 40,
  resnet: { width: 8, epochs: 3, batchSize: 16, optimizer: { kind: 'adam', lr: 0.01, decayAt: [0.5] } },
  lambdas: [1e-3, 1e-1],
  nVal: 30,
  seeds: 2,
  baseSeed: 7,
};

describe('resnetVsKernels', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('hypercube lists every point of {-1, 1}^d once', () => {
    const h = hypercube(3);
    expect(h).toHaveLength(8);
    expect(new Set(h.map((x) => x.join(','))).size).toBe(8);
  });

  it('monomial features: 1, x_i and x_i x_j (i < j), plus x_1 ... x_8 for the oracle map', () => {
    const x = [1, -1, 1, 1, -1, 1, 1, -1, 1, -1];
    const plain = monomialFeatures([x], false);
    expect(plain.cols).toBe(1 + 10 + 45);
    expect(Array.from(plain.data.subarray(0, 12))).toEqual([1, ...x, x[0] * x[1]]);
    const oracle = monomialFeatures([x], true);
    expect(oracle.cols).toBe(57);
    expect(oracle.data[56]).toBe(x.slice(0, 8).reduce((p, v) => p * v, 1));
  });

  it('population risk of a linear network = k (1 + alpha^2) + ||M||_F^2 + ||c||^2 (outputs orthogonal to affine maps)', () => {
    const cfg: SeparationConfig = { ...small, resnet: { ...small.resnet, activation: 'identity' } };
    const [risk] = resnetPopulationRisks(cfg);
    const p = trainNets(cfg).params[0]!;
    // out = x W (I + U) A + (b1 (I + U) + b2) A.
    const m = p.b1.length;
    const IU = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0) + p.U![i][j]));
    const mul = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
      a.map((row) => b[0].map((_, j) => row.reduce((s, v, l) => s + v * b[l][j], 0)));
    const M = mul(mul(p.W, IU), p.A);
    const c = mul([mul([p.b1], IU)[0].map((v, j) => v + p.b2![j])], p.A)[0];
    const closed = 4 * (1 + 0.09) + M.flat().reduce((s, v) => s + v * v, 0) + c.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(risk - closed)).toBeLessThan(1e-9 * closed);
    expect(risk).toBeGreaterThanOrEqual(4 * 1.09);
  });

  it("a seed's numbers do not depend on how many seeds run; results are memoised", async () => {
    clearSeparationCache();
    const { result: two, leaked } = await withLeakCheck(() => resnetRisks(small));
    expect(leaked).toBe(0);
    const three = resnetRisks({ ...small, seeds: 3 });
    expect(three.slice(0, 2)).toEqual(two);
    expect(resnetRisks(small)).toBe(resnetRisks(small));
    two.forEach((r) => expect(Number.isFinite(r.mse) && r.diverged === false).toBe(true));
  });

  it.each(['rbf', 'relu-ntk', 'poly', 'own-ntk', 'last-layer', 'monomials', 'oracle-monomials'] as Learner[])(
    '%s: a finite test MSE at a grid lambda, without leaks',
    async (l) => {
      const { result, leaked } = await withLeakCheck(() => learnerRisk(small, 1, l));
      expect(leaked).toBe(0);
      expect(Number.isFinite(result.mse) && result.mse > 0).toBe(true);
      expect(small.lambdas).toContain(result.lambda);
      expect(learnerRisk(small, 1, l)).toBe(result);
    },
  );
});
