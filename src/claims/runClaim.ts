import { fold, keyFromSeed, keyToSeed } from '../core/random.js';
import { compileBound, type CompiledBound } from './boundEval.js';
import { certifyCounterexample } from './certify.js';
import type { Checkable, CheckContext } from './Claim.js';
import { evaluateCase, isViolated, type CaseEvaluator } from './evaluateCase.js';
import { isExecutable } from './ExecutableBound.js';
import { FIXTURE_SCHEMA } from './Fixture.js';
import { keepsMargin } from './margin.js';
import type { Profile } from './profiles.js';
import { confirmStage } from './run/confirmStage.js';
import type { Found } from './run/Found.js';
import { replayPhase } from './run/replayPhase.js';
import { RunState } from './run/RunState.js';
import { searchPhase } from './run/searchPhase.js';
import { targetPhase } from './run/targetPhase.js';
import { simplifyNumbers } from './simplify.js';
import type { FixtureStore } from './store.js';
import { decideStrength, withoutPValues } from './strength.js';
import {
  isReplaySource,
  type CaseSource,
  type Confirmation,
  type Counterexample,
  type InconclusiveReason,
  type Stage,
  type Verdict,
} from './Verdict.js';
import type { Evidence } from './Evidence.js';

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
  | {
      readonly type: 'phase';
      readonly id: string;
      readonly phase: 'pinned' | 'random' | 'targeted' | 'shrinking' | 'simplifying' | 'confirming';
    }
  | { readonly type: 'case'; readonly id: string; readonly cases: number };

