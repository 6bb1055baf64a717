import { describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from './random.js';
import {
  averageRanks,
  binomialTail,
  clopperPearsonUpper,
  fitLogLogSlope,
  fitSemiLogSlope,
  logGamma,
  median,
  normalCdf,
  normalQuantile,
  quantile,
  signTest,
  spearman,
  studentTCdf,
  studentTQuantile,
  wilcoxonSignedRank,
  wilsonInterval,
} from './stats.js';

/** |a - b| <= tol * |b|. */
const expectRel = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));

describe('special functions (reference values from scipy 1.17)', () => {
  it('logGamma matches log((n-1)!) and Gamma(1/2) = sqrt(pi)', () => {
    let lf = 0;
    for (let n = 1; n <= 30; n++) {
      expectRel(logGamma(n + 1), (lf += Math.log(n)), 1e-14);
    }
    expectRel(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  });

  it('normalCdf in the bulk and far tails, including across the series / fraction switch', () => {
    const sf: [number, number][] = [
      [0.5, 0.3085375387259869],
      [2.8284271247461903, 0.0023388674905236288],
      [2.83, 0.0023274002067315515],
      [3.5, 0.00023262907903552502],
      [8, 6.22096057427174e-16],
      [20, 2.7536241186061556e-89],
    ];
    for (const [z, ref] of sf) expectRel(normalCdf(-z), ref, 1e-13);
    expectRel(normalCdf(1), 0.8413447460685429, 1e-15);
  });

  it('normalQuantile inverts normalCdf, with known values', () => {
    expectRel(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectRel(normalQuantile(0.995), 2.5758293035489004, 1e-14);
    expectRel(normalQuantile(1e-12), -7.034483825301131, 1e-13);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('studentTQuantile: textbook values, and closed forms for df = 1 and df = 2', () => {
    expectRel(studentTQuantile(0.975, 2), 4.302652729749462, 1e-13);
    expectRel(studentTQuantile(0.975, 10), 2.228138851986274, 1e-13);
    expectRel(studentTQuantile(0.995, 30), 2.7499956535672254, 1e-13);
    expectRel(studentTQuantile(0.95, 3.5), 2.2224334936496004, 1e-13);
    expectRel(studentTQuantile(1e-9, 4), -234.02761040611892, 1e-12);
    for (const p of [0.6, 0.9, 0.975, 0.999, 0.01]) {
      expectRel(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-13);
      expectRel(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-13);
    }
    expectRel(1 - studentTCdf(3, 7), 0.009971063065996268, 1e-12);
  });
});

describe('clopperPearsonUpper', () => {
  it('matches scipy.stats.beta.ppf(0.95, x + 1, m - x) and the closed form at x = 0', () => {
    // scipy 1.x: beta.ppf(0.95, x + 1, m - x)
    expectRel(clopperPearsonUpper(1, 30), 0.14859606865911312, 1e-9);
    expectRel(clopperPearsonUpper(2, 100), 0.06161920039604069, 1e-9);
    expectRel(clopperPearsonUpper(1, 90), 0.051625875005761206, 1e-9);
    expectRel(clopperPearsonUpper(0, 70), 0.04189334406688858, 1e-12);
    expect(clopperPearsonUpper(5, 5)).toBe(1);
  });
  it('rejects counts outside [0, m]', () => {
    expect(() => clopperPearsonUpper(3, 2)).toThrow(RangeError);
    expect(() => clopperPearsonUpper(0, 0)).toThrow(RangeError);
  });
});

describe('binomialTail', () => {
  it('matches exact sums and scipy binom.sf', () => {
    expectRel(binomialTail(5, 20, 0.05), 0.0025739403346522792, 1e-13);
    expectRel(binomialTail(4, 20, 0.05), 0.015901526019763548, 1e-13);
    expectRel(binomialTail(9, 10, 0.5), 11 / 1024, 1e-14);
    expectRel(binomialTail(601, 1000, 0.5), 9.008412706280343e-11, 1e-11);
    expectRel(binomialTail(31, 1000, 0.01), 6.419928603137628e-8, 1e-12);
  });

  it('handles the edges and validates arguments', () => {
    expect(binomialTail(0, 5, 0.3)).toBe(1);
    expect(binomialTail(6, 5, 0.3)).toBe(0);
    expect(binomialTail(3, 5, 0)).toBe(0);
    expect(binomialTail(3, 5, 1)).toBe(1);
    expect(() => binomialTail(1, 2.5, 0.5)).toThrow(/n must be a non-negative integer/);
    expect(() => binomialTail(1, 2, 1.5)).toThrow(/p must be in/);
  });
});

describe('paired tests', () => {
  it('signTest reproduces the catalog values', () => {
    const run = (wins: number, n: number) => Array.from({ length: n }, (_, i) => (i < wins ? 1 : -1));
    expect(signTest(run(9, 10))).toBeCloseTo(0.0107, 4);
    expect(signTest(run(8, 10))).toBeCloseTo(0.0547, 4);
    expect(signTest(run(4, 5))).toBeCloseTo(0.1875, 14);
    expect(signTest([0, 0, 1])).toBe(0.5);
    expect(signTest([])).toBe(1);
  });

  /** Brute force over the 2^m sign patterns: the reference for the DP. */
  function bruteWilcoxon(d: number[]): number {
    const nz = d.filter((v) => v !== 0);
    const abs = nz.map(Math.abs);
    const rank = abs.map((a) => abs.filter((b) => b < a).length + (abs.filter((b) => b === a).length + 1) / 2);
    const obs = nz.reduce((s, v, i) => s + (v > 0 ? rank[i] : 0), 0);
    let hits = 0;
    for (let mask = 0; mask < 1 << nz.length; mask++) {
      const w = rank.reduce((s, r, i) => s + ((mask >> i) & 1 ? r : 0), 0);
      if (w >= obs - 1e-9) hits++;
    }
    return hits / 2 ** nz.length;
  }

  it('wilcoxonSignedRank exact p-values match brute force (with ties and zeros) and scipy', () => {
    const rng = new Rng(keyFromSeed(1));
    for (let t = 0; t < 40; t++) {
      const n = rng.int(1, 12);
      const d = Array.from({ length: n }, () => Math.round(2 * rng.normal() + 0.5));
      expect(Math.abs(wilcoxonSignedRank(d) - bruteWilcoxon(d))).toBeLessThan(1e-14);
    }
    expect(wilcoxonSignedRank([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3, -0.1, -0.4, 2.1])).toBeCloseTo(0.001220703125, 14);
    // With ties the exact test conditions on the tied ranks: 13/1024 (a Python enumeration agrees).
    // scipy's method='exact' ignores ties here and reports 14/1024.
    expect(wilcoxonSignedRank([1, 2, 2, 3, -1, 4, -2, 5, 5, 6])).toBeCloseTo(13 / 1024, 14);
    expect(wilcoxonSignedRank(Array.from({ length: 10 }, () => 1))).toBe(1 / 1024);
  });

  it('uses the tie-corrected normal approximation above 25 (scipy method="approx")', () => {
    const d = [
      0.4, 0.2, 0.9, 0.4, -0.2, 0.7, 1.6, 1.2, -0.4, -1.0, -0.3, 0.3, -2.0, 0.1, -0.9, -0.4, -0.2, -0.0, 0.7, 1.3, 0.2, 1.7, -0.4, 0.7, 1.2,
      0.4, -0.4, -0.6, -0.2, 0.5, -0.7, 0.1, 0.1, 0.8, 0.5, 0.7, -0.4, 0.2, 1.1, 1.8,
    ];
    expectRel(wilcoxonSignedRank(d), 0.029092964557640644, 1e-10);
  });
});

describe('intervals and summaries', () => {
  it('wilsonInterval matches known values', () => {
    const a = wilsonInterval(8, 10, 0.95);
    expect(a.low).toBeCloseTo(0.4901624715366418, 12);
    expect(a.high).toBeCloseTo(0.9433178485456248, 12);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775327998628892, 12);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7224672001371109, 12);
    const b = wilsonInterval(45, 50, 0.99);
    expect(b.low).toBeCloseTo(0.7402692104043159, 12);
    expect(b.high).toBeCloseTo(0.9660091162215817, 12);
    expect(() => wilsonInterval(11, 10)).toThrow(/successes/);
  });

  it('median and quantile follow R type 7', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 14);
    expect(quantile([10, 20], 1)).toBe(20);
    expect(() => median([])).toThrow(/xs must be an array/);
  });
});

