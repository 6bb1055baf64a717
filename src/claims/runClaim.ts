import { fold, keyFromSeed, keyToSeed } from '../core/random.js';
import { compileBound, type CompiledBound } from './boundEval.js';
import type { Checkable } from './Claim.js';
import type { CaseEvaluator } from './evaluateCase.js';
import { isExecutable } from './ExecutableBound.js';
import type { Profile } from './profiles.js';
import { confirmStage } from './run/confirmStage.js';
import { counterexampleVerdict } from './run/counterexampleVerdict.js';
import type { Found } from './run/Found.js';
import { judgeHeld } from './run/judgeHeld.js';
import { replayPhase } from './run/replayPhase.js';
import { RunContext } from './run/RunContext.js';
import { searchPhase } from './run/searchPhase.js';
import { targetPhase } from './run/targetPhase.js';
import type { FixtureStore } from './store.js';
import type { Confirmation, Stage, Verdict } from './Verdict.js';

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
  const rc = new RunContext(c, opts, claimSeed(opts.seed, c.id));
  const { state, seed, deadline } = rc;
  let bound: CompiledBound | undefined;
  if (isExecutable(c.bound)) {
    try {
      bound = await compileBound(c.bound);
    } catch (e) {
      return rc.inconclusive('definition-error', (e as Error).message);
    }
  }
  const ev: CaseEvaluator = (rc.ev = { checkable: c, ctx: rc.ctx, bound });

  // 1. Replays: pinned counterexamples, then declared examples (never shrunk).
  rc.progress('pinned');
  let found = await replayPhase(ev, state, {
    store: opts.store,
    usePinned: opts.usePinned !== false,
    freshExamples: opts.profile.freshSeeds,
    claimSeed: seed,
  });
  if (state.halt) return rc.halted()!;

  // 2. Random search, shrinking with a margin.
  const targeting = c.kind === 'exact' && c.target !== undefined;
  const randomRuns = targeting ? Math.max(1, Math.round(rc.requested * (1 - opts.profile.targetShare))) : rc.requested;
  if (!found && randomRuns > 0) {
    rc.progress('random');
    const r = await searchPhase(ev, state, {
      arbitrary: rc.arbitrary,
      runs: randomRuns,
      seed,
      deadline,
      shrinkEvaluations: opts.profile.shrinkEvaluations,
      onShrinking: () => rc.progress('shrinking'),
    });
    if (state.halt) return rc.halted()!;
    if (r.kind === 'found') found = r.found;
    else if (r.kind === 'none') rc.interrupted = r.interrupted;
    else state.threw ??= { detail: r.detail, value: r.value, interrupted: false };
  }

  // 3. Targeted search: climb the score of the best cases seen.
  if (!found && targeting && c.target && state.top.entries.length > 0 && Date.now() < deadline) {
    rc.progress('targeted');
    found = await targetPhase(ev, state, c.target, { evaluations: rc.requested - randomRuns, seed, deadline });
    if (state.halt) return rc.halted()!;
  }

  // 4a. A violation: a claim's statistical failure is confirmed first; anything else is reported.
  if (found) {
    if (c.kind !== 'exact' && c.type === 'claim') {
      rc.progress('confirming');
      const second = await confirmStage(ev, state, found.value, { claimSeed: seed, arbitrary: rc.arbitrary });
      const confirmation: Confirmation = {
        first: stageOf(found),
        second: second.stage,
        confirmed: second.stage.outcome === 'violated',
      };
      if (!confirmation.confirmed) {
        const decisive = second.stage.evidence
          ? { value: second.value, evidence: second.stage.evidence, source: 'confirmation' as const }
          : undefined;
        return judgeHeld(rc, confirmation, decisive);
      }
      return rc.finish(await counterexampleVerdict(rc, found, confirmation));
    }
    return rc.finish(await counterexampleVerdict(rc, found));
  }

  // 4b. Nothing violated: decide between holds and inconclusive.
  return judgeHeld(rc, undefined);
}

function stageOf(f: Found): Stage {
  return { outcome: 'violated', source: f.source, value: f.value, evidence: f.outcome.evidence, violated: f.outcome.judgement.violated };
}