export interface ClaimRun {
  readonly id: string;
  readonly role: 'claim' | 'mutant';
  readonly kind: Checkable['kind'];
  /** Set only for a hypothesis the paper does not prove (absent means a theorem). */
  readonly subject?: 'hypothesis';
  /** Mutants: why the mutant exists (assumption, power, bound, sanity). */
  readonly purpose?: 'assumption' | 'power' | 'bound' | 'sanity';
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

/**
 * Runs one claim or mutant, phase by phase: replays (pinned fixtures, declared examples), the
 * random search with margin-keeping shrinking, targeted climbing (exact claims), then either a
 * counterexample (simplified, certified, saved) or the judgement of everything that held. A
 * statistical or scaling claim's first-stage failure, and a mutant's first-stage survival, go to a
 * confirmation stage on independent seeds before they are reported.
 */
export async function runClaim(c: Checkable, opts: RunOptions): Promise<ClaimRun> {
  const started = Date.now();
  const deadline = Math.min(opts.deadline ?? Infinity, started + opts.profile.claimBudgetMs);
  const ctx: CheckContext = { backend: opts.backend, deadline };
  const seed = claimSeed(opts.seed, c.id);
  const progress = opts.onProgress ?? (() => {});
  const statistical = c.kind !== 'exact';
  const arbitrary = c.design?.hypothesesAt?.[opts.profile.name] ?? c.hypotheses;
  const state = new RunState(c);
  const finish = (verdict: Verdict): ClaimRun => ({
    id: c.id,
    role: c.type,
    kind: c.kind,
    ...(c.subject === 'hypothesis' ? { subject: 'hypothesis' as const } : {}),
    ...(c.type === 'mutant' ? { purpose: c.purpose } : {}),
    verdict,
    backend: opts.backend,
    profile: opts.profile.name,
    runSeed: opts.seed,
    durationMs: Date.now() - started,
  });
  const base = () => ({
    cases: state.cases,
    skipped: state.skipped,
    maxSlack: state.maxSlack,
    seed,
    slacks: state.slacks,
    coverage: state.coverage?.results(),
  });
  const inconclusive = (reason: InconclusiveReason, detail: string, value?: unknown): ClaimRun =>
    finish({ status: 'inconclusive', ...base(), reason, detail, value });

  let bound: CompiledBound | undefined;
  if (isExecutable(c.bound)) {
    try {
      bound = await compileBound(c.bound);
    } catch (e) {
      return inconclusive('definition-error', (e as Error).message);
    }
  }
  const ev: CaseEvaluator = { checkable: c, ctx, bound };
  const halted = () => (state.halt ? inconclusive(state.halt.reason, state.halt.detail, state.halt.value) : undefined);

  // 1. Replays: pinned counterexamples, then declared examples (never shrunk).
  progress({ type: 'phase', id: c.id, phase: 'pinned' });
  let found = await replayPhase(ev, state, {
    store: opts.store,
    usePinned: opts.usePinned !== false,
    freshExamples: opts.profile.freshSeeds,
    claimSeed: seed,
  });
  if (state.halt) return halted()!;

  // 2. Random search, shrinking with a margin.
  const requested = c.runs?.[opts.profile.name] ?? opts.profile.runs[c.kind];
  const targeting = c.kind === 'exact' && c.target !== undefined;
  const randomRuns = targeting ? Math.max(1, Math.round(requested * (1 - opts.profile.targetShare))) : requested;
  let interrupted = false;
  if (!found && randomRuns > 0) {
    progress({ type: 'phase', id: c.id, phase: 'random' });
    const r = await searchPhase(ev, state, {
      arbitrary,
      runs: randomRuns,
      seed,
      deadline,
      shrinkEvaluations: opts.profile.shrinkEvaluations,
      onShrinking: () => progress({ type: 'phase', id: c.id, phase: 'shrinking' }),
    });
    if (state.halt) return halted()!;
    if (r.kind === 'found') found = r.found;
    else if (r.kind === 'none') interrupted = r.interrupted;
    else state.threw ??= { detail: r.detail, value: r.value, interrupted: false };
  }

  // 3. Targeted search: climb the score of the best cases seen.
  if (!found && targeting && c.target && state.top.entries.length > 0 && Date.now() < deadline) {
    progress({ type: 'phase', id: c.id, phase: 'targeted' });
    found = await targetPhase(ev, state, c.target, { evaluations: requested - randomRuns, seed, deadline });
    if (state.halt) return halted()!;
  }

  // 4a. A violation: a claim's statistical failure is confirmed first; anything else is reported.
  if (found) {
    if (statistical && c.type === 'claim') {
      progress({ type: 'phase', id: c.id, phase: 'confirming' });
      const second = await confirmStage(ev, state, found.value, { claimSeed: seed, arbitrary });
      const confirmation: Confirmation = {
        first: stageOf(found),
        second: second.stage,
        confirmed: second.stage.outcome === 'violated',
      };
      if (!confirmation.confirmed) {
        const decisive = second.stage.evidence
          ? { value: second.value, evidence: second.stage.evidence, source: 'confirmation' as const }
          : undefined;
        return judgeHeld(confirmation, decisive);
      }
      return finish(await counterexampleVerdict(found, confirmation));
    }
    return finish(await counterexampleVerdict(found));
  }

  // 4b. Nothing violated: decide between holds and inconclusive.
  return judgeHeld(undefined);

  /**
   * The verdict when no violation stands. After an unconfirmed first-stage failure, `decisive` is
   * the confirmation's case, which the verdict then reports; otherwise the worst case that held.
   */
  async function judgeHeld(
    confirmation: Confirmation | undefined,
    decisive?: { value: unknown; evidence: Evidence; source: CaseSource },
  ): Promise<ClaimRun> {
    if (state.threw) return inconclusive(state.threw.interrupted ? 'interrupted' : 'check-threw', state.threw.detail, state.threw.value);
    if (state.nonFinite) return inconclusive('non-finite', state.nonFinite.detail, state.nonFinite.value);
    const seen = state.cases + state.skipped;
    if (state.cases === 0 && state.skipped > 0) {
      return inconclusive(
        'cannot-generate',
        `all ${state.skipped} generated cases were skipped (first reason: "${state.firstSkip}"); the hypotheses cannot produce a case the check accepts`,
      );
    }
    const maxSkip = c.maxSkipShare ?? 0.5;
    if (seen > 0 && state.skipped / seen > maxSkip) {
      return inconclusive(
        'too-many-skips',
        `${state.skipped} of ${seen} generated cases did not meet the hypotheses (limit ${Math.round(maxSkip * 100)}%); bias the generator toward valid cases`,
      );
    }
    // Interrupted before enough cases were judged: say which budget ran out, not "no cases".
    const minCases = Math.min(requested, 20);
    if ((interrupted || Date.now() >= deadline) && state.cases < minCases) {
      const which =
        deadline < started + opts.profile.claimBudgetMs
          ? "the whole run's time budget (--budget)"
          : `the claim's time budget of ${opts.profile.claimBudgetMs / 1000} s (profile ${opts.profile.name})`;
      return inconclusive('interrupted', `${which} ran out after ${state.cases} judged cases (wanted ${requested})`);
    }
    const worst = decisive ?? state.worst;
    if (state.cases === 0 || !worst) return inconclusive('no-cases', 'no case was judged');
    const uncovered = state.coverage?.results().filter((r) => !r.ok) ?? [];
    if (uncovered.length > 0) {
      const list = uncovered
        .map((r) => `"${r.label}" ${r.hits}/${r.total} (${(100 * r.share).toFixed(1)}%, need ${(100 * r.minShare).toFixed(1)}%)`)
        .join('; ');
      return inconclusive('coverage', `required regions not reached often enough: ${list}; bias the generator toward them`);
    }
    if (c.kind === 'exact') return finish({ status: 'verified', ...base() });

    // A mutant that held everywhere is confirmed on independent seeds before it reads SURVIVED.
    if (c.type === 'mutant' && !confirmation) {
      progress({ type: 'phase', id: c.id, phase: 'confirming' });
      const second = await confirmStage(ev, state, worst.value, { claimSeed: seed, arbitrary });
      if (state.halt) return halted()!;
      const first: Stage = { outcome: 'holds', source: worst.source, value: worst.value, evidence: worst.evidence };
      if (second.stage.outcome === 'violated' && isViolated(second.outcome)) {
        const killed: Found = { value: second.value, outcome: second.outcome, source: 'confirmation' };
        return finish(await counterexampleVerdict(killed, { first, second: second.stage, confirmed: false }));
      }
      confirmation = { first, second: second.stage, confirmed: second.stage.outcome === 'holds' };
    }
    const decided = decideStrength(c, worst.source, worst.evidence, true);
    if (decided.kind === 'too-wide') return inconclusive('interval-too-wide', decided.detail, worst.value);
    const evidence = decided.strength === 'replay' ? withoutPValues(worst.evidence) : worst.evidence;
    return finish({
      status: 'consistent',
      ...base(),
      strength: decided.strength,
      evidence,
      source: worst.source,
      ...(confirmation ? { confirmation } : {}),
    });
  }

  /** Simplifies (exact claims), certifies and saves a violated case, and builds its verdict. */
  async function counterexampleVerdict(f: Found, confirmation?: Confirmation): Promise<Verdict> {
    let { value, outcome } = f;
    let simplified = 0;
    const fields = c.simplify ?? c.target?.fields;
    if (c.kind === 'exact' && fields && !isReplaySource(f.source) && f.shrink) {
      progress({ type: 'phase', id: c.id, phase: 'simplifying' });
      const margin = f.shrink.firstViolation;
      const s = await simplifyNumbers(
        value,
        async (h) => {
          const o = await evaluateCase(ev, h);
          return isViolated(o) && keepsMargin(o.evidence, c.tolerance, margin);
        },
        { maxEvaluations: opts.profile.simplifyEvaluations, deadline: Math.max(deadline, Date.now() + 10_000), fields },
      );
      if (s.steps > 0) {
        const o = await evaluateCase(ev, s.value);
        if (isViolated(o)) {
          value = s.value;
          outcome = o;
          simplified = s.steps;
        }
      }
    }
    const j = outcome.judgement;
    const certificate = await certifyCounterexample(c, value, outcome.evidence, j.violated, bound);
    const record: Omit<Counterexample, 'value' | 'fixture'> = {
      evidence: outcome.evidence,
      violated: j.violated,
      slack: j.slack,
      source: f.source,
      seed,
      path: f.path,
      shrinks: (f.shrink?.steps ?? f.shrinks ?? 0) + simplified,
      description: c.describe?.(value as never),
      ...(f.shrink ? { shrink: f.shrink } : {}),
      ...(simplified ? { simplified } : {}),
      certificate,
    };
    const status = c.kind === 'exact' ? 'refuted' : 'inconsistent';
    // A fixture is the counterexample's own record plus what identifies and replays it.
    const fixture =
      f.fixture ??
      opts.store?.save({
        schema: FIXTURE_SCHEMA,
        id: c.id,
        role: c.type,
        outcome: status,
        counterexample: value,
        backend: opts.backend,
        ...record,
      });
    const counterexample: Counterexample = { value, ...record, fixture };
    const stats = { ...base(), maxSlack: Math.max(state.maxSlack, j.slack) };
    if (status === 'refuted') return { status, ...stats, counterexample };
    // Mutants: a refutation by the declared rule; claims: a failure, confirmed before it is one.
    const strength =
      isReplaySource(f.source) && !confirmation ? 'replay' : c.type === 'mutant' || confirmation?.confirmed ? 'test' : 'screen';
    return { status, ...stats, counterexample, strength, ...(confirmation ? { confirmation } : {}) };
  }
}

function stageOf(f: Found): Stage {
  return { outcome: 'violated', source: f.source, value: f.value, evidence: f.outcome.evidence, violated: f.outcome.judgement.violated };
}
