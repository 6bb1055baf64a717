import * as fc from 'fast-check';

/**
 * A data or experiment seed, uniform on [0, 2^30]. Never shrunk: a smaller seed is not a simpler
 * case, and shrinking would re-run a whole experiment for each of ~30 halvings only to end on a
 * seed no more readable than the first.
 */
export function seedArb(): fc.Arbitrary<number> {
  return fc.noShrink(fc.integer({ min: 0, max: 2 ** 30 }));
}
