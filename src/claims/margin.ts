import type { Condition, Evidence } from './Evidence.js';
import { toleranceFor, type Tolerance } from './Tolerance.js';

/**
 * Shrinking and simplification keep a margin (issue "Verdicts a theorist can trust", section 4):
 * a continuous violation walked down to the tolerance edge (lhs - rhs = 5e-11 on a 0.05 quantity)
 * is a counterexample nobody can use. A candidate still counts as failing only while some violated
 * condition exceeds max(100 x its tolerance allowance, 1% of the first violation found).
 */
export const MARGIN_TOLERANCE_FACTOR = 100;
export const MARGIN_FIRST_SHARE = 0.01;

/** How far a condition is on the wrong side, before any tolerance (<= 0 when it holds exactly). */
export function violationSize(c: Condition): number {
  switch (c.op) {
    case '<=':
      return c.lhs - c.rhs;
    case '>=':
      return c.rhs - c.lhs;
    case '==':
      return Math.abs(c.lhs - c.rhs);
  }
}

/** The allowance the tolerance gives this condition on this case. */
export function allowance(c: Condition, t: Tolerance): number {
  const spec = toleranceFor(t, c.name);
  return spec.rel * Math.max(Math.abs(c.lhs), Math.abs(c.rhs)) + spec.abs;
}

/** Largest violation of any condition beyond its allowance (the first violation's size). */
export function largestViolation(e: Evidence, t: Tolerance): number {
  let v = -Infinity;
  for (const c of e.conditions) if (violationSize(c) > allowance(c, t)) v = Math.max(v, violationSize(c));
  return v;
}

/** The margin rule: some condition violated by at least max(100 x allowance, 1% of `first`). */
export function keepsMargin(e: Evidence, t: Tolerance, first: number): boolean {
  return e.conditions.some((c) => {
    const size = violationSize(c);
    const a = allowance(c, t);
    return size > a && size >= Math.max(MARGIN_TOLERANCE_FACTOR * a, MARGIN_FIRST_SHARE * first);
  });
}
