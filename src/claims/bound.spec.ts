import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBound } from './boundEval.js';
import { boundEdits, boundMutantsOf } from './boundMutants.js';
import { defineClaim, type PaperRef } from './Claim.js';
import { le, type Evidence } from './Evidence.js';
import type { ExecutableBound } from './ExecutableBound.js';
import { PROFILES } from './profiles.js';
import { runClaim } from './runClaim.js';
import { DEGENERATE, scaleFreeScore } from './score.js';
import { complexity, simplerNumbers } from './simplify.js';
import { FLOAT64_TOLERANCE } from './Tolerance.js';
import { fails } from './Verdict.js';

const paper: PaperRef = { key: 'toy', title: 'Toy', authors: 'Nobody', venue: 'test', confidence: 'high' };
const opts = { profile: PROFILES.quick, seed: 11, backend: 'none' };

/**
 * A true toy bound with one necessary part and one slack part: for a, b in [0, 4],
 * a * b <= B with B = a^2 / 2 + b^2 / 2 + 3 (AM-GM needs a^2/2 + b^2/2; the + 3 is slack).
 */
const BOUND: ExecutableBound = {
  expression: 'a^2 / 2 + b^2 / 2 + 3',
  quantity: 'bound',
  condition: { name: 'ab <= B', lhs: 'ab', op: '<=', rhs: 'B' },
};

const amgm = (bound: ExecutableBound, coded: (a: number, b: number) => number) =>
  defineClaim({
    id: 'toy/amgm/bounded',
    paper,
    theorem: 'toy',
    confidence: 'C',
    kind: 'exact',
    statement: 'a b <= a^2/2 + b^2/2 + 3',
    bound,
    hypotheses: fc.record({ a: fc.double({ min: 0, max: 4, noNaN: true }), b: fc.double({ min: 0, max: 4, noNaN: true }) }),
    check: ({ a, b }): Evidence => {
      const B = coded(a, b);
      return { conditions: [le('ab <= B', a * b, B)], quantities: { a, b, ab: a * b, bound: B } };
    },
    tolerance: FLOAT64_TOLERANCE,
    simplify: ['a', 'b'],
  });

describe('executable bounds', () => {
  it('a check that codes the declared bound runs clean', async () => {
    const run = await runClaim(
      amgm(BOUND, (a, b) => (a * a) / 2 + (b * b) / 2 + 3),
      opts,
    );
    expect(run.verdict.status).toBe('verified');
  });

  it('the drift check fails the run when the coded check differs from the declared bound', async () => {
    // The check forgot the 1/2 on b^2: the page would show one formula and the run test another.
    const run = await runClaim(
      amgm(BOUND, (a, b) => (a * a) / 2 + b * b + 3),
      opts,
    );
    expect(run.verdict.status).toBe('inconclusive');
    if (run.verdict.status === 'inconclusive') {
      expect(run.verdict.reason).toBe('bound-drift');
      expect(run.verdict.detail).toMatch(/declared bound a\^2 \/ 2 \+ b\^2 \/ 2 \+ 3 = .* but the check used bound = /);
    }
  });

  it('a condition restated differently from the coded one is drift too', async () => {
    const b = await compileBound({ ...BOUND, condition: { ...BOUND.condition, rhs: 'B + 1' } });
    const drift = b.drift({ conditions: [le('ab <= B', 2, 5.5)], quantities: { a: 1, b: 2, ab: 2, bound: 5.5 } });
    expect(drift).toMatch(/declared condition ab <= B \+ 1 = 2 <= 6.5 but the check asserts 2 <= 5.5/);
  });

  it("certifies a violation at 40 digits from the quantities' exact binary values", async () => {
    const b = await compileBound(BOUND);
    // 0.1 + 0.2 style: the float64 quantities are exact dyadic rationals; the certificate uses them exactly.
    const cert = b.certify({ a: 3, b: 3, ab: 9.5, bound: 12 }, FLOAT64_TOLERANCE);
    expect(cert.certified).toBe(false);
    const violated = b.certify({ a: 0.1, b: 0.2, ab: 3.1, bound: 3.025 }, FLOAT64_TOLERANCE);
    expect(violated.certified).toBe(true);
    // 3.1 - (0.1^2/2 + 0.2^2/2 + 3) with 0.1, 0.2 and 3.1 as their binary values: 0.075 up to ~1e-17.
    expect(Number(violated.violation)).toBeCloseTo(0.075, 15);
  });
});