describe('fitLogLogSlope', () => {
  it('recovers exact power laws with a zero-width interval and r2 = 1', () => {
    for (const b of [-0.5, 0.25, 2]) {
      const xs = [1, 2, 4, 8, 16, 32];
      const f = fitLogLogSlope(
        xs,
        xs.map((x) => 3 * x ** b),
      );
      expect(f.slope).toBeCloseTo(b, 13);
      expect(f.intercept).toBeCloseTo(Math.log(3), 13);
      expect(f.ciHigh - f.ciLow).toBeLessThan(1e-12);
      expect(f.r2).toBeCloseTo(1, 14);
    }
  });

  it('matches scipy linregress and its t interval on noisy data', () => {
    const f = fitLogLogSlope([1, 2, 4, 8, 16, 32], [3.1, 1.9, 1.2, 0.8, 0.52, 0.3]);
    expect(f.slope).toBeCloseTo(-0.6582679777034092, 12);
    expect(f.intercept).toBeCloseTo(1.1197806038968108, 12);
    expect(f.ciLow).toBeCloseTo(-0.6963654786564517, 12);
    expect(f.ciHigh).toBeCloseTo(-0.6201704767503666, 12);
    expect(f.r2).toBeCloseTo(0.99826493741004, 12);
  });

  it('rejects non-positive values and too few points', () => {
    expect(() => fitLogLogSlope([1, 2, 3], [1, 0, 2])).toThrow(/ys\[1\] must be > 0/);
    expect(() => fitLogLogSlope([1, 2], [1, 2])).toThrow(/xs must be an array of at least 3/);
    expect(() => fitLogLogSlope([2, 2, 2], [1, 2, 3])).toThrow(/must not all be equal/);
  });
});

