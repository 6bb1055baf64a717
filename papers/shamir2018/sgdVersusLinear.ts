import { bestLinearPredictor, fold, keyFromSeed, Rng, type Loss } from 'claimcheck/core';
import { runProjectedSgd, type Architecture, type SgdPool } from './projectedSgd64.js';
import { poolRows } from './sgdPool.js';

/**
 * Shamir 2018 Thm 4 as an experiment: projected SGD on u = (w, V) against the comparator
 * u* = (w_lin, 0), w_lin = argmin_{||w|| <= b} F_lin, with the explicit bound of online gradient
 * descent plus online-to-batch conversion [R, standard OGD], per seed:
 *   avg_t F(u_t, theta_t) - F_lin(w_lin) <= D0^2 / (2 eta T) + eta l^2 / 2 + 2 r sqrt(2 log(1/delta) / T)
 * with probability >= 1 - delta, where D0 = ||u_0 - u*|| is the realised distance from the start
 * to the comparator, l bounds ||grad_u ell|| and r bounds ell >= 0 over the ball and the pool
 * (data-dependent, computed from the pool, never typed in). The last term is Azuma's for the
 * martingale F(u_t) - F(u*) - (ell_t(u_t) - ell_t(u*)) with increments in [-2r, 2r].
 */
export interface SgdSetup {
  readonly pool: SgdPool;
  readonly arch: Architecture;
  readonly loss: Loss;
  readonly radius: number;
  readonly thetaRule: 'fresh' | 'fixed';
  /**
   * Start of every seed: 'random' (uniform in the ball), 'far' (on the sphere, on the side of the
   * ball away from the comparator, randomly tilted per seed: the theorem holds from any start,
   * and this one makes a learner that does not move pay a large excess), or a fixed (w, V).
   */
  readonly start: 'random' | 'far' | { readonly w: readonly number[]; readonly V: readonly number[] };
  /** 'theory' is eta = b / (l sqrt T); a number is a constant step (the rate mutant). */
  readonly eta: 'theory' | number;
  readonly seed: number;
}

export interface Constants {
  /** sup ||grad_u ell(p(u); y)|| over the ball and the pool (every theta of the bank). */
  readonly l: number;
  /** sup ell over the ball and the pool (the losses used here are >= 0). */
  readonly r: number;
  readonly minFLin: number;
  /** The comparator u* = (w_lin, 0). */
  readonly wLin: readonly number[];
}

/** Lipschitz constant l and loss range r over the ball, point by point, and the comparator. */
export function constants(s: SgdSetup): Constants {
  const { pool, radius: b, loss } = s;
  let l = 0;
  let r = 0;
  for (let i = 0; i < pool.n; i++) {
    const x = Math.hypot(...pool.X.subarray(i * pool.d, (i + 1) * pool.d));
    const y = Math.abs(pool.y[i]);
    for (const F of pool.bank) {
      const f = Math.hypot(...F.subarray(i * pool.k, (i + 1) * pool.k));
      // |p| <= P on the ball and ||d p / d u|| <= gp; for 'original' ||w||, ||V||_F <= b.
      const [P, gp] = s.arch === 'tweaked' ? [b * Math.hypot(x, f), Math.hypot(x, f)] : [b * (x + b * f), Math.hypot(x + b * f, b * f)];
      l = Math.max(l, loss.lipschitz(P, y) * gp);
      r = Math.max(r, loss.bound(P, y));
    }
  }
  const lin = bestLinearPredictor(poolRows(pool), Array.from(pool.y), loss, { radius: b });
  return { l, r, minFLin: lin.value, wLin: lin.w };
}

/** Step size of a run of T steps. */
export function stepSize(s: SgdSetup, c: Constants, T: number): number {
  return s.eta === 'theory' ? s.radius / (c.l * Math.sqrt(T)) : s.eta;
}

/** The per-seed bound on avg F - F_lin(w_lin) for a run from distance D0 with step eta. */
export function ogdBound(c: Constants, D0: number, eta: number, T: number, delta: number): number {
  return (D0 * D0) / (2 * eta * T) + (eta * c.l * c.l) / 2 + 2 * c.r * Math.sqrt((2 * Math.log(1 / delta)) / T);
}

export function startFor(s: SgdSetup, c: Constants, seed: number): { w: number[]; V: number[] } {
  const vLen = s.arch === 'tweaked' ? s.pool.k : s.pool.d * s.pool.k;
  if (s.start !== 'random' && s.start !== 'far') return { w: [...s.start.w], V: [...s.start.V] };
  const rng = new Rng(fold(keyFromSeed(s.seed), `start-${seed}`));
  const g = Array.from(rng.normals(s.pool.d + vLen));
  if (s.start === 'far') {
    // Away from the comparator: -u*/||u*|| plus a random tilt of norm ~0.5, scaled onto the sphere.
    const nu = Math.hypot(...c.wLin) || 1;
    const gn = Math.hypot(...g) || 1;
    const dir = g.map((x, i) => (i < s.pool.d ? -c.wLin[i] / nu : 0) + (0.5 * x) / gn);
    const nd = Math.hypot(...dir);
    const all = dir.map((x) => (s.radius * x) / nd);
    return { w: all.slice(0, s.pool.d), V: all.slice(s.pool.d) };
  }
  const scale = (s.radius * Math.pow(rng.uniform(), 1 / g.length)) / Math.hypot(...g);
  const all = g.map((x) => x * scale);
  return { w: all.slice(0, s.pool.d), V: all.slice(s.pool.d) };
}

export interface SeedRun {
  readonly avgF: number;
  /** Realised distance from the start to the comparator (u*, 0). */
  readonly D0: number;
}

/** R seeds of projected SGD for T steps with step eta: average population loss and D0 each. */
export function sgdSeeds(s: SgdSetup, T: number, seeds: number, c: Constants, eta: number): SeedRun[] {
  return Array.from({ length: seeds }, (_, i) => {
    const { w, V } = startFor(s, c, i);
    const D0 = Math.hypot(...w.map((x, a) => x - c.wLin[a]), ...V);
    const avgF = runProjectedSgd(s.pool, {
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
    return { avgF, D0 };
  });
}

export interface SeedMargins {
  readonly constants: Constants;
  readonly eta: number;
  /** Per seed: excess avg F - F_lin(w_lin), its bound and the margin bound - excess. */
  readonly excess: number[];
  readonly bounds: number[];
  readonly margins: number[];
}

/**
 * Per seed, the margin of Thm 4's explicit bound at T steps. `runEta` is the step actually run
 * (the step-size-zero power mutant runs 0 but is judged by the bound of the theory step).
 */
export function thm4Margins(s: SgdSetup, T: number, seeds: number, delta: number, runEta?: number): SeedMargins {
  const c = constants(s);
  const eta = stepSize(s, c, T);
  const runs = sgdSeeds(s, T, seeds, c, runEta ?? eta);
  const excess = runs.map((r) => r.avgF - c.minFLin);
  const bounds = runs.map((r) => ogdBound(c, r.D0, eta, T, delta));
  return { constants: c, eta, excess, bounds, margins: bounds.map((b, i) => b - excess[i]) };
}