describe('bound mutants', () => {
  it('derives every single edit of the expression tree, with stable kebab-case slugs', async () => {
    const edits = await boundEdits('gradNorm * sqrt(2 * normW^2 + normWStar^2 * (2 + normV^2 / normW^2))');
    const slugs = edits.map((e) => e.slug);
    expect(slugs).toContain('drop-2-normw-2');
    expect(slugs).toContain('drop-normv-2-normw-2');
    expect(slugs).toContain('halve-2-in-2-normw-2');
    expect(slugs).toContain('lower-normw-2');
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]+$/);
    const drop = edits.find((e) => e.slug === 'drop-2-normw-2')!;
    expect(drop.expression).toBe('gradNorm * sqrt(normWStar ^ 2 * (2 + normV ^ 2 / normW ^ 2))');
  });

  it('shows the necessary part necessary and reports the slack part as not shown', async () => {
    const claim = amgm(BOUND, (a, b) => (a * a) / 2 + (b * b) / 2 + 3);
    const mutants = await boundMutantsOf(claim);
    const byChange = new Map(mutants.map((m) => [m.id.split('~')[1], m]));
    expect([...byChange.keys()]).toContain('bound-drop-3');
    const dropSlack = await runClaim(byChange.get('bound-drop-3')!, opts);
    // a b <= a^2/2 + b^2/2 holds everywhere: dropping the + 3 is not refuted (the 3 is slack).
    expect(fails(dropSlack.verdict)).toBe(false);
    // Dropping b^2/2 leaves a b <= a^2/2 + 3, false at a = 1, b = 4: that part is necessary.
    const dropNeeded = mutants.find((m) => m.type === 'mutant' && /drop the term b \^ 2 \/ 2/.test(m.change))!;
    const run = await runClaim(dropNeeded, opts);
    expect(run.verdict.status).toBe('refuted');
    if (run.verdict.status !== 'refuted') return;
    expect(run.purpose).toBe('bound');
    const ce = run.verdict.counterexample;
    expect(ce.certificate?.certified).toBe(true);
    // Simplified: a and b rounded to simple numbers that keep the margin.
    const { a, b } = ce.value as { a: number; b: number };
    expect(complexity(a) + complexity(b)).toBeLessThanOrEqual(6);
    expect(a * b - (a * a) / 2 - 3).toBeGreaterThanOrEqual(0.01 * ce.shrink!.firstViolation);
  });
});

describe('targeting and simplification', () => {
  it('the scale-free score skips degenerate ties and ranks by relative closeness', () => {
    const tie: Evidence = { conditions: [le('F <= F_lin + bound', 1e-14, 0)] };
    expect(scaleFreeScore(tie)).toBeUndefined();
    const near: Evidence = { conditions: [le('c', 0.99, 1)] };
    const far: Evidence = { conditions: [le('c', 1e-9, 1e-3)] };
    expect(scaleFreeScore(near)!).toBeGreaterThan(scaleFreeScore(far)!);
    expect(DEGENERATE).toBe(1e-12);
  });

  it('simpler numbers come simplest first: integers, halves, powers of two, then fewer digits', () => {
    expect(simplerNumbers(2.718281828)).toEqual([0, 1, 3, 2, 4, 2.5, 2.7, 2.72, 2.718, 2.7183, 2.71828]);
    // A tiny number becomes its power of two ("2^-20") before any of its decimal forms.
    const tiny = 9.6e-7 * (1 + 1e-9);
    const c = simplerNumbers(tiny);
    expect(c.indexOf(2 ** -20)).toBeLessThan(c.indexOf(9.6e-7));
    for (const x of c) expect(complexity(x)).toBeLessThan(complexity(tiny));
  });
});
