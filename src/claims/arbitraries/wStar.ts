import * as fc from 'fast-check';
import { e1, isZeroVector, vectorArb, zeros } from './arrays.js';
import { realArb } from './scalars.js';

/**
 * The comparator w* of Thms 1-2. Both inequalities hold for every w* (Thm 2: every w* != 0), so
 * a random w* is as valid as the best linear predictor and cannot create a false alarm.
 * `null` means "use the float64 best linear predictor at check time"; it comes first, so
 * shrinking tries it first. For Thm 2 the check must handle a best linear predictor of 0 (e.g.
 * squared loss with y = 0), where the bound is undefined.
 */
export const WSTAR_KINDS = ['best-linear', 'zero', 'random'] as const;
export type WStarKind = (typeof WSTAR_KINDS)[number];

export const DEFAULT_WSTAR_WEIGHTS: Record<WStarKind, number> = { 'best-linear': 2, zero: 1, random: 2 };

export function wStarArb(
  d: number,
  opts: { nonzero?: boolean; weights?: Partial<Record<WStarKind, number>> } = {},
): fc.Arbitrary<number[] | null> {
  const w = { ...DEFAULT_WSTAR_WEIGHTS, ...opts.weights };
  if (opts.nonzero) w.zero = 0; // Thm 2 divides by ||w*||
  const random = vectorArb(d, realArb()).map((v) => (opts.nonzero && isZeroVector(v) ? e1(d) : v));
  const arms = [
    { arbitrary: fc.constant<number[] | null>(null), weight: w['best-linear'] },
    { arbitrary: fc.constant<number[] | null>(zeros(d)), weight: w.zero },
    { arbitrary: random as fc.Arbitrary<number[] | null>, weight: w.random },
  ].filter((a) => a.weight > 0);
  if (arms.length === 0) throw new RangeError('wStar weights: at least one of best-linear, zero, random needs a positive weight');
  for (const a of arms) {
    if (!Number.isSafeInteger(a.weight)) throw new RangeError(`wStar weights must be integers, got ${a.weight}`);
  }
  return fc.oneof({ withCrossShrink: true }, ...arms);
}
