import * as fc from 'fast-check';
import { evaluateCase, isViolated, type CaseEvaluator } from '../evaluateCase.js';
import type { Stage } from '../Verdict.js';
import { derivedSeed } from './replayPhase.js';
import type { RunState } from './RunState.js';

export interface Confirmed {
  readonly stage: Stage;
  readonly value: unknown;
  readonly outcome: Awaited<ReturnType<typeof evaluateCase>>;
}

/**
 * The pre-declared second stage of a statistical or scaling verdict (issue "No false alarms"):
 * the same configuration on fresh, independent seeds (design.reseed), or, when the claim cannot
 * reseed, a fresh draw from its hypotheses. Its seed is derived from the claim seed, so a run
 * stays reproducible, and never equals a first-stage seed.
 */
export async function confirmStage(
  ev: CaseEvaluator,
  state: RunState,
  firstValue: unknown,
  o: { claimSeed: number; arbitrary: fc.Arbitrary<unknown> },
): Promise<Confirmed> {
  const c = ev.checkable;
  const seed = derivedSeed(o.claimSeed, 'confirmation');
  const value = c.design?.reseed ? c.design.reseed(firstValue as never, seed) : fc.sample(o.arbitrary, { seed, numRuns: 1 })[0];
  const outcome = await evaluateCase(ev, value);
  state.record(value, outcome, 'confirmation');
  let stage: Stage;
  if (outcome.kind === 'judged' && (outcome.judgement.outcome === 'holds' || isViolated(outcome))) {
    stage = {
      outcome: isViolated(outcome) ? 'violated' : 'holds',
      source: 'confirmation',
      value,
      evidence: outcome.evidence,
      ...(isViolated(outcome) ? { violated: outcome.judgement.violated } : {}),
    };
  } else {
    const detail =
      outcome.kind === 'threw'
        ? `the check threw: ${outcome.error}`
        : outcome.kind === 'judged'
          ? (outcome.judgement as { reason: string }).reason
          : outcome.detail;
    stage = { outcome: 'inconclusive', source: 'confirmation', value, detail };
  }
  return { stage, value, outcome };
}
