import { bestLinearPredictor, binomialTail, fitLogLogSlope, fold, keyFromSeed, median, Rng, type Loss } from 'claimcheck/core';
import { runProjectedSgd, type Architecture, type SgdPool } from './projectedSgd64.js';
import { poolRows } from './sgdPool.js';

/**
 * Shamir 2018 Thm 4 as an experiment: projected SGD on (w, V) against the best linear predictor
 * in the ball, with the explicit online-gradient-descent bound of the catalog [R, standard OGD]:
 *   avg_t F <= min F_lin + (c b l + 2 r sqrt(2 log(1/delta))) / sqrt(T),  c = 2.5 for eta = b/(l sqrt T).
 * l and r are derived from the loss metadata and the data's norms, never typed in.
 */
export interface SgdSetup {
  readonly pool: SgdPool;
  readonly arch: Architecture;
  readonly loss: Loss;
  readonly radius: number;
  readonly thetaRule: 'fresh' | 'fixed';
  /** Start of every seed: 'random' (uniform in the ball, per seed) or a fixed (w, V). */
  readonly start: 'random' | { readonly w: readonly number[]; readonly V: readonly number[] };
  /** 'theory' is eta = b / (l sqrt T); a number is a constant step (the rate mutant). */
  readonly eta: 'theory' | number;
  readonly seed: number;
}

export interface Constants {
  readonly l: number;
  readonly r: number;
  readonly minFLin: number;
}

/** Lipschitz constant l (in (w, V)) and loss bound r over the ball, and the comparator. */
export function constants(s: SgdSetup): Constants {
  const { pool, radius: b } = s;
  let xmax = 0;
  let fmax = 0;
  let ymax = 0;
  for (let i = 0; i < pool.n; i++) {
    xmax = Math.max(xmax, Math.hypot(...pool.X.subarray(i * pool.d, (i + 1) * pool.d)));
    ymax = Math.max(ymax, Math.abs(pool.y[i]));
    for (const F of pool.bank) fmax = Math.max(fmax, Math.hypot(...F.subarray(i * pool.k, (i + 1) * pool.k)));
  }
  // Largest |prediction| on the ball, and the largest norm of d p / d(w, V).
  const [P, gp] =
    s.arch === 'tweaked'
      ? [b * Math.hypot(xmax, fmax), Math.hypot(xmax, fmax)]
      : [b * (xmax + b * fmax), Math.hypot(xmax + b * fmax, b * fmax)];
  const minFLin = bestLinearPredictor(poolRows(pool), Array.from(pool.y), s.loss, { radius: b }).value;
  return { l: s.loss.lipschitz(P, ymax) * gp, r: s.loss.bound(P, ymax), minFLin };
}

export function ogdBound(c: Constants, b: number, T: number, delta: number): number {
  return (2.5 * b * c.l + 2 * c.r * Math.sqrt(2 * Math.log(1 / delta))) / Math.sqrt(T);
}

function startFor(s: SgdSetup, seed: number): { w: number[]; V: number[] } {
  const vLen = s.arch === 'tweaked' ? s.pool.k : s.pool.d * s.pool.k;
  if (s.start !== 'random') return { w: [...s.start.w], V: [...s.start.V] };
  const rng = new Rng(fold(keyFromSeed(s.seed), `start-${seed}`));
  const g = rng.normals(s.pool.d + vLen);
  const scale = (s.radius * Math.pow(rng.uniform(), 1 / g.length)) / Math.hypot(...g);
  const all = Array.from(g, (x) => x * scale);
  return { w: all.slice(0, s.pool.d), V: all.slice(s.pool.d) };
}

/** Average population loss of R seeds of projected SGD for T steps. */
export function sgdAverages(s: SgdSetup, T: number, seeds: number, c: Constants): number[] {
  const eta = s.eta === 'theory' ? s.radius / (c.l * Math.sqrt(T)) : s.eta;
  return Array.from({ length: seeds }, (_, i) => {
    const { w, V } = startFor(s, i);
    return runProjectedSgd(s.pool, {
      arch: s.arch,
      loss: s.loss,
      radius: s.radius,
      steps: T,
      eta,
      w0: w,
      V0: V,
      thetaRule: s.thetaRule,
      key: fold(keyFromSeed(s.seed), `sgd-${T}-${i}`),
    }).avgLoss;
  });
}

export interface CompetitiveResult {
  readonly constants: Constants;
  readonly bound: number;
  readonly averages: number[];
  readonly failures: number;
  /** P[Binomial(R, delta) >= failures]: small means more seeds failed than delta allows. */
  readonly pValue: number;
}

/** Per seed: pass if avg F <= min F_lin + bound; the count of failures is tested against delta. */
export function sgdVersusLinear(s: SgdSetup, T: number, seeds: number, delta: number): CompetitiveResult {
  const c = constants(s);
  const bound = ogdBound(c, s.radius, T, delta);
  const averages = sgdAverages(s, T, seeds, c);
  const failures = averages.filter((a) => a > c.minFLin + bound).length;
  return { constants: c, bound, averages, failures, pValue: binomialTail(failures, seeds, delta) };
}

export interface RateResult {
  readonly Ts: readonly number[];
  /** Median over seeds of Delta(T) = avg F - min F_lin. */
  readonly deltas: number[];
  /** sqrt(T) * max(Delta, 0): bounded if the rate is O(1/sqrt T). */
  readonly scaled: number[];
  /** Fitted slope of log Delta against log T over the positive Deltas (undefined if < 3: a
   *  two-point line has no residual, so no interval). */
  readonly slope?: { slope: number; ciLow: number; ciHigh: number };
  readonly minFLin: number;
}

export function sgdRate(s: SgdSetup, Ts: readonly number[], seeds: number): RateResult {
  const c = constants(s);
  const deltas = Ts.map((T) => median(sgdAverages(s, T, seeds, c)) - c.minFLin);
  const scaled = deltas.map((d, i) => Math.sqrt(Ts[i]) * Math.max(d, 0));
  const pos = Ts.map((T, i) => [T, deltas[i]] as const).filter(([, d]) => d > 0);
  const slope =
    pos.length >= 3
      ? fitLogLogSlope(
          pos.map((p) => p[0]),
          pos.map((p) => p[1]),
          0.95,
        )
      : undefined;
  return { Ts, deltas, scaled, slope, minFLin: c.minFLin };
}
