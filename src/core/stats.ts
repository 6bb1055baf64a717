/**
 * Statistics for statistical and scaling claims: exact binomial tails, one-sided paired tests
 * (sign, Wilcoxon signed-rank), Wilson intervals, quantiles, Spearman's rank correlation, and
 * log-log and semi-log slope fits with t intervals. Self-contained (no stats dependency) so p-values are reproducible bit for bit; the
 * special functions below are accurate to ~1e-13 relative, far below any threshold a claim uses.
 */

function assertFinite(xs: readonly number[], name: string, minLength = 1): void {
  if (!Array.isArray(xs) || xs.length < minLength) {
    throw new RangeError(`${name} must be an array of at least ${minLength} numbers`);
  }
  xs.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`${name}[${i}] must be a finite number, got ${v}`);
  });
}

function assertProbability(p: number, name: string, open = false): void {
  const ok = open ? p > 0 && p < 1 : p >= 0 && p <= 1;
  if (!ok) throw new RangeError(`${name} must be in ${open ? '(0, 1)' : '[0, 1]'}, got ${p}`);
}

/** log Gamma(x), x > 0: Lanczos (g = 7, 9 terms), ~1e-15 relative. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`x must be > 0 for logGamma, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0];
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for I_x(a, b) (modified Lentz), valid for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1,
    d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    for (const num of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** erfc(x): positive-term series of erf below 2 (no cancellation), continued fraction above. */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    let term = x,
      sum = x;
    for (let n = 1; term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up.
  let f = x;
  for (let k = 400; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The t >= 0 with upperTail(t) = q, for a tail decreasing from 1/2 at t = 0. Bisecting on the
 * tail itself (not on the CDF) keeps full relative accuracy for q far below machine epsilon.
 */
function invertUpperTail(upperTail: (t: number) => number, q: number): number {
  let lo = 0,
    hi = 1;
  while (upperTail(hi) > q) [lo, hi] = [hi, 2 * hi];
  for (let i = 0; i < 2000 && hi - lo > 4e-16 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (upperTail(mid) > q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  assertProbability(p, 'p', true);
  if (p === 0.5) return 0;
  const t = invertUpperTail((x) => 0.5 * erfc(x / Math.SQRT2), p < 0.5 ? p : 1 - p);
  return p < 0.5 ? -t : t;
}

export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df must be > 0, got ${df}`);
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t with df degrees of freedom (df > 0, need not be an integer). */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p, 'p', true);
  if (!(df > 0)) throw new RangeError(`df must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  // P[T > t] = I_{df/(df+t^2)}(df/2, 1/2) / 2 for t >= 0.
  const t = invertUpperTail((x) => 0.5 * regularizedBeta(df / (df + x * x), df / 2, 0.5), p < 0.5 ? p : 1 - p);
  return p < 0.5 ? -t : t;
}

/** P[X >= k] for X ~ Binomial(n, p), summed in log space (no overflow of C(n, i)). */
export function binomialTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k)) throw new RangeError(`k must be an integer, got ${k}`);
  assertProbability(p, 'p');
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lp = Math.log(p),
    lq = Math.log1p(-p);
  const logs: number[] = [];
  let logC = 0; // log C(n, i), built up i = 0, 1, ...
  for (let i = 0; i <= n; i++) {
    if (i >= k) logs.push(logC + i * lp + (n - i) * lq);
    logC += Math.log((n - i) / (i + 1));
  }
  const m = Math.max(...logs);
  return Math.min(1, Math.exp(m) * logs.reduce((s, l) => s + Math.exp(l - m), 0));
}

/**
 * One-sided exact (Clopper-Pearson) upper confidence bound on a rate after `x` events in `m`
 * independent trials: the q at which P[Bin(m, q) <= x] = 1 - confidence (0 events: 1 - (1 - c)^(1/m)).
 * What a calibration's "x of m seeds failed" supports as a per-seed failure rate.
 */
