import { describe, expect, it } from 'vitest';
import { seedCountEvidence } from './seedCountEvidence.js';

describe('seedCountEvidence', () => {
  it('states the pass rule, the test with its p-value and R, and the Wilson interval', () => {
    const e = seedCountEvidence({
      rule: 'MSE_net < MSE_kernel',
      margins: [0.3, 0.2, 0.5, 0.1, 0.4],
      need: 5,
      on: 'per-seed MSE_kernel - MSE_net',
      effect: { name: 'median MSE_kernel - MSE_net', value: 0.3 },
      scale: 'd = 16, R = 5',
    });
    expect(e.conditions).toEqual([{ name: 'seeds with MSE_net < MSE_kernel (need 5 of 5)', lhs: 5, op: '>=', rhs: 5 }]);
    // One-sided sign test at 5/5: 2^-5 (scipy.stats.binomtest(5, 5, alternative='greater').pvalue = 0.03125).
    expect(e.test?.pValue).toBeCloseTo(0.03125, 12);
    expect(e.test?.units).toBe(5);
    expect(e.test?.name).toMatch(/^one-sided sign test on per-seed MSE_kernel - MSE_net/);
    expect(e.quantities?.passes).toBe(5);
  });

  it('can rest on the Wilcoxon signed-rank test and rejects an impossible rule', () => {
    const e = seedCountEvidence({
      rule: 'r',
      margins: [1, 2, 3, 4, -0.5],
      need: 4,
      test: 'wilcoxon',
      on: 'm',
      effect: { name: 'e', value: 1 },
      scale: 's',
    });
    expect(e.test?.pValue).toBe(e.quantities?.wilcoxonP);
    expect(() => seedCountEvidence({ rule: 'r', margins: [1], need: 2, on: 'm', effect: { name: 'e', value: 1 }, scale: 's' })).toThrow(
      /need must be an integer in \[1, 1\]/,
    );
  });
});
