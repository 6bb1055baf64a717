/**
 * Statistics of the loss-tracks-correlation claim (Nichani, Damian & Lee, experiments): the unit
 * is a configuration (d, n, m2, sigma2), not a (configuration, seed) pair, because the seeds of
 * one configuration are repeated measurements of the same thing (clustered data count
 * configurations). Per configuration the medians over seeds of corr(phi, h*) and NMSE enter:
 *
 * - an exact one-sided permutation test of Spearman's rho(corr, NMSE) < 0 over the K
 *   configurations (all K! orderings; K <= 8 here, so at most 40320);
 * - a least-squares line NMSE = a + b (1 - corr^2), whose intercept a is the loss extrapolated to
 *   a perfect feature (corr = 1), with its one-sided t upper bound (K - 2 df). With a noisy
 *   feature phi = corr h* + sqrt(1 - corr^2) noise, the part of g*(h*) that phi cannot explain
 *   grows like 1 - corr^2, so "the loss goes to 0 as corr goes to 1" is a = 0 and b > 0.
 */
import { averageRanks, studentTQuantile } from 'claimcheck/core';

export interface PermutationSpearman {
  readonly rho: number;
  /** Exact one-sided p-value P(rho_perm <= rho) over all orderings of ys. */
  readonly pNegative: number;
  readonly n: number;
}

function rankCorrelation(rx: readonly number[], ry: readonly number[]): number {
  const n = rx.length,
    m = (n + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - m) * (ry[i] - m);
    sxx += (rx[i] - m) ** 2;
    syy += (ry[i] - m) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman's rho with its exact permutation p-value for rho < 0; n from 3 to 9. */
export function permutationSpearman(xs: readonly number[], ys: readonly number[]): PermutationSpearman {
  const n = xs.length;
  if (n !== ys.length || n < 3 || n > 9) throw new RangeError(`permutationSpearman: need 3 to 9 paired values, got ${n} and ${ys.length}`);
  const rx = averageRanks(xs),
    ry = averageRanks(ys);
  const rho = rankCorrelation(rx, ry);
  let below = 0,
    total = 0;
  const perm = [...ry];
  // Heap's algorithm: every ordering of ry once.
  const c = new Array<number>(n).fill(0);
  const visit = () => {
    total++;
    if (rankCorrelation(rx, perm) <= rho + 1e-12) below++;
  };
  visit();
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [perm[j], perm[i]] = [perm[i], perm[j]];
      visit();
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return { rho, pNegative: below / total, n };
}

export interface InterceptFit {
  readonly intercept: number;
  readonly slope: number;
  /** One-sided upper confidence bound of the intercept (t, n - 2 df). */
  readonly interceptUpper: number;
  /** One-sided lower confidence bound of the slope. */
  readonly slopeLower: number;
  readonly n: number;
}

/** Least-squares line y = a + b x with one-sided t bounds on a (upper) and b (lower). */
export function lineWithIntercept(xs: readonly number[], ys: readonly number[], confidence = 0.95): InterceptFit {
  const n = xs.length;
  if (n !== ys.length || n < 3) throw new RangeError(`lineWithIntercept: need >= 3 paired values, got ${n} and ${ys.length}`);
  const xb = xs.reduce((s, v) => s + v, 0) / n,
    yb = ys.reduce((s, v) => s + v, 0) / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - xb) ** 2;
    sxy += (xs[i] - xb) * (ys[i] - yb);
  }
  if (!(sxx > 0)) throw new RangeError('lineWithIntercept: xs must not all be equal');
  const slope = sxy / sxx,
    intercept = yb - slope * xb;
  const sse = ys.reduce((s, y, i) => s + (y - intercept - slope * xs[i]) ** 2, 0);
  const s2 = sse / (n - 2);
  const t = studentTQuantile(confidence, n - 2);
  return {
    intercept,
    slope,
    interceptUpper: intercept + t * Math.sqrt(s2 * (1 / n + (xb * xb) / sxx)),
    slopeLower: slope - t * Math.sqrt(s2 / sxx),
    n,
  };
}
