import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineClaim, defineMutant, type PaperRef } from './Claim.js';
import { le, skipCase } from './Evidence.js';
import { PROFILES } from './profiles.js';
import { runClaim } from './runClaim.js';
import { DirectoryStore, ReadOnlyStore } from './store.js';
import { jitterFields } from './targetedSearch.js';
import { exactThreshold, FLOAT64_TOLERANCE } from './Tolerance.js';

const paper: PaperRef = { key: 'toy', title: 'Toy', authors: 'Nobody', venue: 'test', confidence: 'high' };
const opts = { profile: PROFILES.quick, seed: 7, backend: 'none' };

// AM-GM: (a + b) / 2 >= sqrt(ab) for a, b >= 0. True, so it must be Verified.
const amgm = defineClaim({
  id: 'toy/amgm/holds',
  paper,
  theorem: 'amgm',
  confidence: 'V',
  kind: 'exact',
  statement: '(a+b)/2 >= sqrt(ab)',
  hypotheses: fc.record({ a: fc.double({ min: 0, max: 100, noNaN: true }), b: fc.double({ min: 0, max: 100, noNaN: true }) }),
  check: ({ a, b }) => ({ conditions: [le('amgm', Math.sqrt(a * b), (a + b) / 2)] }),
  tolerance: FLOAT64_TOLERANCE,
});

// False: "a * b <= 50" on [0, 100]^2. Shrinking must reach a small, simple counterexample.
const product = defineMutant({
  of: amgm,
  id: 'toy/amgm/holds~product-bound',
  change: 'a*b <= 50',
  status: 'safe',
  hypotheses: fc.record({ a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 0, max: 100 }) }),
  check: ({ a, b }: { a: number; b: number }) => ({ conditions: [le('product', a * b, 50)] }),
});

