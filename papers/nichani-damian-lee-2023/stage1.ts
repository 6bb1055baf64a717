/**
 * Stage 1 of Nichani, Damian & Lee's layer-wise algorithm (Algorithm 1): one gradient step on the
 * middle layer W from W0 = 0. At W0 = 0 the network is a constant, and the step makes every
 * hidden unit's pre-activation a multiple of one learned feature
 *
 *   phi(x) = sigma2(V x)^T u,   u = mean over D1 of (y' - ybar) sigma2(V x'),
 *
 * i.e. phi = (1/|D1|) sum (y' - ybar) Khat(x', .) up to the factor m2 (catalog, "Reference
 * implementation"). The step size eta1 only scales phi, and stage 2 standardises phi, so eta1
 * drops out of everything measured here (it is not tuned: there is nothing to tune).
 *
 * V (m2 x d) has rows uniform on the unit sphere and is fixed. sigma2 is the centred ReLU
 * relu(z) - 1/sqrt(2 pi), He2 (z^2 - 1)/sqrt(2) (no Hermite part of degree 0 or 1), or the
 * identity (the ~linear-inner-activation mutant).
 *
 * Cost: the general path is O(n m2 d) multiply-adds in float64, row by row (nothing of size
 * n x m2 is ever stored). For He2 the same quantities have a closed form of cost
 * O((n + m2) d^2): with r = y - ybar (sum r = 0),
 *   u_j = v_j^T S v_j / sqrt(2),  S = mean r x x^T,
 *   phi(x) = (x^T M x - sum_j u_j) / sqrt(2),  M = sum_j u_j v_j v_j^T,
 * which is what makes the catalog's m2 = 8000, n = 8000 affordable; the spec checks the two paths
 * agree.
 */
import { Rng, type Key } from 'claimcheck/core';

export type InnerActivation = 'relu' | 'he2' | 'linear';

const RELU_MEAN = 1 / Math.sqrt(2 * Math.PI);

export function sigma2(kind: InnerActivation, z: number): number {
  switch (kind) {
    case 'relu':
      return (z > 0 ? z : 0) - RELU_MEAN;
    case 'he2':
      return (z * z - 1) / Math.SQRT2;
    case 'linear':
      return z;
  }
}

/**
 * sigma2 applied in place, one loop per activation (the same float64 expressions as `sigma2`, so
 * the same float32 results; a switch per element cost ~1/3 of the centred-ReLU stage 1).
 */
export function applySigma2(kind: InnerActivation, block: Float32Array): void {
  const n = block.length;
  if (kind === 'relu') {
    for (let i = 0; i < n; i++) {
      const z = block[i];
      block[i] = (z > 0 ? z : 0) - RELU_MEAN;
    }
  } else if (kind === 'he2') {
    for (let i = 0; i < n; i++) {
      const z = block[i];
      block[i] = (z * z - 1) / Math.SQRT2;
    }
  }
  // 'linear': the identity, nothing to apply.
}

/** m2 x d matrix whose rows are uniform on the unit sphere. */
export function sphereDirections(m2: number, d: number, key: Key): Float64Array {
  const V = new Rng(key).normals(m2 * d);
  for (let j = 0; j < m2; j++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += V[j * d + t] ** 2;
    const c = 1 / Math.sqrt(s);
    for (let t = 0; t < d; t++) V[j * d + t] *= c;
  }
  return V;
}

export interface LearnedFeature {
  readonly kind: InnerActivation;
  readonly d: number;
  readonly m2: number;
  readonly V: Float64Array;
  /** The stage-1 weights u (length m2). */
  readonly u: Float64Array;
  /** He2 only: M = sum_j u_j v_j v_j^T (d x d) and sum_j u_j, for the closed form. */
  readonly M?: Float64Array;
  readonly uSum?: number;
}

function centred(y: Float64Array, n: number): Float64Array {
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  return Float64Array.from(y.subarray(0, n), (v) => v - m);
}

