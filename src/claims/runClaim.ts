import * as fc from 'fast-check';
import { fold, keyFromSeed, keyToSeed } from '../core/random.js';
import type { Checkable, CheckContext } from './Claim.js';
import type { Evidence } from './Evidence.js';
import { CoverageCounter } from './coverage.js';
import { evaluateCase, isViolated, type CaseOutcome } from './evaluateCase.js';
import { FIXTURE_SCHEMA } from './Fixture.js';
import type { Profile } from './profiles.js';
import { simplifyNumbers } from './simplify.js';
import type { FixtureStore } from './store.js';
import { climb, TopK } from './targetedSearch.js';
import type { CaseSource, Counterexample, InconclusiveReason, Verdict } from './Verdict.js';

export interface RunOptions {
  readonly profile: Profile;
  /** The run's seed; each claim's own seed is derived from it and the claim id. */
  readonly seed: number;
  readonly backend: string;
  readonly store?: FixtureStore;
  /** Replay pinned counterexamples from the store first (default true). */
  readonly usePinned?: boolean;
  /** Absolute deadline of the whole run; the claim's own budget is cut to fit inside it. */
  readonly deadline?: number;
  readonly onProgress?: (e: ProgressEvent) => void;
}

export type ProgressEvent =
  | { readonly type: 'phase'; readonly id: string; readonly phase: 'pinned' | 'random' | 'targeted' | 'shrinking' }
  | { readonly type: 'case'; readonly id: string; readonly cases: number };

export interface ClaimRun {
  readonly id: string;
  readonly role: 'claim' | 'mutant';
  readonly kind: Checkable['kind'];
  /** Set only for a hypothesis the paper does not prove (absent means a theorem). */
  readonly subject?: 'hypothesis';
  readonly verdict: Verdict;
  readonly backend: string;
  readonly profile: string;
  /** The run's seed (what the user passes to --seed to reproduce). */
  readonly runSeed: number;
  readonly durationMs: number;
}

/** The claim's fast-check seed: stable for a run seed whatever else is selected or its order. */
export function claimSeed(runSeed: number, id: string): number {
  return keyToSeed(fold(keyFromSeed(runSeed), id));
}

