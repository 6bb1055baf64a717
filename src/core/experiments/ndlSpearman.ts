/**
 * Spearman rank correlation with a one-sided p-value, for the "test loss tracks the feature
 * correlation" claim of Nichani, Damian & Lee (catalog: rho <= -0.7 with one-sided p < 0.05).
 * Ties share their mean rank; rho is the Pearson correlation of the ranks. The p-value for
 * "rho < 0" uses the usual t approximation t = rho sqrt((n - 2) / (1 - rho^2)) with n - 2
 * degrees of freedom (approximate for small n; stated with the verdict).
 */
import { studentTCdf } from '../stats.js';

/** 1-based ranks, ties sharing their mean rank. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]]) j++;
    for (let t = i; t <= j; t++) ranks[order[t]] = (i + j + 2) / 2;
    i = j + 1;
  }
  return ranks;
}

export interface SpearmanResult {
  readonly rho: number;
  /** One-sided p-value for rho < 0 (t approximation). */
  readonly pNegative: number;
  readonly n: number;
}

export function spearman(xs: readonly number[], ys: readonly number[]): SpearmanResult {
  const n = xs.length;
  if (n < 3 || ys.length !== n) throw new RangeError(`spearman: need two samples of equal length >= 3, got ${n} and ${ys.length}`);
  if ([...xs, ...ys].some((v) => !Number.isFinite(v))) throw new RangeError('spearman: every value must be finite');
  const rx = averageRanks(xs), ry = averageRanks(ys);
  const m = (n + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - m) * (ry[i] - m);
    sxx += (rx[i] - m) ** 2;
    syy += (ry[i] - m) ** 2;
  }
  const rho = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  const pNegative = rho <= -1 ? 0 : rho >= 1 ? 1 : studentTCdf(rho * Math.sqrt((n - 2) / (1 - rho * rho)), n - 2);
  return { rho, pNegative, n };
}
