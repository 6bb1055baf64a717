import type { Checkable, CheckContext } from './Claim.js';
import type { Evidence } from './Evidence.js';
import { judgeCase, type CaseJudgement } from './Tolerance.js';

export type CaseOutcome =
  | { readonly kind: 'judged'; readonly evidence: Evidence; readonly judgement: CaseJudgement }
  | { readonly kind: 'threw'; readonly error: string; readonly interrupted: boolean };

/** Runs the check on one case and judges it; a throwing check is an outcome, not a crash. */
export async function evaluateCase(c: Checkable, h: unknown, ctx: CheckContext): Promise<CaseOutcome> {
  try {
    const evidence = await c.check(h, ctx);
    return { kind: 'judged', evidence, judgement: judgeCase(evidence, c.tolerance) };
  } catch (e) {
    // A check that throws after its deadline was cut short, not wrong.
    const interrupted = Date.now() > ctx.deadline;
    return { kind: 'threw', error: e instanceof Error ? e.message : String(e), interrupted };
  }
}

export function isViolated(o: CaseOutcome): o is Extract<CaseOutcome, { kind: 'judged' }> & {
  judgement: Extract<CaseJudgement, { outcome: 'violated' }>;
} {
  return o.kind === 'judged' && o.judgement.outcome === 'violated';
}