describe('runClaim', () => {
  it('verifies a true exact claim and reports its slack and seed', async () => {
    const run = await runClaim(amgm, opts);
    expect(run.verdict.status).toBe('verified');
    if (run.verdict.status !== 'verified') return;
    expect(run.verdict.cases).toBeGreaterThanOrEqual(100);
    expect(run.verdict.maxSlack).toBeLessThanOrEqual(0);
    expect(run.runSeed).toBe(7);
  });

  it('refutes a false claim and shrinks the counterexample to a minimal one that keeps the margin', async () => {
    const run = await runClaim(product, opts);
    expect(run.verdict.status).toBe('refuted');
    if (run.verdict.status !== 'refuted') return;
    const { a, b } = run.verdict.counterexample.value as { a: number; b: number };
    const shrink = run.verdict.counterexample.shrink!;
    expect(shrink.stopped).toBe('minimal');
    // The margin: the violation stays at least 1% of the first one found (100 x tolerance is far smaller here).
    const margin = 0.01 * shrink.firstViolation;
    expect(a * b - 50).toBeGreaterThanOrEqual(margin);
    // Minimal under the margin: decreasing either coordinate by one loses the margin.
    expect((a - 1) * b - 50 < margin && a * (b - 1) - 50 < margin).toBe(true);
    expect(run.verdict.counterexample.shrinks).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', async () => {
    const r1 = await runClaim(product, opts);
    const r2 = await runClaim(product, opts);
    expect(JSON.stringify(r1.verdict)).toBe(JSON.stringify(r2.verdict));
  });

  it('finds a thin boundary by targeted search that random generation misses', async () => {
    // Fails only when x lies within 1e-7 of 0.3141592: uniform draws essentially never land there.
    const hidden = 0.3141592;
    const thin = defineClaim({
      id: 'toy/thin/boundary',
      paper,
      theorem: 'thin',
      confidence: 'V',
      kind: 'exact',
      statement: 'x is never within 1e-7 of a hidden point',
      hypotheses: fc.record({ x: fc.double({ min: -10, max: 10, noNaN: true }) }),
      check: ({ x }) => ({ conditions: [le('distance', -Math.abs(x - hidden), -1e-7)] }),
      tolerance: exactThreshold('test'),
      target: jitterFields<{ x: number }>(['x']),
      runs: { quick: 600 },
    });
    const noTarget = await runClaim({ ...thin, target: undefined }, opts);
    expect(noTarget.verdict.status).toBe('verified');
    const run = await runClaim(thin, opts);
    expect(run.verdict.status).toBe('refuted');
    if (run.verdict.status !== 'refuted') return;
    expect(run.verdict.counterexample.source).toBe('targeted');
    expect(Math.abs((run.verdict.counterexample.value as { x: number }).x - hidden)).toBeLessThan(1e-7);
  });

  it('is Inconclusive, never Verified, on non-finite evidence', async () => {
    const nan = defineClaim({
      ...(amgm as any),
      id: 'toy/nan/case',
      check: ({ a }: { a: number }) => ({ conditions: [le('x', a > 50 ? NaN : 0, 1)] }),
    });
    const run = await runClaim(nan, opts);
    expect(run.verdict.status).toBe('inconclusive');
    if (run.verdict.status === 'inconclusive') expect(run.verdict.reason).toBe('non-finite');
  });

  it('is Inconclusive when too many cases miss the hypotheses', async () => {
    const skipping = defineClaim({
      ...(amgm as any),
      id: 'toy/skip/case',
      hypotheses: fc.record({ a: fc.integer({ min: 0, max: 100 }) }),
      check: ({ a }: { a: number }) => (a > 5 ? skipCase('a > 5') : { conditions: [le('x', 0, 1)] }),
    });
    const run = await runClaim(skipping, opts);
    expect(run.verdict.status).toBe('inconclusive');
    if (run.verdict.status === 'inconclusive') expect(run.verdict.reason).toBe('too-many-skips');
  });

  it('is Inconclusive with the case when the check throws, and does not crash', async () => {
    const throwing = defineClaim({
      ...(amgm as any),
      id: 'toy/throw/case',
      check: () => {
        throw new Error('boom');
      },
    });
    const run = await runClaim(throwing, opts);
    expect(run.verdict.status).toBe('inconclusive');
    if (run.verdict.status === 'inconclusive') {
      expect(run.verdict.reason).toBe('check-threw');
      expect(run.verdict.detail).toContain('boom');
    }
  });

  it('reports coverage of declared regions and fails a claim whose region is not reached', async () => {
    const covered = defineClaim({
      ...(amgm as any),
      id: 'toy/cover/ok',
      cover: [{ label: 'a < 50', minShare: 0.2, when: (h: { a: number }) => h.a < 50 }],
    });
    const ok = await runClaim(covered, opts);
    expect(ok.verdict.status).toBe('verified');
    expect(ok.verdict.coverage?.[0]).toMatchObject({ label: 'a < 50', ok: true });
    const unreachable = defineClaim({
      ...(amgm as any),
      id: 'toy/cover/missing',
      cover: [{ label: 'a > 1000', minShare: 0.01, when: (h: { a: number }) => h.a > 1000 }],
    });
    const bad = await runClaim(unreachable, opts);
    expect(bad.verdict.status).toBe('inconclusive');
    if (bad.verdict.status === 'inconclusive') {
      expect(bad.verdict.reason).toBe('coverage');
      expect(bad.verdict.detail).toMatch(/"a > 1000" 0\/\d+/);
    }
  });

  it('saves the counterexample and replays it first on the next run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-store-'));
    const store = new DirectoryStore(dir);
    const first = await runClaim(product, { ...opts, store });
    expect(first.verdict.status).toBe('refuted');
    const saved = store.fetch(product.id);
    expect(saved).toHaveLength(1);
    // A different seed would search elsewhere; the pinned case is found first regardless.
    const second = await runClaim(product, { ...opts, seed: 999, store: new ReadOnlyStore(store) });
    expect(second.verdict.status).toBe('refuted');
    if (second.verdict.status === 'refuted' && first.verdict.status === 'refuted') {
      expect(second.verdict.counterexample.source).toBe('pinned');
      expect(second.verdict.counterexample.value).toEqual(first.verdict.counterexample.value);
    }
  });
});
