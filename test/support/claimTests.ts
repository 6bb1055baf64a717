import { beforeAll, describe, expect, it } from 'vitest';
import type { Checkable } from '../../src/claims/Claim.js';
import { PROFILES } from '../../src/claims/profiles.js';
import { runClaim } from '../../src/claims/runClaim.js';
import { asExpected } from '../../src/claims/runSuite.js';
import { initBackend } from '../../src/core/backend.js';
import { withLeakCheck } from '../../src/core/tf/leakCheck.js';
import { CI_DEFAULT_SEED } from '../../src/cli/verifyCommand.js';
import { details } from '../../src/cli/format.js';

/**
 * The suite's contract as tests: every claim holds and every mutant is refuted, at the quick
 * profile with the CI seed. Pinned fixtures are NOT used, so a mutant must be found afresh by its
 * generator (a generator that stopped reaching its corner fails here, not silently), and nothing
 * is written to fixtures/. Every run must also leave no tensor behind.
 */
export function claimTests(title: string, checkables: readonly Checkable[]): void {
  describe(title, () => {
    let backend = 'cpu';
    beforeAll(async () => {
      backend = await initBackend('auto');
    });
    for (const c of checkables) {
      const expectation = c.type === 'claim' ? 'holds' : 'is refuted with a counterexample';
      it(`${c.id} ${expectation}`, async () => {
        const { result: run, leaked } = await withLeakCheck(() =>
          runClaim(c, { profile: PROFILES.quick, seed: CI_DEFAULT_SEED, backend, usePinned: false }),
        );
        expect(asExpected(run), details(run, c).join('\n') || run.verdict.status).toBe(true);
        expect(leaked, 'tensors leaked by the claim run').toBe(0);
        if (c.type === 'mutant') {
          const v = run.verdict;
          if (v.status !== 'refuted' && v.status !== 'inconsistent') throw new Error('unreachable');
          expect(v.counterexample.violated.length).toBeGreaterThan(0);
          expect(v.counterexample.slack).toBeGreaterThan(0);
        }
      });
    }
  });
}