describe('fitSemiLogSlope', () => {
  it('recovers an exact line in ln m with a zero-width interval', () => {
    const ms = [100, 300, 1000, 3000, 100, 300, 1000, 3000];
    const f = fitSemiLogSlope(
      ms,
      ms.map((m) => 0.5 - 0.03 * Math.log(m)),
    );
    expect(f.slope).toBeCloseTo(-0.03, 12);
    expect(f.ciHigh - f.ciLow).toBeLessThan(1e-10);
    expect(f.meanY).toBeCloseTo(0.5 - (0.03 * (Math.log(100) + Math.log(300) + Math.log(1000) + Math.log(3000))) / 4, 12);
  });

  it('matches the textbook t interval on a noisy example', () => {
    const xs = [1, Math.E, Math.E ** 2, Math.E ** 3];
    const ys = [1, 3, 2, 5];
    // In u = ln x = 0..3: slope = Sxy / Sxx = 5.5 / 5 = 1.1; residual SS = 2.7 (n - 2 = 2 df); t_{0.975, 2} = 4.302653.
    const f = fitSemiLogSlope(xs, ys);
    expect(f.slope).toBeCloseTo(1.1, 12);
    const half = 4.302652729911275 * Math.sqrt(2.7 / 2 / 5);
    expect(f.ciLow).toBeCloseTo(1.1 - half, 6);
    expect(f.ciHigh).toBeCloseTo(1.1 + half, 6);
  });

  it('rejects degenerate input', () => {
    expect(() => fitSemiLogSlope([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => fitSemiLogSlope([5, 5, 5], [1, 2, 3])).toThrow(/equal/);
    expect(() => fitSemiLogSlope([1, 2, 3], [1, NaN, 3])).toThrow(/finite/);
  });
});

describe('spearman', () => {
  it('Spearman: ties share ranks; perfect monotone pairs give rho = -1 and p = 0; p matches the t approximation', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    const r = spearman([1, 2, 3, 4], [8, 6, 4, 2]);
    expect(r.rho).toBeCloseTo(-1, 15);
    expect(r.pNegative).toBe(0);
    // By hand: rank differences -1, -3, 2, 1, 1, sum of squares 16: rho = 1 - 6 * 16 / (5 * 24) = 0.2.
    const s = spearman([1, 2, 3, 4, 5], [2, 5, 1, 3, 4]);
    expect(s.rho).toBeCloseTo(0.2, 12);
    // t = 0.2 sqrt(3 / 0.96) = 0.354 with 3 df: P[T < t] = 0.627.
    expect(s.pNegative).toBeCloseTo(0.627, 2);
    expect(s.pNegative).toBeGreaterThan(0.5);
  });

  it('rejects samples of different lengths or non-finite values, naming the argument', () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(/ys/);
    expect(() => spearman([1, NaN, 3], [1, 2, 3])).toThrow(/xs\[1\]/);
  });
});
