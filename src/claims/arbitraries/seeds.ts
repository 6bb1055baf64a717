import * as fc from 'fast-check';

/**
 * A data or experiment seed on [0, 2^30]: fast-check's integer, which is uniform except that it
 * draws small values (and the bounds) now and then; a draw that hits a claim's calibration seed is
 * drawn again by the runner (run/searchPhase.ts). Making it unbiased (fc.noBias) would change every
 * seed drawn so far, hence every baseline and fixture. Never shrunk: a smaller seed is not a simpler
 * case, and shrinking would re-run a whole experiment for each of ~30 halvings only to end on a
 * seed no more readable than the first.
 */
export function seedArb(): fc.Arbitrary<number> {
  return fc.noShrink(fc.integer({ min: 0, max: 2 ** 30 }));
}
