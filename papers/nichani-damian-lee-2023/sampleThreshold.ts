/**
 * Sample-size thresholds for the scaling claims of Nichani, Damian & Lee (catalog): n_0.8(d) is
 * the smallest n on a doubling grid at which the median over seeds of corr(phi, h*) reaches 0.8.
 * A grid that never reaches the level is censored (undefined), never extrapolated. A correlation
 * that is undefined because phi is constant (NaN) counts as 0: a constant feature carries no
 * information about h*.
 */
import { median } from 'claimcheck/core';

/** Per-grid-point median over seeds; curves[r][k] is seed r's correlation at grid point k. */
export function medianCurve(curves: readonly (readonly number[])[]): number[] {
  if (curves.length === 0) throw new RangeError('medianCurve: need at least one seed');
  return curves[0].map((_, k) => median(curves.map((c) => (Number.isNaN(c[k]) ? 0 : c[k]))));
}

/** The first grid value whose median reaches `level`, or undefined (censored). */
export function firstReaching(grid: readonly number[], medians: readonly number[], level: number): number | undefined {
  if (grid.length !== medians.length)
    throw new RangeError(`firstReaching: grid (${grid.length}) and medians (${medians.length}) differ in length`);
  const k = medians.findIndex((m) => m >= level);
  return k < 0 ? undefined : grid[k];
}

/** 8, 16, ..., up to and including `max` (a power of two times `start`). */
export function doublingGrid(start: number, max: number): number[] {
  const out: number[] = [];
  for (let n = start; n <= max; n *= 2) out.push(n);
  return out;
}

/**
 * The sample size at which the median curve crosses `level`, interpolated linearly in log n
 * between the last grid point below the level and the first at or above it (the first grid
 * point if it already reaches it; undefined if censored). On a doubling grid the raw n_0.8 moves
 * in factors of 2, so a log-log fit over a few dimensions has (nearly) zero residual and an
 * interval that collapses (e.g. [1, 1]); the interpolated crossing keeps the within-step
 * information and lets the fit's interval show the real uncertainty.
 */
export function crossing(grid: readonly number[], medians: readonly number[], level: number): number | undefined {
  const k = medians.findIndex((m) => m >= level);
  if (k < 0) return undefined;
  if (k === 0) return grid[0];
  const lo = medians[k - 1],
    hi = medians[k];
  const t = (level - lo) / (hi - lo);
  return Math.exp(Math.log(grid[k - 1]) + t * (Math.log(grid[k]) - Math.log(grid[k - 1])));
}