export async function runClaim(c: Checkable, opts: RunOptions): Promise<ClaimRun> {
  const started = Date.now();
  const deadline = Math.min(opts.deadline ?? Infinity, started + opts.profile.claimBudgetMs);
  const ctx: CheckContext = { backend: opts.backend, deadline };
  const seed = claimSeed(opts.seed, c.id);
  const finish = (verdict: Verdict): ClaimRun => ({
    id: c.id,
    role: c.type,
    kind: c.kind,
    ...(c.subject === 'hypothesis' ? { subject: 'hypothesis' as const } : {}),
    verdict,
    backend: opts.backend,
    profile: opts.profile.name,
    runSeed: opts.seed,
    durationMs: Date.now() - started,
  });
  const progress = opts.onProgress ?? (() => {});

  const stats = { cases: 0, skipped: 0, maxSlack: -Infinity };
  const slacks: number[] = [];
  let nonFinite: { detail: string; value: unknown } | undefined;
  let firstSkip: string | undefined;
  let threw: { detail: string; value: unknown; interrupted: boolean } | undefined;
  const top = new TopK<unknown>(4);
  const coverage = c.cover?.length ? new CoverageCounter<unknown>(c.cover) : undefined;
  // Evidence of the judged case closest to failing: what a consistent verdict reports.
  let worst: { slack: number; evidence: Evidence } | undefined;

  const record = (h: unknown, o: CaseOutcome): void => {
    if (o.kind === 'threw') {
      threw ??= { detail: o.error, value: h, interrupted: o.interrupted };
      return;
    }
    const j = o.judgement;
    if (j.outcome === 'skipped') {
      stats.skipped++;
      firstSkip ??= j.reason;
    } else if (j.outcome === 'non-finite') nonFinite ??= { detail: j.reason, value: h };
    else {
      stats.cases++;
      stats.maxSlack = Math.max(stats.maxSlack, j.slack);
      if (slacks.length < 2000) slacks.push(Number(j.slack.toPrecision(6)));
      top.offer(h, j.slack);
      if (worst === undefined || j.slack > worst.slack) worst = { slack: j.slack, evidence: o.evidence };
    }
    if ((stats.cases + stats.skipped) % 25 === 0) progress({ type: 'case', id: c.id, cases: stats.cases });
  };

  const refute = (
    h: unknown,
    o: CaseOutcome,
    source: CaseSource,
    extra: { path?: string; shrinks: number; fixture?: string },
  ): ClaimRun => {
    if (!isViolated(o)) throw new Error('internal: refute() called on a case that holds');
    const record: Omit<Counterexample, 'value' | 'fixture'> = {
      evidence: o.evidence,
      violated: o.judgement.violated,
      slack: o.judgement.slack,
      source,
      seed,
      path: extra.path,
      shrinks: extra.shrinks,
      description: c.describe?.(h as never),
    };
    const outcome = c.kind === 'exact' ? 'refuted' : 'inconsistent';
    // A fixture is the counterexample's own record plus what identifies and replays it.
    const fixture =
      extra.fixture ??
      opts.store?.save({
        schema: FIXTURE_SCHEMA,
        id: c.id,
        role: c.type,
        outcome,
        counterexample: h,
        backend: opts.backend,
        ...record,
      });
    const counterexample: Counterexample = { value: h, ...record, fixture };
    const base = {
      cases: stats.cases,
      skipped: stats.skipped,
      maxSlack: Math.max(stats.maxSlack, o.judgement.slack),
      seed,
      slacks,
      coverage: coverage?.results(),
    };
    return finish({ status: outcome, ...base, counterexample });
  };

  // 1. Pinned counterexamples and declared examples run first and are never shrunk.
  if (opts.usePinned !== false && opts.store) {
    progress({ type: 'phase', id: c.id, phase: 'pinned' });
    for (const { file, fixture } of opts.store.fetch(c.id)) {
      const o = await evaluateCase(c, fixture.counterexample, ctx);
      record(fixture.counterexample, o);
      if (isViolated(o))
        return refute(fixture.counterexample, o, 'pinned', { path: fixture.path, shrinks: fixture.shrinks, fixture: file });
    }
  }
  for (const ex of c.examples ?? []) {
    const o = await evaluateCase(c, ex, ctx);
    record(ex, o);
    if (isViolated(o)) return refute(ex, o, 'example', { shrinks: 0 });
  }

  // 2. Random phase: fast-check generates and, on failure, shrinks.
  const requested = c.runs?.[opts.profile.name] ?? opts.profile.runs[c.kind];
  const targeting = c.kind === 'exact' && c.target !== undefined;
  const randomRuns = targeting ? Math.max(1, Math.round(requested * (1 - opts.profile.targetShare))) : requested;
  progress({ type: 'phase', id: c.id, phase: 'random' });
  let failing = false;
  const property = fc.asyncProperty(c.hypotheses, async (h) => {
    // Coverage counts generated cases only (not shrink candidates, pinned cases or climbing).
    if (!failing) coverage?.observe(h);
    const o = await evaluateCase(c, h, ctx);
    if (!failing) record(h, o);
    if (o.kind === 'judged' && o.judgement.outcome === 'skipped') fc.pre(false);
    if (isViolated(o)) {
      if (!failing) progress({ type: 'phase', id: c.id, phase: 'shrinking' });
      failing = true;
      return false;
    }
    return true;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: randomRuns,
    interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
    markInterruptAsFailure: false,
    // Skips are judged by our own share rule below, not by fast-check's per-run cap.
    maxSkipsPerRun: 1000,
  });
  if (details.failed && details.counterexample) {
    const h = details.counterexample[0];
    const o = await evaluateCase(c, h, ctx);
    if (isViolated(o)) return refute(h, o, 'random', { path: details.counterexamplePath ?? undefined, shrinks: details.numShrinks });
    // A failure that does not re-evaluate as violated is a non-deterministic check: never hide it.
    threw ??= {
      detail: `check is not deterministic: the shrunk case did not fail again (${details.errorInstance ?? ''})`,
      value: h,
      interrupted: false,
    };
  }

  // 3. Targeted phase: climb the slack of the best cases seen.
  if (targeting && c.target && top.entries.length > 0 && Date.now() < deadline) {
    progress({ type: 'phase', id: c.id, phase: 'targeted' });
    let last: CaseOutcome | undefined;
    const score = async (h: unknown) => {
      const o = await evaluateCase(c, h, ctx);
      record(h, o);
      last = o;
      if (isViolated(o)) return 'violated' as const;
      return o.kind === 'judged' && o.judgement.outcome === 'holds' ? o.judgement.slack : undefined;
    };
    const climbed = await climb(top.entries, c.target, score, { evaluations: requested - randomRuns, seed, deadline });
    if (climbed.violated !== undefined && last) {
      const simplified = await simplifyNumbers(climbed.violated, async (h) => isViolated(await evaluateCase(c, h, ctx)), {
        maxEvaluations: 400,
        deadline: Math.min(deadline + 10_000, Date.now() + 10_000),
        fields: c.target.fields,
      });
      const o = await evaluateCase(c, simplified.value, ctx);
      return refute(simplified.value, o, 'targeted', { shrinks: simplified.steps });
    }
  }

  // 4. No violation: decide between holds and inconclusive.
  const covered = coverage?.results();
  const base = { cases: stats.cases, skipped: stats.skipped, maxSlack: stats.maxSlack, seed, slacks, coverage: covered };
  const inconclusive = (reason: InconclusiveReason, detail: string, value?: unknown): ClaimRun =>
    finish({ status: 'inconclusive', ...base, reason, detail, value });
  if (threw) return inconclusive(threw.interrupted ? 'interrupted' : 'check-threw', threw.detail, threw.value);
  if (nonFinite) return inconclusive('non-finite', nonFinite.detail, nonFinite.value);
  const seen = stats.cases + stats.skipped;
  if (stats.cases === 0 && stats.skipped > 0) {
    return inconclusive(
      'cannot-generate',
      `all ${stats.skipped} generated cases were skipped (first reason: "${firstSkip}"); the hypotheses cannot produce a case the check accepts`,
    );
  }
  const maxSkip = c.maxSkipShare ?? 0.5;
  if (seen > 0 && stats.skipped / seen > maxSkip) {
    return inconclusive(
      'too-many-skips',
      `${stats.skipped} of ${seen} generated cases did not meet the hypotheses (limit ${Math.round(maxSkip * 100)}%); bias the generator toward valid cases`,
    );
  }
  // Interrupted before enough cases were judged: say which budget ran out, not "no cases".
  const minCases = Math.min(requested, 20);
  if ((details.interrupted || Date.now() >= deadline) && stats.cases < minCases) {
    const which =
      deadline < started + opts.profile.claimBudgetMs
        ? "the whole run's time budget (--budget)"
        : `the claim's time budget of ${opts.profile.claimBudgetMs / 1000} s (profile ${opts.profile.name})`;
    return inconclusive('interrupted', `${which} ran out after ${stats.cases} judged cases (wanted ${requested})`);
  }
  if (stats.cases === 0) return inconclusive('no-cases', 'no case was judged');
  const uncovered = covered?.filter((r) => !r.ok) ?? [];
  if (uncovered.length > 0) {
    const list = uncovered
      .map((r) => `"${r.label}" ${r.hits}/${r.total} (${(100 * r.share).toFixed(1)}%, need ${(100 * r.minShare).toFixed(1)}%)`)
      .join('; ');
    return inconclusive('coverage', `required regions not reached often enough: ${list}; bias the generator toward them`);
  }
  if (c.kind === 'exact') return finish({ status: 'verified', ...base });
  return finish({ status: 'consistent', ...base, evidence: worst!.evidence });
}
