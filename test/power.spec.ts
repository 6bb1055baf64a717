import { describe, expect, it } from 'vitest';
import { defineClaim, defineMutant, fc, ge, exactThreshold, type PaperRef } from '../src/index.js';
import { PROFILES } from '../src/claims/profiles.js';
import { runClaim } from '../src/claims/runClaim.js';
import { details, mark } from '../src/cli/format.js';
import { tally } from '../src/cli/verifyCommand.js';
import { buildSummary } from '../src/report/Summary.js';

/**
 * "A claim must be able to fail, and show it": a power mutant applies the claim's check to
 * something the theorem does not cover. One that survives means the check cannot fail, and the
 * suite must say so ("no power"), in the CLI, the summary and the exit status.
 */
const paper: PaperRef = { key: 'toy', title: 'Toy', authors: 'Nobody', venue: 'test', confidence: 'high' };
const learner = (learns: boolean) => (h: { seed: number }) => ({
  // The check is blind: it passes whatever the learner does (a bound above every possible excess).
  conditions: [ge('excess <= bound', 1, learns ? 0.1 : 0.9)],
  test: { name: 'toy test', pValue: 0.01, units: 5 },
  quantities: { seed: h.seed },
});
const claim = defineClaim({
  id: 'toy/blind/claim',
  paper,
  theorem: 'toy',
  confidence: 'C',
  kind: 'statistical',
  statement: 'a learner gets within the bound',
  hypotheses: fc.record({ seed: fc.integer({ min: 1, max: 1000 }) }),
  check: learner(true),
  tolerance: exactThreshold('rule fixed before the run'),
  design: { reseed: (h, seed) => ({ ...h, seed }) },
});
const stepSizeZero = defineMutant({
  of: claim,
  id: 'toy/blind/claim~step-size-zero',
  change: 'a learner that does not learn (step size 0)',
  status: 'safe',
  purpose: 'power',
  check: learner(false),
});

describe('power mutants', () => {
  it('a power mutant that passes the same check is reported as no power, and fails the run', async () => {
    const opts = { profile: PROFILES.quick, seed: 1, backend: 'none' };
    const runs = [await runClaim(claim, opts), await runClaim(stepSizeZero, opts)];
    expect(mark(runs[1])).toBe('NO-POWER');
    expect(details(runs[1], stepSizeZero).join('\n')).toMatch(/no power: toy\/blind\/claim~step-size-zero passes the same check/);
    const s = buildSummary(runs, [claim, stepSizeZero], { seed: 1, backend: 'none', profile: 'quick' });
    expect(s.results[0].power).toEqual({ status: 'no-power', mutants: ['toy/blind/claim~step-size-zero'] });
    expect(s.results[1].purpose).toBe('power');
    expect(s.mutationScore.power).toEqual({ refuted: 0, total: 1 });
    expect(s.ok).toBe(false);
    expect(tally(runs)).toMatch(/0\/1 mutants refuted \(power 0\/1\)/);
  });

  it('a claim without a power mutant says its check has not been shown able to fail', () => {
    const s = buildSummary([], [claim], { seed: 1, backend: 'none', profile: 'quick' });
    expect(s.results).toEqual([]);
    const lone = buildSummary(
      [
        {
          id: claim.id,
          role: 'claim',
          kind: 'statistical',
          verdict: {
            status: 'consistent',
            cases: 1,
            skipped: 0,
            maxSlack: -1,
            seed: 1,
            slacks: [-1],
            evidence: { conditions: [] },
            strength: 'test',
          },
          backend: 'none',
          profile: 'quick',
          runSeed: 1,
          durationMs: 1,
        },
      ],
      [claim],
      { seed: 1, backend: 'none', profile: 'quick' },
    );
    expect(lone.results[0].power).toEqual({ status: 'none', mutants: [] });
  });
});
