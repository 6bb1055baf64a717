import type { Relation } from './Evidence.js';

/**
 * A claim's bound as executable data: the formula a reader sees on the claim page is the formula
 * the runner evaluates on every case, and the one from which bound mutants are derived.
 *
 * `expression` is a mathjs expression over the case's named quantities (the check's
 * `evidence.quantities`). `quantity` names the quantity in which the check reports the bound it
 * actually used: on every judged case the runner evaluates the expression and fails the run
 * (Inconclusive, bound-drift) when the two differ. `condition` restates the asserted inequality
 * over the quantities and `B` (the bound), and must match the coded condition of the same name.
 */
export interface ExecutableBound {
  readonly expression: string;
  readonly quantity: string;
  readonly condition: {
    readonly name: string;
    readonly lhs: string;
    readonly op: Relation;
    readonly rhs: string;
  };
  /** TeX for the quantity names when the page renders the bound (e.g. gradNorm: '\\|\\nabla F\\|'). */
  readonly symbols?: Readonly<Record<string, string>>;
}

/** A claim's `bound`: rendered only (a string), or executable. */
export type BoundSpec = string | ExecutableBound;

export function boundExpression(b: BoundSpec | undefined): string | undefined {
  return b === undefined ? undefined : typeof b === 'string' ? b : b.expression;
}

export function isExecutable(b: BoundSpec | undefined): b is ExecutableBound {
  return typeof b === 'object' && b !== null;
}
