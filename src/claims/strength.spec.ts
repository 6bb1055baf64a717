import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineClaim, defineMutant, type PaperRef } from './Claim.js';
import { ge, le, type Evidence } from './Evidence.js';
import { PROFILES } from './profiles.js';
import { runClaim } from './runClaim.js';
import { DirectoryStore } from './store.js';
import { exactThreshold } from './Tolerance.js';
import { verdictWords } from './Verdict.js';

/**
 * The rules of evidence strength (issue "Verdicts a theorist can trust", section 1) on toy
 * statistical claims whose outcome is a known function of their seed.
 */
const paper: PaperRef = { key: 'toy', title: 'Toy', authors: 'Nobody', venue: 'test', confidence: 'high' };
const RULE = exactThreshold('pass rule fixed before the run');

interface SeedCase {
  readonly seed: number;
  /** The p-value the toy test reports (a stand-in for a real test on R seeds). */
  readonly p: number;
}

const seedCase = fc.record({ seed: fc.noShrink(fc.integer({ min: 100, max: 2 ** 30 })), p: fc.constant(0.01) });

/** Passes its rule and reports p; the evidence also carries p-values among its quantities. */
const passing = (h: SeedCase): Evidence => ({
  conditions: [ge('seeds passing (need 5 of 5)', 5, 5)],
  test: { name: 'one-sided sign test', pValue: h.p, units: 5, interval: [0.57, 1], effect: { name: 'median margin', value: 0.3 } },
  quantities: { passes: 5, signP: h.p, wilcoxonP: h.p, wilsonLow: 0.57, medianMargin: 0.3 },
});

const statistical = (id: string, extra: Partial<Parameters<typeof defineClaim<SeedCase>>[0]> = {}) =>
  defineClaim<SeedCase>({
    id: `toy/${id}/claim`,
    paper,
    theorem: 'toy',
    confidence: 'C',
    kind: 'statistical',
    statement: 'a toy statistical claim',
    hypotheses: seedCase,
    check: passing,
    tolerance: RULE,
    runs: { quick: 1, ci: 1, thorough: 1 },
    design: { reseed: (h, seed) => ({ ...h, seed }), seeds: (h) => [h.seed] },
    ...extra,
  });

const quick = { profile: PROFILES.quick, seed: 3, backend: 'none' };
const ci = { profile: PROFILES.ci, seed: 3, backend: 'none' };