/** Stage 1 by the definition: u_j = mean_i r_i sigma2(v_j . x_i), O(n m2 d). */
export function learnFeatureDirect(
  kind: InnerActivation,
  X: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  V: Float64Array,
  m2: number,
): LearnedFeature {
  if (!(n >= 1) || X.length < n * d || y.length < n)
    throw new RangeError(`learnFeatureDirect: need n >= 1 rows of X (n x ${d}) and y, got n = ${n}`);
  const r = centred(y, n);
  const u = new Float64Array(m2);
  for (let i = 0; i < n; i++) {
    const ri = r[i] / n;
    if (ri === 0) continue;
    const o = i * d;
    for (let j = 0; j < m2; j++) {
      const p = j * d;
      let z = 0;
      for (let t = 0; t < d; t++) z += V[p + t] * X[o + t];
      u[j] += ri * sigma2(kind, z);
    }
  }
  return { kind, d, m2, V, u };
}

/** He2 stage 1 in closed form, O((n + m2) d^2); identical in exact arithmetic to the direct path. */
export function learnFeatureHe2(X: Float64Array, y: Float64Array, n: number, d: number, V: Float64Array, m2: number): LearnedFeature {
  if (!(n >= 1) || X.length < n * d || y.length < n)
    throw new RangeError(`learnFeatureHe2: need n >= 1 rows of X (n x ${d}) and y, got n = ${n}`);
  const r = centred(y, n);
  const S = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const o = i * d,
      ri = r[i] / n;
    for (let a = 0; a < d; a++) {
      const xa = ri * X[o + a];
      for (let b = 0; b <= a; b++) S[a * d + b] += xa * X[o + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) S[b * d + a] = S[a * d + b];
  // sum r = 0 exactly in exact arithmetic; keep its float64 residue so the two paths agree to rounding.
  let rSum = 0;
  for (let i = 0; i < n; i++) rSum += r[i] / n;
  const u = new Float64Array(m2);
  const M = new Float64Array(d * d);
  let uSum = 0;
  for (let j = 0; j < m2; j++) {
    const p = j * d;
    let q = 0;
    for (let a = 0; a < d; a++) {
      let t = 0;
      for (let b = 0; b < d; b++) t += S[a * d + b] * V[p + b];
      q += V[p + a] * t;
    }
    const uj = (q - rSum) / Math.SQRT2;
    u[j] = uj;
    uSum += uj;
    for (let a = 0; a < d; a++) {
      const va = uj * V[p + a];
      for (let b = 0; b < d; b++) M[a * d + b] += va * V[p + b];
    }
  }
  return { kind: 'he2', d, m2, V, u, M, uSum };
}

/** phi(x) = sigma2(V x)^T u for the n rows of X; the closed form when it is available. */
export function evalFeature(f: LearnedFeature, X: Float64Array, n: number, direct = false): Float64Array {
  const { d, m2, V, u, kind } = f;
  if (X.length < n * d) throw new RangeError(`evalFeature: X has ${X.length} entries, need n * d = ${n * d}`);
  const out = new Float64Array(n);
  if (!direct && f.M !== undefined && f.uSum !== undefined) {
    const M = f.M;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let s = 0;
      for (let a = 0; a < d; a++) {
        let t = 0;
        for (let b = 0; b < d; b++) t += M[a * d + b] * X[o + b];
        s += X[o + a] * t;
      }
      out[i] = (s - f.uSum) / Math.SQRT2;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let s = 0;
    for (let j = 0; j < m2; j++) {
      const p = j * d;
      let z = 0;
      for (let t = 0; t < d; t++) z += V[p + t] * X[o + t];
      s += u[j] * sigma2(kind, z);
    }
    out[i] = s;
  }
  return out;
}

/** Pearson correlation of two equally long samples (NaN if either is constant). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length || n < 2) throw new RangeError(`pearson: need two samples of equal length >= 2, got ${n} and ${b.length}`);
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma,
      y = b[i] - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
