/**
 * What a check returns: numbers, never a verdict. The claim's tolerance turns evidence into a
 * verdict, so a check cannot quietly pass itself.
 *
 * A condition `lhs op rhs` is one asserted relation (e.g. `F - F_lin(w*) <= RHS`). Several
 * conditions on one case must all hold (Thm 2 asserts (a) and (b)).
 */
export type Relation = '<=' | '>=' | '==';

export interface Condition {
  readonly name: string;
  readonly lhs: number;
  readonly op: Relation;
  readonly rhs: number;
}

/**
 * The test behind a statistical or scaling verdict, reported with it: a small-scale run is
 * evidence at this scale only, so the reader needs the test, its p-value or interval, and the
 * size of the effect, not just a word.
 */
export interface StatisticalTest {
  /** e.g. "one-sided sign test on per-seed MSE_kernel - MSE_net", "fitted log-log slope". */
  readonly name: string;
  readonly pValue?: number;
  /** Interval of the statistic (e.g. a slope's 95% interval, a Wilson interval). */
  readonly interval?: readonly [number, number];
  readonly confidence?: number;
  /** Effect size with its meaning, e.g. { name: 'median MSE_kernel - MSE_net', value: 0.71 }. */
  readonly effect?: { readonly name: string; readonly value: number };
  /** The scale it was run at: "d = 16, N = 4000, R = 10 seeds". */
  readonly scale?: string;
  /**
   * Independent units the test counts: seeds, or configurations when several measurements share
   * one configuration (clustered data counts configurations, not points). Printed as R.
   */
  readonly units?: number;
  /** Scaling fits: the number of grid points (fewer than 5 cannot support a `test` verdict). */
  readonly gridPoints?: number;
}

export interface Evidence {
  readonly conditions: readonly Condition[];
  /** Other measured numbers, reported beside the verdict (F, F_lin, ||grad||, p-values...). */
  readonly quantities?: Readonly<Record<string, number>>;
  /**
   * Set when the drawn case does not meet the theorem's hypotheses (e.g. w = 0 for Thm 1) and
   * must be discarded rather than judged. Too many skips make the run Inconclusive.
   */
  readonly skip?: string;
  /** Statistical and scaling claims: the test the verdict rests on. */
  readonly test?: StatisticalTest;
}

export function le(name: string, lhs: number, rhs: number): Condition {
  return { name, lhs, op: '<=', rhs };
}

export function ge(name: string, lhs: number, rhs: number): Condition {
  return { name, lhs, op: '>=', rhs };
}

export function eq(name: string, lhs: number, rhs: number): Condition {
  return { name, lhs, op: '==', rhs };
}

export function skipCase(reason: string): Evidence {
  return { conditions: [], skip: reason };
}
