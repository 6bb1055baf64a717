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

export interface Evidence {
  readonly conditions: readonly Condition[];
  /** Other measured numbers, reported beside the verdict (F, F_lin, ||grad||, p-values...). */
  readonly quantities?: Readonly<Record<string, number>>;
  /**
   * Set when the drawn case does not meet the theorem's hypotheses (e.g. w = 0 for Thm 1) and
   * must be discarded rather than judged. Too many skips make the run Inconclusive.
   */
  readonly skip?: string;
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

/** Every number a verdict could depend on, so non-finite ones can be caught before judging. */
export function evidenceNumbers(e: Evidence): number[] {
  const out: number[] = [];
  for (const c of e.conditions) out.push(c.lhs, c.rhs);
  return out;
}
