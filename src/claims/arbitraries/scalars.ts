import * as fc from 'fast-check';

/**
 * Scalar arbitraries that generate realistic values but shrink toward simple ones.
 *
 * fast-check's own `fc.double` is uniform over representable doubles (most draws are tiny, like
 * 1e-200), and shrinks through ugly bit patterns. We want Gaussian-looking draws that shrink to
 * 0, 1, -1 or small integers, so a shrunk counterexample reads like the catalog's ("x = 1, w = 3").
 */

/** Half-range of the integer index behind a continuous draw (2^30 steps each side of 0). */
const R = 2 ** 30;

/** Largest |probit| the index mapping can produce (~6.1): a known bound for dead-ReLU biases. */
export const GAUSSIAN_BOUND = 6.2;

/** Inverse standard normal CDF (Acklam's rational approximation, |rel. error| < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * N(0, scale^2) draws through the inverse CDF of a uniform integer index. `noBias` keeps the
 * distribution Gaussian (fast-check's bias would pile mass on 0 and on the +-6 sigma edges); the
 * index still shrinks toward 0, i.e. the value toward 0.
 */
export function gaussianArb(scale = 1): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: -R, max: R })).map((i) => {
    const v = scale * probit(0.5 + i / (2 * R + 2));
    return v === 0 ? 0 : v; // never -0: JSON would turn it into 0 and break exact replay
  });
}

export interface RealOptions {
  /** Multiplies continuous draws (not grid values, which stay integers). */
  readonly scale?: number;
  /** Simple values, simplest first; shrinking lands on them. */
  readonly grid?: readonly number[];
  /** Share of grid values at generation time (the rest is Gaussian). */
  readonly gridWeight?: number;
  readonly gaussianWeight?: number;
}

/**
 * A real that is mostly Gaussian, sometimes a small integer. `withCrossShrink` makes a Gaussian
 * value try a grid value first when shrinking, so counterexamples end on integers.
 */
export function realArb(opts: RealOptions = {}): fc.Arbitrary<number> {
  const { scale = 1, grid = [0, 1, -1, 2, -2], gridWeight = 1, gaussianWeight = 7 } = opts;
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constantFrom(...grid), weight: gridWeight },
    { arbitrary: gaussianArb(scale), weight: gaussianWeight },
  );
}

/**
 * 10^e with e log-uniform between `fromExp` and `toExp`, shrinking toward 10^fromExp (through
 * integer exponents: 1e-2 rather than 1.37e-2). Used for norms spread over decades.
 */
export function decadeArb(fromExp: number, toExp: number): fc.Arbitrary<number> {
  const span = Math.abs(toExp - fromExp);
  const dir = Math.sign(toExp - fromExp);
  const steps = 1000 * span;
  return fc
    .oneof(
      { withCrossShrink: true },
      { arbitrary: fc.integer({ min: 0, max: Math.floor(span) }), weight: 1 },
      { arbitrary: fc.noBias(fc.integer({ min: 0, max: steps })).map((j) => j / 1000), weight: 4 },
    )
    .map((t) => 10 ** (fromExp + dir * t));
}

/**
 * A categorical choice with weights, shrinking toward the first entry (list simplest-first).
 * An unbiased integer index keeps the weights exact; its shrinking walks toward index 0.
 */
export function weightedPick<T>(entries: readonly (readonly [T, number])[], what: string): fc.Arbitrary<T> {
  const live = entries.filter(([, w]) => w > 0);
  for (const [v, w] of entries) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`${what}: weight of "${String(v)}" must be a finite number >= 0, got ${w}`);
  }
  if (live.length === 0) throw new RangeError(`${what}: at least one choice needs a positive weight`);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of live) cumulative.push((total += w));
  // Integer resolution of 1e-3 of the total keeps fractional weights meaningful.
  const steps = 1000 * live.length;
  return fc.noBias(fc.integer({ min: 0, max: steps - 1 })).map((i) => {
    const t = ((i + 0.5) / steps) * total;
    const idx = cumulative.findIndex((c) => t < c);
    return live[idx === -1 ? live.length - 1 : idx][0];
  });
}

/**
 * A dimension in [1, max]: mostly from [1, typical] (cheap cases), a `largeShare` of draws from
 * the whole range. Both arms are fast-check integers, biased toward small values and shrinking
 * to 1.
 */
export function sizeArb(typical: number, max: number, largeShare: number): fc.Arbitrary<number> {
  const t = Math.min(typical, max);
  const large = Math.round(largeShare * 1000);
  if (t >= max || large === 0) return fc.integer({ min: 1, max: t });
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.integer({ min: 1, max: t }), weight: 1000 - large },
    { arbitrary: fc.integer({ min: 1, max }), weight: large },
  );
}
