/**
 * Least-squares slope of a risk against log(width), pooled over seeds, with its two-sided t
 * interval: the statistic of Allen-Zhu, Li & Liang 2018's "sample complexity almost independent
 * of width" check (catalog: slope of test NMSE against log m). Linear in the risk, log in m.
 */
import { studentTQuantile } from '../stats.js';

export interface SemiLogFit {
  readonly slope: number;
  readonly intercept: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly meanY: number;
  readonly n: number;
}

export function fitSemiLogSlope(widths: readonly number[], ys: readonly number[], confidence = 0.95): SemiLogFit {
  const n = widths.length;
  if (n < 3 || ys.length !== n) throw new RangeError(`fitSemiLogSlope: need >= 3 paired points, got ${n} widths and ${ys.length} values`);
  if (!widths.every((w) => w > 0) || !ys.every(Number.isFinite)) throw new RangeError('fitSemiLogSlope: widths must be > 0 and values finite');
  const u = widths.map(Math.log);
  const ub = u.reduce((s, a) => s + a, 0) / n, yb = ys.reduce((s, a) => s + a, 0) / n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (u[i] - ub) ** 2;
    sxy += (u[i] - ub) * (ys[i] - yb);
  }
  if (sxx === 0) throw new RangeError('fitSemiLogSlope: widths must not all be equal');
  const slope = sxy / sxx, intercept = yb - slope * ub;
  const sse = ys.reduce((s, y, i) => s + (y - intercept - slope * u[i]) ** 2, 0);
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 2) * Math.sqrt(sse / (n - 2) / sxx);
  return { slope, intercept, ciLow: slope - half, ciHigh: slope + half, meanY: yb, n };
}
