/**
 * `claimcheck/arbitraries`: fast-check arbitraries for claims about networks and data (seeds,
 * scalars that shrink to simple values, arrays, sizes, datasets, labels, feature maps, residual
 * points and instances biased toward the corners where statements break). Built-in paper folders
 * use exactly this surface.
 *
 * @packageDocumentation
 */
export * from './claims/arbitraries/index.js';
