import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/core/backend.js';
import { keyFromSeed } from '../../src/core/random.js';
import { degree4MonomialCount, kernelRiskOn } from './kernels.js';
import { makeBfcTask, sampleBfc } from './task.js';

describe('bfcKernels', () => {
  beforeAll(async () => {
    await initBackend('auto');
  });

  it('C(d + 4, 4) monomials of degree <= 4 (catalog: 1001 / 4845 / 10 626 / 20 475 for d = 10 / 16 / 20 / 24)', () => {
    expect([10, 16, 20, 24].map(degree4MonomialCount)).toEqual([1001, 4845, 10626, 20475]);
  });

  it('with N far above C(d + 4, 4) the degree-4 kernel fits the degree-4 toy almost exactly; RBF does not beat it', () => {
    // d = 3: 35 monomials, N = 600: the scale warning of the catalog in the other direction.
    const task = makeBfcTask({ d: 3, k: 2, alpha2: 1, alpha3: 0.3, referenceSize: 5000, key: keyFromSeed(1) });
    const train = sampleBfc(task, 600, keyFromSeed(2)),
      test = sampleBfc(task, 300, keyFromSeed(3));
    const poly = kernelRiskOn('poly4', train, test, [1e-8, 1e-6], keyFromSeed(4));
    const rbf = kernelRiskOn('rbf', train, test, [1e-6, 1e-4], keyFromSeed(4));
    expect(poly.mse).toBeLessThan(1e-3);
    expect(rbf.mse).toBeGreaterThan(poly.mse);
  });
});
