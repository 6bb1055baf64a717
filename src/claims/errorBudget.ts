import type { Checkable } from './Claim.js';

/**
 * The suite's false-alarm budget (issue "No false alarms"): at most 1% of runs of a whole profile
 * may report any true claim as failed. It is split evenly (Bonferroni) across the statistical and
 * scaling claims of the run; exact claims cannot fail by chance (a counterexample is a
 * counterexample) and take no share. A claim meets its share through its calibrated stage failure
 * rate: a failure needs the first stage and an independent confirmation stage to fail, so its
 * false-alarm rate is stageRate^2.
 */
export const SUITE_FALSE_ALARM_BUDGET = 0.01;

export interface ClaimShare {
  readonly id: string;
  /** The claim's share of the budget. */
  readonly share: number;
  /** Declared (calibrated) probability that one stage fails although the claim is true. */
  readonly stageRate?: number;
  /** stageRate^2: a false alarm needs both stages to fail. */
  readonly falseAlarmRate?: number;
  readonly how?: string;
  /** True when the claim declares a stage rate whose square fits its share. */
  readonly meetsShare: boolean;
}

export interface BudgetReport {
  readonly budget: number;
  /** Statistical and scaling claims sharing it. */
  readonly claims: number;
  readonly shares: readonly ClaimShare[];
  /** Sum of the declared false-alarm rates (an upper bound, by the union bound, on the run's rate). */
  readonly declaredTotal: number;
  /** Claims that declare no stage rate, or one too high for their share. */
  readonly unmet: readonly string[];
}

export function budgetReport(checkables: readonly Checkable[], budget = SUITE_FALSE_ALARM_BUDGET): BudgetReport {
  const claims = checkables.filter((c) => c.type === 'claim' && c.kind !== 'exact');
  const share = claims.length ? budget / claims.length : budget;
  const shares = claims.map((c): ClaimShare => {
    const fa = c.design?.falseAlarm;
    if (!fa) return { id: c.id, share, meetsShare: false };
    const rate = fa.stageRate ** 2;
    return { id: c.id, share, stageRate: fa.stageRate, falseAlarmRate: rate, how: fa.how, meetsShare: rate <= share };
  });
  return {
    budget,
    claims: claims.length,
    shares,
    declaredTotal: shares.reduce((s, x) => s + (x.falseAlarmRate ?? 0), 0),
    unmet: shares.filter((x) => !x.meetsShare).map((x) => x.id),
  };
}
