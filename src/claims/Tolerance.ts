import type { Condition, Evidence } from './Evidence.js';

/**
 * Tolerances are data with a stated reason (never edited inline to make a run pass).
 * A relation holds when it holds up to `rel * max(|lhs|, |rhs|) + abs`.
 */
export interface ToleranceSpec {
  readonly rel: number;
  readonly abs: number;
  readonly reason: string;
}

export interface Tolerance extends ToleranceSpec {
  /** Overrides for named conditions, each with its own reason. */
  readonly perCondition?: Readonly<Record<string, ToleranceSpec>>;
}

/** float64 evaluation of a sum of O(n) terms: rounding is ~1e-12 relative; 1e-9 leaves margin. */
export const FLOAT64_TOLERANCE: Tolerance = {
  rel: 1e-9,
  abs: 1e-12,
  reason: 'both sides evaluated in float64; allows accumulated rounding of sums over the sample',
};

/** Thresholds fixed before the run (seed counts, p-values, growth ratios): compared exactly. */
export function exactThreshold(reason: string): Tolerance {
  return { rel: 0, abs: 0, reason };
}

export function toleranceFor(t: Tolerance, condition: string): ToleranceSpec {
  return t.perCondition?.[condition] ?? t;
}

/**
 * Signed violation of one condition after tolerance: > 0 means violated, <= 0 holds, and its size
 * is how far from the boundary the case sits (the score targeted search climbs).
 */
export function conditionSlack(c: Condition, t: ToleranceSpec): number {
  const allowance = t.rel * Math.max(Math.abs(c.lhs), Math.abs(c.rhs)) + t.abs;
  switch (c.op) {
    case '<=':
      return c.lhs - c.rhs - allowance;
    case '>=':
      return c.rhs - c.lhs - allowance;
    case '==':
      return Math.abs(c.lhs - c.rhs) - allowance;
  }
}

export type CaseJudgement =
  | { readonly outcome: 'holds'; readonly slack: number }
  | { readonly outcome: 'violated'; readonly slack: number; readonly violated: readonly string[] }
  | { readonly outcome: 'skipped'; readonly reason: string }
  | { readonly outcome: 'non-finite'; readonly reason: string };

/** Judge one case. Non-finite numbers are never judged as holding (or as violated). */
export function judgeCase(e: Evidence, t: Tolerance): CaseJudgement {
  if (e.skip !== undefined) return { outcome: 'skipped', reason: e.skip };
  if (e.conditions.length === 0) {
    return { outcome: 'non-finite', reason: 'check returned no conditions to judge' };
  }
  const bad = e.conditions.filter((c) => !Number.isFinite(c.lhs) || !Number.isFinite(c.rhs));
  if (bad.length > 0) {
    const what = bad.map((c) => `${c.name}: lhs=${c.lhs}, rhs=${c.rhs}`).join('; ');
    return { outcome: 'non-finite', reason: `non-finite numbers in evidence (${what})` };
  }
  let slack = -Infinity;
  const violated: string[] = [];
  for (const c of e.conditions) {
    const s = conditionSlack(c, toleranceFor(t, c.name));
    slack = Math.max(slack, s);
    if (s > 0) violated.push(c.name);
  }
  return violated.length > 0 ? { outcome: 'violated', slack, violated } : { outcome: 'holds', slack };
}
