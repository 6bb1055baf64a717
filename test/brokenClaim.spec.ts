import { describe, expect, it } from 'vitest';
import { defineClaim, le } from '../src/index.js';
import { thm1 } from '../papers/shamir2018/index.js';
import { thm1Sides } from '../papers/shamir2018/bounds.js';
import { mlpForward } from '../src/core/models/mlp64.js';
import { bestLinearPredictor } from '../src/core/linear.js';
import { lossByName } from '../src/core/losses.js';
import { norm2 } from '../src/core/linalg/dense.js';
import { PROFILES } from '../src/claims/profiles.js';
import { runClaim } from '../src/claims/runClaim.js';
import type { ResidualInstance } from '../src/claims/arbitraries/index.js';

/**
 * The suite can fail: Thm 1 with its sign flipped (the bound subtracted instead of added) is a
 * false statement, and the very same hypotheses and runner must refute it.
 */
describe('a deliberately broken claim', () => {
  it('Thm 1 with a sign flipped is refuted', async () => {
    const flipped = defineClaim({
      ...thm1,
      // The flipped check asserts another inequality than Thm 1's executable bound: declare none.
      bound: undefined,
      score: undefined,
      id: 'shamir2018/thm1/sign-flipped',
      check: (h: ResidualInstance) => {
        if (norm2(h.w) === 0) return { conditions: [], skip: 'w = 0' };
        const data = { X: h.X, Fx: mlpForward(h.f, h.X), y: h.y, loss: lossByName(h.loss) };
        const s = thm1Sides(data, h.w, h.V, h.wStar ?? bestLinearPredictor(h.X, h.y, data.loss).w);
        return { conditions: [le('flipped Thm 1', s.F, s.FLin - s.bound)] };
      },
    });
    const run = await runClaim(flipped, { profile: PROFILES.quick, seed: 1, backend: 'none' });
    expect(run.verdict.status).toBe('refuted');
  });
});
