import { fold, Rng, type Key } from 'claimcheck/core';
import type { SgdPool } from './projectedSgd64.js';

/**
 * The population of Shamir 2018 Thm 4's check: a fixed pool with ||x|| <= 1 and tanh features
 * f_theta(x) = tanh(theta x) / sqrt(k), so ||f|| <= 1 (the catalog's choice, giving the logistic
 * loss the Lipschitz constant sqrt 2 in (w, v)). Labels are +-1 from a noisy linear teacher.
 */
export interface TanhPoolSpec {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** Number of thetas the per-step rule picks from. */
  readonly bankSize: number;
  /** Entries of theta are N(0, thetaStd^2) (catalog: N(0, 9)). */
  readonly thetaStd: number;
  /** Standard deviation of the label noise added before taking the sign. */
  readonly labelNoise: number;
  readonly key: Key;
}

export function makeTanhPool(spec: TanhPoolSpec): SgdPool {
  const { n, d, k } = spec;
  const rx = new Rng(fold(spec.key, 'x'));
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    // Uniform in the unit ball: Gaussian direction, radius U^(1/d).
    const g = rx.normals(d);
    const r = Math.pow(rx.uniform(), 1 / d) / Math.hypot(...g);
    for (let a = 0; a < d; a++) X[i * d + a] = g[a] * r;
  }
  const rt = new Rng(fold(spec.key, 'teacher'));
  const u = rt.normals(d);
  const un = Math.hypot(...u);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < d; a++) s += (u[a] / un) * X[i * d + a];
    y[i] = s + spec.labelNoise * rt.normal() >= 0 ? 1 : -1;
  }
  const bank: Float64Array[] = [];
  for (let m = 0; m < spec.bankSize; m++) {
    const theta = new Rng(fold(fold(spec.key, 'theta'), m)).normals(k * d, spec.thetaStd);
    const F = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let a = 0; a < d; a++) s += theta[c * d + a] * X[i * d + a];
        F[i * k + c] = Math.tanh(s) / Math.sqrt(k);
      }
    }
    bank.push(F);
  }
  return { n, d, k, X, y, bank };
}

/** Example 1 of Shamir 2018 as a one-point pool: x = y = 1, f(x) = eps x. */
export function exampleOnePool(eps: number): SgdPool {
  return { n: 1, d: 1, k: 1, X: Float64Array.of(1), y: Float64Array.of(1), bank: [Float64Array.of(eps)] };
}

/** The pool's inputs as plain rows, for the float64 linear solvers. */
export function poolRows(pool: SgdPool): number[][] {
  return Array.from({ length: pool.n }, (_, i) => Array.from(pool.X.subarray(i * pool.d, (i + 1) * pool.d)));
}