export function clopperPearsonUpper(x: number, m: number, confidence = 0.95): number {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  if (!Number.isInteger(x) || x < 0 || x > m) throw new RangeError(`x must be an integer in [0, m], got ${x}`);
  assertProbability(confidence, 'confidence');
  if (x === m) return 1;
  if (x === 0) return 1 - (1 - confidence) ** (1 / m);
  // P[Bin(m, q) <= x] falls in q: bisect (to double precision) for 1 - confidence.
  let lo = 0,
    hi = 1;
  for (let i = 0; i < 100; i++) {
    const q = (lo + hi) / 2;
    if (1 - binomialTail(x + 1, m, q) > 1 - confidence) lo = q;
    else hi = q;
  }
  return hi;
}

/**
 * One-sided sign test: p-value for "differences tend to be positive" (the claim's side wins).
 * Zeros carry no sign and are dropped (the usual convention); no non-zero difference gives 1.
 */
export function signTest(differences: readonly number[]): number {
  assertFinite(differences, 'differences', 0);
  const nonzero = differences.filter((d) => d !== 0);
  return binomialTail(nonzero.filter((d) => d > 0).length, nonzero.length, 0.5);
}

/** Wilson score interval for a binomial proportion; confidence e.g. 0.95. */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): { low: number; high: number } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n = ${n}], got ${successes}`);
  }
  assertProbability(confidence, 'confidence', true);
  const z = normalQuantile(1 - (1 - confidence) / 2),
    z2 = z * z;
  const center = (successes + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** 1-based ranks, ties sharing their mean rank (Wilcoxon ranks |d|, Spearman ranks raw values). */
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

/**
 * One-sided Wilcoxon signed-rank test: p-value for "differences tend to be positive". Zeros are
 * dropped. Exact for up to 25 non-zero differences: a DP over doubled ranks (integers even with
 * ties) counts the 2^m equally likely sign patterns. Above that, the normal approximation with
 * tie-corrected variance and continuity correction (as scipy's method='approx').
 */
export function wilcoxonSignedRank(differences: readonly number[]): number {
  assertFinite(differences, 'differences', 0);
  const d = differences.filter((v) => v !== 0);
  const m = d.length;
  if (m === 0) return 1;
  const ranks = averageRanks(d.map(Math.abs));
  const wPlus = d.reduce((s, v, i) => s + (v > 0 ? ranks[i] : 0), 0);
  if (m <= 25) {
    const r2 = ranks.map((r) => Math.round(2 * r));
    const total = r2.reduce((s, r) => s + r, 0);
    let counts = new Float64Array(total + 1);
    counts[0] = 1;
    for (const r of r2) {
      const next = counts.slice();
      for (let s = 0; s + r <= total; s++) next[s + r] += counts[s];
      counts = next;
    }
    let tail = 0;
    for (let s = Math.round(2 * wPlus); s <= total; s++) tail += counts[s];
    return tail / 2 ** m;
  }
  const ties = new Map<number, number>();
  for (const v of d) ties.set(Math.abs(v), (ties.get(Math.abs(v)) ?? 0) + 1);
  let tieSum = 0;
  for (const t of ties.values()) tieSum += t ** 3 - t;
  const mean = (m * (m + 1)) / 4;
  const variance = (m * (m + 1) * (2 * m + 1)) / 24 - tieSum / 48;
  return 1 - normalCdf((wPlus - mean - 0.5) / Math.sqrt(variance));
}

/** Sample quantile with linear interpolation between order statistics (R type 7, numpy default). */
export function quantile(xs: readonly number[], q: number): number {
  assertFinite(xs, 'xs');
  assertProbability(q, 'q');
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q,
    lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export interface LogLogFit {
  /** Exponent b of y ~ a x^b. */
  readonly slope: number;
  /** log a (natural log): log y = intercept + slope log x. */
  readonly intercept: number;
  /** Two-sided t interval for the slope at the given confidence (n - 2 degrees of freedom). */
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly r2: number;
}

/** Least-squares line v = intercept + slope u with the slope's two-sided t interval (n - 2 df). */
function fitLine(u: readonly number[], v: readonly number[], confidence: number) {
  const n = u.length;
  const ub = u.reduce((s, a) => s + a, 0) / n,
    vb = v.reduce((s, a) => s + a, 0) / n;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (u[i] - ub) ** 2;
    sxy += (u[i] - ub) * (v[i] - vb);
    syy += (v[i] - vb) ** 2;
  }
  if (sxx === 0) throw new RangeError('xs must not all be equal: the slope is undefined');
  const slope = sxy / sxx,
    intercept = vb - slope * ub;
  const sse = v.reduce((s, vi, i) => s + (vi - intercept - slope * u[i]) ** 2, 0);
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 2) * Math.sqrt(sse / (n - 2) / sxx);
  return { slope, intercept, ciLow: slope - half, ciHigh: slope + half, r2: syy === 0 ? 1 : 1 - sse / syy, meanV: vb };
}

function assertFitInput(xs: readonly number[], ys: readonly number[], logY: boolean, confidence: number): void {
  assertFinite(xs, 'xs', 3);
  assertFinite(ys, 'ys', xs.length);
  if (ys.length !== xs.length) throw new RangeError(`ys must have length ${xs.length}, got ${ys.length}`);
  xs.forEach((v, i) => {
    if (!(v > 0)) throw new RangeError(`xs[${i}] must be > 0 for a fit on log x, got ${v}`);
  });
  if (logY)
    ys.forEach((v, i) => {
      if (!(v > 0)) throw new RangeError(`ys[${i}] must be > 0 for a log-log fit, got ${v}`);
    });
  assertProbability(confidence, 'confidence', true);
}

/** Least-squares fit of log y on log x, for scaling claims (y ~ a x^b). Needs n >= 3, x, y > 0. */
export function fitLogLogSlope(xs: readonly number[], ys: readonly number[], confidence = 0.95): LogLogFit {
  assertFitInput(xs, ys, true, confidence);
  const { slope, intercept, ciLow, ciHigh, r2 } = fitLine(xs.map(Math.log), ys.map(Math.log), confidence);
  return { slope, intercept, ciLow, ciHigh, r2 };
}

export interface SemiLogFit {
  /** b of y = a + b log x. */
  readonly slope: number;
  readonly intercept: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Mean of y, the scale a slope is compared with (e.g. "slope <= 0.02 x mean risk"). */
  readonly meanY: number;
  readonly n: number;
}

/**
 * Least-squares fit of y on log x (linear in y), e.g. a risk against log(width) pooled over seeds
 * (Allen-Zhu, Li & Liang 2018's width-independence check). Needs n >= 3, x > 0, y finite.
 */
export function fitSemiLogSlope(xs: readonly number[], ys: readonly number[], confidence = 0.95): SemiLogFit {
  assertFitInput(xs, ys, false, confidence);
  const { slope, intercept, ciLow, ciHigh, meanV } = fitLine(xs.map(Math.log), ys, confidence);
  return { slope, intercept, ciLow, ciHigh, meanY: meanV, n: xs.length };
}

export interface SpearmanResult {
  readonly rho: number;
  /** One-sided p-value for rho < 0 (t approximation). */
  readonly pNegative: number;
  readonly n: number;
}

/**
 * Spearman rank correlation with a one-sided p-value for rho < 0. Ties share their mean rank; rho
 * is the Pearson correlation of the ranks. The p-value uses the usual t approximation
 * t = rho sqrt((n - 2) / (1 - rho^2)) with n - 2 degrees of freedom (approximate for small n).
 */
export function spearman(xs: readonly number[], ys: readonly number[]): SpearmanResult {
  assertFinite(xs, 'xs', 3);
  assertFinite(ys, 'ys', xs.length);
  if (ys.length !== xs.length) throw new RangeError(`ys must have length ${xs.length}, got ${ys.length}`);
  const n = xs.length;
  const rx = averageRanks(xs),
    ry = averageRanks(ys);
  const m = (n + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - m) * (ry[i] - m);
    sxx += (rx[i] - m) ** 2;
    syy += (ry[i] - m) ** 2;
  }
  const rho = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  const pNegative = rho <= -1 ? 0 : rho >= 1 ? 1 : studentTCdf(rho * Math.sqrt((n - 2) / (1 - rho * rho)), n - 2);
  return { rho, pNegative, n };
}
