import * as fc from 'fast-check';
import { calibrationSeedsIn, evaluateCase, isViolated, type CaseEvaluator } from '../evaluateCase.js';
import { keepsMargin, largestViolation } from '../margin.js';
import type { Found } from './Found.js';
import type { RunState } from './RunState.js';

export interface SearchOptions {
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly runs: number;
  readonly seed: number;
  readonly deadline: number;
  /** Evaluations shrinking may spend (deterministic, unlike a time limit); then it stops where it is. */
  readonly shrinkEvaluations: number;
  readonly onShrinking?: () => void;
}

/**
 * Draws of a calibration seed that are drawn again before the run stops as a definition error. A
 * seed generator hits small seeds (0, 1, 2, ...) now and then (fast-check biases integers toward
 * small values), and small seeds are what calibration logs use; such a draw is not a verdict case,
 * so it is drawn again. Only a generator that keeps drawing them (e.g. a constant calibration seed)
 * is a definition error.
 */
const CALIBRATION_REDRAWS = 100;

export type SearchResult =
  | { readonly kind: 'found'; readonly found: Found }
  | { readonly kind: 'none'; readonly interrupted: boolean }
  /** fast-check's shrunk case did not fail again: the check is not a pure function of the case. */
  | { readonly kind: 'not-deterministic'; readonly value: unknown; readonly detail: string };

/**
 * Phase 2: fast-check generates cases and, on a violation, shrinks it. Shrinking keeps a margin:
 * a candidate counts as failing only while its violation stays above max(100 x tolerance, 1% of
 * the first violation found) (margin.ts), so a continuous violation is not walked down to the
 * tolerance edge. Shrinking has an evaluation budget; past it every further candidate is
 * declined unevaluated and the report says shrinking stopped on the budget.
 */
export async function searchPhase(ev: CaseEvaluator, state: RunState, o: SearchOptions): Promise<SearchResult> {
  const c = ev.checkable;
  let first: number | undefined;
  let shrinkEvaluations = 0;
  let budgetHit = false;
  let redraws = 0;
  const property = fc.asyncProperty(o.arbitrary, async (h) => {
    if (state.halt) return true;
    const shrinking = first !== undefined;
    if (calibrationSeedsIn(c, h).length) {
      // A shrink candidate on a calibration seed is not a verdict case: declined, unevaluated.
      if (shrinking) return true;
      if (redraws < CALIBRATION_REDRAWS) {
        redraws++;
        fc.pre(false);
      }
    }
    if (shrinking) {
      if (shrinkEvaluations >= o.shrinkEvaluations || Date.now() > o.deadline) {
        budgetHit = true;
        return true;
      }
      shrinkEvaluations++;
    } else state.coverage?.observe(h);
    const out = await evaluateCase(ev, h);
    // Coverage and statistics count generated cases only, not shrink candidates.
    if (!shrinking) state.record(h, out, 'random');
    if (out.kind === 'judged' && out.judgement.outcome === 'skipped') fc.pre(false);
    if (!isViolated(out)) return true;
    if (!shrinking) {
      first = largestViolation(out.evidence, c.tolerance);
      o.onShrinking?.();
      return false;
    }
    return !keepsMargin(out.evidence, c.tolerance, first!);
  });
  const details = await fc.check(property, {
    seed: o.seed,
    numRuns: o.runs,
    interruptAfterTimeLimit: Math.max(1, o.deadline - Date.now()),
    markInterruptAsFailure: false,
    // Skips are judged by the claim's own share rule, not by fast-check's per-run cap.
    maxSkipsPerRun: 1000,
  });
  if (!(details.failed && details.counterexample)) return { kind: 'none', interrupted: details.interrupted };
  const value = details.counterexample[0];
  const out = await evaluateCase(ev, value);
  if (!isViolated(out)) {
    return {
      kind: 'not-deterministic',
      value,
      detail: `check is not deterministic: the shrunk case did not fail again (${String(details.errorInstance ?? '')})`,
    };
  }
  return {
    kind: 'found',
    found: {
      value,
      outcome: out,
      source: 'random',
      path: details.counterexamplePath ?? undefined,
      shrink: {
        steps: details.numShrinks,
        evaluations: shrinkEvaluations,
        stopped: budgetHit ? 'budget' : 'minimal',
        firstViolation: first!,
      },
    },
  };
}
