import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineClaim } from '../src/index.js';
import { PROFILES } from '../src/claims/profiles.js';
import { runSuite } from '../src/claims/runSuite.js';
import { initBackend } from '../src/core/backend.js';
import { cor1, ex1, thm1 } from '../papers/shamir2018/index.js';
import type { ResidualInstance } from '../src/claims/arbitraries/index.js';
import type { TrainingCaseValue } from '../papers/shamir2018/trainingCase.js';

/**
 * Numeric faults never crash a run and never pass: NaN in the data and diverging training end
 * Inconclusive with the reason, and the claims after them still run.
 */
describe('numeric faults', () => {
  let backend = 'cpu';
  beforeAll(async () => {
    backend = await initBackend('auto');
  });

  it('NaN in the data and divergent training are Inconclusive; the next claim still runs', async () => {
    const nanData = defineClaim({
      ...(thm1 as any),
      id: 'shamir2018/thm1/nan-in-data',
      target: undefined,
      hypotheses: (thm1.hypotheses as fc.Arbitrary<ResidualInstance>).map((h) => ({
        ...h,
        X: h.X.map((r, i) => (i === 0 ? r.map(() => NaN) : r)),
      })),
    });
    const divergent = defineClaim({
      ...(cor1 as any),
      id: 'shamir2018/cor1/huge-learning-rate',
      runs: { quick: 3 },
      hypotheses: (cor1.hypotheses as fc.Arbitrary<TrainingCaseValue>).map((h) => ({
        ...h,
        lr: 1e30,
        loss: 'squared' as const,
        y: h.y.map((v) => v + 100),
      })),
    });
    const r = await runSuite([nanData, divergent, ex1], { profile: PROFILES.quick, seed: 11, backend });
    const [a, b, c] = r.runs;
    expect(a.verdict.status).toBe('inconclusive');
    // The float64 core rejects non-finite input by name; the verdict carries that reason.
    if (a.verdict.status === 'inconclusive') expect(a.verdict.detail).toMatch(/X\[0\]\[\d\] must be a finite number, got NaN/);
    expect(b.verdict.status).toBe('inconclusive');
    if (b.verdict.status === 'inconclusive') expect(b.verdict.reason).toBe('non-finite');
    expect(c.verdict.status).toBe('verified');
    expect(r.ok).toBe(false);
  });
});
