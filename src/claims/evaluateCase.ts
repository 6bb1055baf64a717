import type { CompiledBound } from './boundEval.js';
import type { Checkable, CheckContext } from './Claim.js';
import type { Evidence } from './Evidence.js';
import { scaleFreeScore } from './score.js';
import { judgeCase, type CaseJudgement } from './Tolerance.js';

export type CaseOutcome =
  | {
      readonly kind: 'judged';
      readonly evidence: Evidence;
      readonly judgement: CaseJudgement;
      /** What targeted search climbs (undefined: not worth climbing from, e.g. a degenerate tie). */
      readonly score: number | undefined;
    }
  | { readonly kind: 'threw'; readonly error: string; readonly interrupted: boolean }
  /** The coded check and the declared executable bound disagree: the claim page would lie. */
  | { readonly kind: 'drift'; readonly detail: string }
  /** The case breaks a rule of the claim's own declaration (e.g. it reuses a calibration seed). */
  | { readonly kind: 'definition'; readonly detail: string };

/** Everything a case evaluation needs besides the case: built once per claim run. */
export interface CaseEvaluator {
  readonly checkable: Checkable;
  readonly ctx: CheckContext;
  readonly bound?: CompiledBound;
}

/** The calibration seeds (design.calibration) a case would use as verdict seeds (design.seeds). */
export function calibrationSeedsIn(c: Checkable, h: unknown): number[] {
  const calibration = c.design?.calibration;
  if (!calibration || !c.design?.seeds) return [];
  return c.design.seeds(h as never).filter((s) => calibration.seeds.includes(s));
}

/** Runs the check on one case and judges it; a throwing check is an outcome, not a crash. */
export async function evaluateCase(ev: CaseEvaluator, h: unknown): Promise<CaseOutcome> {
  const c = ev.checkable;
  const reused = calibrationSeedsIn(c, h);
  if (reused.length) {
    return {
      kind: 'definition',
      detail: `the case uses calibration seed(s) ${reused.join(', ')}; calibration seeds are never verdict seeds`,
    };
  }
  let evidence: Evidence;
  try {
    evidence = await c.check(h, ev.ctx);
  } catch (e) {
    // A check that throws after its deadline was cut short, not wrong.
    const interrupted = Date.now() > ev.ctx.deadline;
    return { kind: 'threw', error: e instanceof Error ? e.message : String(e), interrupted };
  }
  if (ev.bound && evidence.skip === undefined) {
    const drift = ev.bound.drift(evidence);
    if (drift) return { kind: 'drift', detail: drift };
  }
  const judgement = judgeCase(evidence, c.tolerance);
  const score = judgement.outcome === 'holds' || judgement.outcome === 'violated' ? (c.score ?? scaleFreeScore)(evidence) : undefined;
  return { kind: 'judged', evidence, judgement, score };
}

/** A judged case whose conditions were violated beyond tolerance. */
export type ViolatedOutcome = Extract<CaseOutcome, { kind: 'judged' }> & {
  readonly judgement: Extract<CaseJudgement, { outcome: 'violated' }>;
};

export function isViolated(o: CaseOutcome): o is ViolatedOutcome {
  return o.kind === 'judged' && o.judgement.outcome === 'violated';
}
