import * as fc from 'fast-check';
import { vectorArb } from './arrays.js';
import { realArb } from './scalars.js';

/**
 * Labels y. Simplest first: zero labels (q = 0 for squared loss; the non-convex mutant's y = 0),
 * a constant, +-1 signs, regression targets y = u^T x + 0.1 e, noise, and large labels
 * (|y| in [3, 20]) that sit far from the predictions of unit-scale models.
 *
 * Labels are built from per-point material (drawn with the point, so removing a point while
 * shrinking removes its label) and shared material (the teacher u, the constant c).
 */
export const LABEL_KINDS = ['zero', 'constant', 'sign', 'linear', 'noise', 'large'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Per-point material: the label itself, or the noise e_i of a regression target. */
export function labelRowArb(kind: LabelKind): fc.Arbitrary<number> {
  switch (kind) {
    case 'zero':
    case 'constant':
      return fc.constant(0);
    case 'sign':
      return fc.constantFrom(1, -1);
    case 'linear':
      return realArb();
    case 'noise':
      return realArb({ grid: [1, 0, -1] });
    case 'large':
      return fc.tuple(fc.constantFrom(1, -1), fc.integer({ min: 3, max: 20 })).map(([s, m]) => s * m);
  }
}

export interface LabelShared {
  /** Teacher of 'linear' labels (empty otherwise). */
  readonly u: number[];
  /** Value of 'constant' labels (0 otherwise). */
  readonly c: number;
}

export function labelSharedArb(kind: LabelKind, d: number): fc.Arbitrary<LabelShared> {
  return fc.record({
    u: kind === 'linear' ? vectorArb(d, realArb({ grid: [1, 0, -1, 2] })) : fc.constant<number[]>([]),
    c: kind === 'constant' ? realArb({ grid: [1, -1, 2, 0] }) : fc.constant(0),
  });
}

export function buildLabel(kind: LabelKind, x: readonly number[], row: number, shared: LabelShared): number {
  switch (kind) {
    case 'zero':
      return 0;
    case 'constant':
      return shared.c;
    case 'linear':
      return x.reduce((s, xj, j) => s + shared.u[j] * xj, 0) + 0.1 * row;
    default:
      return row;
  }
}
