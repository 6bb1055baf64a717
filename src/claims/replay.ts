import type { Checkable, CheckContext } from './Claim.js';

import { evaluateCase, type CaseOutcome } from './evaluateCase.js';
import type { Fixture } from './Fixture.js';

export type ReplayResult =
  | { readonly status: 'reproduced'; readonly outcome: CaseOutcome; readonly identical: true }
  | { readonly status: 'reproduced-with-drift'; readonly outcome: CaseOutcome; readonly identical: false }
  | { readonly status: 'not-reproduced'; readonly outcome: CaseOutcome };

/**
 * Re-evaluates a saved counterexample. Checks are pure functions of the case, so on the same
 * backend the evidence must match the saved evidence number for number.
 */
export async function replayFixture(c: Checkable, f: Fixture, ctx: CheckContext): Promise<ReplayResult> {
  const outcome = await evaluateCase({ checkable: c, ctx }, f.counterexample);
  if (outcome.kind !== 'judged' || outcome.judgement.outcome !== 'violated') return { status: 'not-reproduced', outcome };
  const identical = JSON.stringify(outcome.evidence) === JSON.stringify(f.evidence);
  return identical ? { status: 'reproduced', outcome, identical } : { status: 'reproduced-with-drift', outcome, identical };
}