describe('evidence strength', () => {
  it('a significant test on fresh seeds reads "consistent with the theorem at this scale"', async () => {
    const run = await runClaim(statistical('fresh'), quick);
    expect(run.verdict.status).toBe('consistent');
    if (run.verdict.status !== 'consistent') return;
    expect(run.verdict.strength).toBe('test');
    expect(verdictWords('statistical', run.verdict)).toMatch(/^consistent with the theorem at this scale \(one-sided sign test, p = 0.01/);
  });

  it('a screen never prints "consistent with the theorem": it says it is not significant, with p and R', async () => {
    const c = statistical('screen', {
      hypotheses: fc.record({ seed: fc.noShrink(fc.integer({ min: 100, max: 1000 })), p: fc.constant(0.19) }),
    });
    const run = await runClaim(c, quick);
    expect(run.verdict.status).toBe('consistent');
    if (run.verdict.status !== 'consistent') return;
    expect(run.verdict.strength).toBe('screen');
    const words = verdictWords('statistical', run.verdict);
    expect(words).toMatch(/^screen passed, not significant \(p = 0.19, R = 5\)/);
    expect(words).not.toMatch(/consistent with the theorem/);
  });

  it("alpha is the claim's own: p = 0.03 is a test at alpha 0.05 and a screen at alpha 0.01", async () => {
    const h = fc.record({ seed: fc.noShrink(fc.integer({ min: 100, max: 1000 })), p: fc.constant(0.03) });
    const at05 = await runClaim(statistical('alpha05', { hypotheses: h }), quick);
    const at01 = await runClaim(statistical('alpha01', { hypotheses: h, design: { alpha: 0.01 } }), quick);
    expect(at05.verdict.status === 'consistent' && at05.verdict.strength).toBe('test');
    expect(at01.verdict.status === 'consistent' && at01.verdict.strength).toBe('screen');
  });

  it('a replay of pinned seeds stores no p-value or interval, and says it is a regression check', async () => {
    const c = statistical('replay', { runs: { quick: 0, ci: 0, thorough: 0 }, examples: [{ seed: 2020, p: 0.01 }] });
    const run = await runClaim(c, quick);
    expect(run.verdict.status).toBe('consistent');
    if (run.verdict.status !== 'consistent') return;
    expect(run.verdict.strength).toBe('replay');
    expect(run.verdict.evidence.test?.pValue).toBeUndefined();
    expect(run.verdict.evidence.test?.interval).toBeUndefined();
    expect(Object.keys(run.verdict.evidence.quantities ?? {}).sort()).toEqual(['medianMargin', 'passes']);
    const words = verdictWords('statistical', run.verdict);
    expect(words).toMatch(/^replay passed: pinned seeds reproduce the calibrated outcome \(regression check, no p-value\)/);
    expect(words).not.toMatch(/p = /);
    expect(JSON.stringify(run.verdict)).not.toMatch(/"pValue"|signP|wilcoxonP/);
  });

  it('at ci the pinned examples run on fresh seeds from the run seed (and differ between run seeds)', async () => {
    const seen: number[] = [];
    const c = statistical('reseeded', {
      runs: { quick: 0, ci: 0, thorough: 0 },
      examples: [{ seed: 2020, p: 0.01 }],
      check: (h) => {
        seen.push(h.seed);
        return passing(h);
      },
    });
    const a = await runClaim(c, ci);
    const b = await runClaim(c, { ...ci, seed: 4 });
    expect(a.verdict.status === 'consistent' && a.verdict.strength).toBe('test');
    expect(b.verdict.status === 'consistent' && b.verdict.strength).toBe('test');
    expect(a.verdict.status === 'consistent' && a.verdict.source).toBe('reseeded');
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(2020);
    expect(seen[1]).not.toBe(seen[0]);
  });

  it("a scaling fit on fewer than 5 grid points is a screen; an interval containing the mutant's rate is Inconclusive", async () => {
    const fit = (gridPoints: number, interval: [number, number]) =>
      defineClaim({
        id: `toy/scaling-${gridPoints}-${interval[1] > 0 ? 'wide' : 'narrow'}/claim`,
        paper,
        theorem: 'toy',
        confidence: 'C',
        kind: 'scaling',
        statement: 'slope is -1/2',
        hypotheses: fc.constant({ seed: 5 }),
        check: (): Evidence => ({
          conditions: [le('slope <= 0', -0.5, 0)],
          test: { name: 'fitted log-log slope', interval, gridPoints },
        }),
        tolerance: RULE,
        design: { alternative: { value: 0, label: 'a constant step: no decay' } },
      });
    const few = await runClaim(fit(3, [-0.7, -0.3]), quick);
    expect(few.verdict.status === 'consistent' && few.verdict.strength).toBe('screen');
    const enough = await runClaim(fit(6, [-0.7, -0.3]), quick);
    expect(enough.verdict.status === 'consistent' && enough.verdict.strength).toBe('test');
    const wide = await runClaim(fit(6, [-1.16, 0.27]), quick);
    expect(wide.verdict.status).toBe('inconclusive');
    if (wide.verdict.status === 'inconclusive') {
      expect(wide.verdict.reason).toBe('interval-too-wide');
      expect(wide.verdict.detail).toMatch(/\[-1.16, 0.27\] contains 0 \(a constant step: no decay\)/);
    }
  });
});

describe('calibration seeds are never verdict seeds', () => {
  it('a pinned example on a calibration seed is rejected when the claim is defined', () => {
    expect(() =>
      statistical('pinned-on-calibration', {
        examples: [{ seed: 777, p: 0.01 }],
        design: { seeds: (h) => [h.seed], calibration: { seeds: [777, 778], note: 'thresholds from base seed 777' } },
      }),
    ).toThrow(/pinned example uses calibration seed\(s\) 777/);
  });

  it('a drawn case that happens to hit a calibration seed is drawn again (not a verdict case, not an error)', async () => {
    // A seed generator draws small seeds now and then (fast-check biases integers toward 0), and
    // calibration logs use small seeds: NDL's thm1 drew base seed 1 on run seed 18 at quick.
    const seen: number[] = [];
    const c = statistical('drawn-on-calibration-sometimes', {
      hypotheses: fc.record({ seed: fc.constantFrom(777, 5, 6), p: fc.constant(0.01) }),
      runs: { quick: 20, ci: 1, thorough: 1 },
      design: { seeds: (h) => [h.seed], calibration: { seeds: [777], note: 'thresholds from base seed 777' } },
      check: (h: SeedCase) => {
        seen.push(h.seed);
        return { conditions: [ge('seeds passing', 5, 5)], test: { name: 'sign test', pValue: h.p, units: 5 } };
      },
    });
    const run = await runClaim(c, quick);
    expect(run.verdict.status).not.toBe('inconclusive');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(777);
  });

  it('a generator that keeps drawing a calibration seed stops the run as a definition error', async () => {
    const c = statistical('drawn-on-calibration', {
      hypotheses: fc.record({ seed: fc.constant(777), p: fc.constant(0.01) }),
      design: { seeds: (h) => [h.seed], calibration: { seeds: [777], note: 'thresholds from base seed 777' } },
    });
    const run = await runClaim(c, quick);
    expect(run.verdict.status).toBe('inconclusive');
    if (run.verdict.status === 'inconclusive') {
      expect(run.verdict.reason).toBe('definition-error');
      expect(run.verdict.detail).toMatch(/calibration seed\(s\) 777/);
    }
  });
});

describe('confirmation before failure (issue "No false alarms")', () => {
  // Fails on odd seeds only: a "by chance" first-stage failure that an independent stage can clear.
  const rigged = (confirmFails: boolean) =>
    statistical(`rigged-${confirmFails ? 'real' : 'chance'}`, {
      runs: { quick: 0, ci: 0, thorough: 0 },
      examples: [{ seed: 101, p: 0.01 }],
      design: { reseed: (h) => ({ ...h, seed: confirmFails ? 103 : 104 }), seeds: (h) => [h.seed] },
      check: (h): Evidence =>
        h.seed % 2 === 1
          ? { conditions: [ge('seeds passing (need 5 of 5)', 3, 5)], test: { name: 'one-sided sign test', pValue: 0.5, units: 5 } }
          : passing(h),
    });

  it('a first-stage failure that the confirmation clears does not fail the run, and both stages are reported', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-confirm-'));
    const run = await runClaim(rigged(false), { ...quick, store: new DirectoryStore(tmp) });
    expect(run.verdict.status).toBe('consistent');
    if (run.verdict.status !== 'consistent') return;
    expect(run.verdict.confirmation?.confirmed).toBe(false);
    expect(run.verdict.confirmation?.first.outcome).toBe('violated');
    expect(run.verdict.confirmation?.second.outcome).toBe('holds');
    expect(run.verdict.source).toBe('confirmation');
    expect(verdictWords('statistical', run.verdict)).toMatch(/first stage violated .*; confirmation held on fresh independent seeds/);
    // An unconfirmed failure is not saved: it would replay and fail every later run in the checkout.
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('a failure the confirmation repeats is FAILED, as a test, and saved', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-confirm-'));
    const run = await runClaim(rigged(true), { ...quick, store: new DirectoryStore(tmp) });
    expect(run.verdict.status).toBe('inconsistent');
    if (run.verdict.status !== 'inconsistent') return;
    expect(run.verdict.strength).toBe('test');
    expect(run.verdict.confirmation?.confirmed).toBe(true);
    expect(verdictWords('statistical', run.verdict)).toMatch(/^inconsistent with the theorem at this scale/);
    expect(run.verdict.counterexample.fixture).toBeDefined();
  });

  const base = statistical('mutated');
  const mutant = (id: string, failsOn: (seed: number) => boolean, purpose: 'assumption' | 'power' = 'assumption') =>
    defineMutant({
      of: base,
      id: `toy/mutated/claim~${id}`,
      change: 'toy',
      status: 'safe [C]',
      purpose,
      runs: { quick: 0, ci: 0, thorough: 0 },
      examples: [{ seed: 101, p: 0.01 }],
      check: (h: SeedCase): Evidence => (failsOn(h.seed) ? { conditions: [ge('seeds passing (need 5 of 5)', 2, 5)] } : passing(h)),
    });

  it('a mutant that survives its first stage is confirmed before it reads SURVIVED', async () => {
    const killedLate = await runClaim(
      mutant('late', (s) => s !== 101),
      quick,
    );
    expect(killedLate.verdict.status).toBe('inconsistent');
    if (killedLate.verdict.status === 'inconsistent') {
      expect(killedLate.verdict.counterexample.source).toBe('confirmation');
      expect(killedLate.verdict.confirmation?.first.outcome).toBe('holds');
    }
    const survivor = await runClaim(
      mutant('never', () => false, 'power'),
      quick,
    );
    expect(survivor.verdict.status).toBe('consistent');
    if (survivor.verdict.status === 'consistent') expect(survivor.verdict.confirmation?.confirmed).toBe(true);
    expect(survivor.purpose).toBe('power');
  });
});
