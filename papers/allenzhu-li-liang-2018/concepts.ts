/**
 * Inputs and concept classes of Allen-Zhu, Li & Liang 2018 (catalog
 * shared/claims/allenzhu-li-liang-2018.md): the bias-coordinate sphere inputs, the random
 * two-layer and three-layer smooth concepts, and the experiment's R^4 target. Plain float64; every
 * draw comes from the given Rng, so a concept is a pure function of its key.
 */
import type { Rng } from 'claimcheck/core';

/** Rows of n inputs in R^d, row-major. */
export interface Inputs {
  readonly n: number;
  readonly d: number;
  readonly X: Float64Array;
}

function unitVector(rng: Rng, k: number): Float64Array {
  for (;;) {
    const g = rng.normals(k);
    let s = 0;
    for (let i = 0; i < k; i++) s += g[i] * g[i];
    if (s > 1e-24) {
      const inv = 1 / Math.sqrt(s);
      for (let i = 0; i < k; i++) g[i] *= inv;
      return g;
    }
  }
}

/** The catalog's inputs: x = (sqrt(3)/2 u, 1/2), u uniform on the unit sphere of R^{d-1}, so ||x|| = 1. */
export function biasSphereInputs(rng: Rng, n: number, d: number): Inputs {
  if (!(d >= 2)) throw new RangeError(`biasSphereInputs: d must be >= 2, got ${d}`);
  const X = new Float64Array(n * d);
  const c = Math.sqrt(3) / 2;
  for (let r = 0; r < n; r++) {
    const u = unitVector(rng, d - 1);
    for (let i = 0; i < d - 1; i++) X[r * d + i] = c * u[i];
    X[r * d + d - 1] = 0.5;
  }
  return { n, d, X };
}

/** The experiment's inputs [R]: x = g / ||g||, g ~ N(0, I_d) ("normalized random Gaussian"). */
export function gaussianSphereInputs(rng: Rng, n: number, d: number): Inputs {
  const X = new Float64Array(n * d);
  for (let r = 0; r < n; r++) X.set(unitVector(rng, d), r * d);
  return { n, d, X };
}

export type Smooth = 'sin' | 'tanh' | 'exp' | 'cube';

export function smooth(f: Smooth, z: number): number {
  switch (f) {
    case 'sin':
      return Math.sin(z);
    case 'tanh':
      return Math.tanh(z);
    case 'exp':
      return Math.exp(z) / Math.E;
    case 'cube':
      return z * z * z;
  }
}

/** The catalog's thm1 cycle of phi_i: sin, tanh, exp(z)/e, z^3. */
export const TWO_LAYER_CYCLE: readonly Smooth[] = ['sin', 'tanh', 'exp', 'cube'];

/** A scalar target on R^d: y = f(x). */
export interface Concept {
  readonly d: number;
  readonly evaluate: (x: Float64Array, offset: number) => number;
}

/**
 * Two-layer concept with k = 1: F*(x) = sum_{i<=p} a*_i phi_i(R <w*_{1,i}, x>) <w*_{2,i}, x>, unit
 * w*, a* ~ U(-1, 1), phi_i cycling through `TWO_LAYER_CYCLE`. R = 1 is the catalog's concept; a
 * larger R (the catalog's complexity C_eps(phi, R)) moves weight to higher-degree terms of phi.
 */
export function twoLayerConcept(rng: Rng, d: number, p: number, R = 1): Concept {
  const a = Array.from({ length: p }, () => 2 * rng.uniform() - 1);
  const w1 = Array.from({ length: p }, () => unitVector(rng, d).map((v) => R * v));
  const w2 = Array.from({ length: p }, () => unitVector(rng, d));
  const phi = Array.from({ length: p }, (_, i) => TWO_LAYER_CYCLE[i % TWO_LAYER_CYCLE.length]);
  return {
    d,
    evaluate: (x, o) => {
      let y = 0;
      for (let i = 0; i < p; i++) {
        let s1 = 0,
          s2 = 0;
        for (let t = 0; t < d; t++) {
          s1 += w1[i][t] * x[o + t];
          s2 += w2[i][t] * x[o + t];
        }
        y += a[i] * smooth(phi[i], s1) * s2;
      }
      return y;
    },
  };
}

/**
 * Three-layer concept with k = 1 [R: Phi = tanh, phi_1 = sin, phi_2 = tanh]:
 * F*(x) = sum_{i<=p1} a*_i tanh( sum_{j<=p2} v*_{1,i,j} sin(R <w*_{1,j}, x>) ) * ( sum_{j<=p2} v*_{2,i,j} tanh(R <w*_{2,j}, x>) ),
 * unit w* and unit rows v*, a* ~ U(-1, 1). R = 1 is the unit-norm concept; a larger R (the
 * catalog's complexity C_eps(phi, R)) moves weight to higher-degree terms.
 */
export function threeLayerConcept(rng: Rng, d: number, p1: number, p2: number, R = 1): Concept {
  const a = Array.from({ length: p1 }, () => 2 * rng.uniform() - 1);
  const w1 = Array.from({ length: p2 }, () => unitVector(rng, d).map((v) => R * v));
  const w2 = Array.from({ length: p2 }, () => unitVector(rng, d).map((v) => R * v));
  const v1 = Array.from({ length: p1 }, () => unitVector(rng, p2));
  const v2 = Array.from({ length: p1 }, () => unitVector(rng, p2));
  const g1 = new Float64Array(p2),
    g2 = new Float64Array(p2);
  return {
    d,
    evaluate: (x, o) => {
      for (let j = 0; j < p2; j++) {
        let s1 = 0,
          s2 = 0;
        for (let t = 0; t < d; t++) {
          s1 += w1[j][t] * x[o + t];
          s2 += w2[j][t] * x[o + t];
        }
        g1[j] = Math.sin(s1);
        g2[j] = Math.tanh(s2);
      }
      let y = 0;
      for (let i = 0; i < p1; i++) {
        let u1 = 0,
          u2 = 0;
        for (let j = 0; j < p2; j++) {
          u1 += v1[i][j] * g1[j];
          u2 += v2[i][j] * g2[j];
        }
        y += a[i] * Math.tanh(u1) * u2;
      }
      return y;
    },
  };
}

/** The experiment's target on R^4 [V2]: (sin 3x1 + sin 3x2 + sin 3x3 - 2)^2 cos 7x4. */
export const EXPERIMENT_TARGET: Concept = {
  d: 4,
  evaluate: (x, o) => {
    const s = Math.sin(3 * x[o]) + Math.sin(3 * x[o + 1]) + Math.sin(3 * x[o + 2]) - 2;
    return s * s * Math.cos(7 * x[o + 3]);
  },
};

export function labels(f: Concept, inputs: Inputs, scale = 1): Float64Array {
  if (inputs.d !== f.d) throw new RangeError(`labels: concept is on R^${f.d}, inputs on R^${inputs.d}`);
  const y = new Float64Array(inputs.n);
  for (let r = 0; r < inputs.n; r++) y[r] = scale * f.evaluate(inputs.X, r * inputs.d);
  return y;
}

export function mean(y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i];
  return s / y.length;
}

export function variance(y: ArrayLike<number>): number {
  const m = mean(y);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - m) ** 2;
  return s / y.length;
}
