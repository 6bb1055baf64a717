import type { Targeting } from '../Claim.js';
import { evaluateCase, isViolated, type CaseEvaluator, type CaseOutcome } from '../evaluateCase.js';
import { largestViolation } from '../margin.js';
import { climb } from '../targetedSearch.js';
import type { Found } from './Found.js';
import type { RunState } from './RunState.js';

/**
 * Phase 3 (exact claims with a `target`): hill-climb the score of the best cases the random phase
 * saw (score.ts: scale-free, degenerate ties excluded) toward the boundary.
 */
export async function targetPhase(
  ev: CaseEvaluator,
  state: RunState,
  target: Targeting<unknown>,
  o: { evaluations: number; seed: number; deadline: number },
): Promise<Found | undefined> {
  let last: CaseOutcome | undefined;
  const score = async (h: unknown) => {
    const out = await evaluateCase(ev, h);
    state.record(h, out, 'targeted');
    last = out;
    if (state.halt) return undefined;
    if (isViolated(out)) return 'violated' as const;
    return out.kind === 'judged' && out.judgement.outcome === 'holds' ? out.score : undefined;
  };
  const climbed = await climb(state.top.entries, target, score, o);
  if (climbed.violated === undefined || !last || !isViolated(last)) return undefined;
  return {
    value: climbed.violated,
    outcome: last,
    source: 'targeted',
    shrink: { steps: 0, evaluations: 0, stopped: 'minimal', firstViolation: largestViolation(last.evidence, ev.checkable.tolerance) },
  };
}
