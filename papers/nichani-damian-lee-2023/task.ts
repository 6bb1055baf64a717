/**
 * Targets of Nichani, Damian & Lee 2023 (catalog: shared/claims/nichani-damian-lee-2023.md),
 * f* = g* o h* with g* = ReLU:
 *
 * - 'quadratic' (the catalog's reference implementation [C]): x uniform on the sphere of radius
 *   sqrt(d) ([R] for the paper's X_d); A = the symmetrised Gaussian matrix (G + G^T)/2 with its
 *   trace removed and ||A||_F = 1; h*(x) = x^T A x / sqrt(2d/(d+2)), which has mean 0 and
 *   variance exactly 1 on that sphere (E (x^T A x)^2 = 2 d/(d+2) ||A||_F^2 when tr A = 0).
 * - 'single-index': x ~ N(0, I_d), beta uniform on the unit sphere, h*(x) = beta^T x.
 *
 * Everything is drawn from a Key (random.ts): the instance (A or beta) from fold(key, 'target'),
 * each sample from the key passed to `sample`, so the data of one seed never depends on others.
 */
import { fold, Rng, type Key } from 'claimcheck/core';

export type NdlTargetKind = 'quadratic' | 'single-index';

export interface NdlSample {
  readonly n: number;
  readonly d: number;
  /** n x d row-major inputs. */
  readonly X: Float64Array;
  /** h*(x) per row (the true feature). */
  readonly h: Float64Array;
  /** y = ReLU(h*(x)) per row. */
  readonly y: Float64Array;
}

export interface NdlTask {
  readonly kind: NdlTargetKind;
  readonly d: number;
  /** d x d row-major A (quadratic) or the d-vector beta (single-index). */
  readonly param: Float64Array;
  /** The true feature h*(x) of one input row. */
  feature(x: Float64Array, offset?: number): number;
  sample(n: number, key: Key): NdlSample;
}

/** The quadratic instance's A: symmetric, trace 0, Frobenius norm 1. Needs d >= 2. */
export function traceFreeSymmetric(d: number, rng: Rng): Float64Array {
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`traceFreeSymmetric: d must be an integer >= 2, got ${d}`);
  const G = rng.normals(d * d);
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = 0.5 * (G[i * d + j] + G[j * d + i]);
  let tr = 0;
  for (let i = 0; i < d; i++) tr += A[i * d + i];
  for (let i = 0; i < d; i++) A[i * d + i] -= tr / d;
  let f = 0;
  for (let i = 0; i < d * d; i++) f += A[i] * A[i];
  const s = 1 / Math.sqrt(f);
  for (let i = 0; i < d * d; i++) A[i] *= s;
  return A;
}

/** x^T A x for row `off` of a row-major buffer. */
export function quadraticForm(A: Float64Array, d: number, x: Float64Array, off = 0): number {
  let s = 0;
  for (let i = 0; i < d; i++) {
    let t = 0;
    for (let j = 0; j < d; j++) t += A[i * d + j] * x[off + j];
    s += x[off + i] * t;
  }
  return s;
}

/** n rows uniform on the sphere of radius sqrt(d) (normalised Gaussians). */
export function sphereRows(n: number, d: number, rng: Rng): Float64Array {
  const X = rng.normals(n * d);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[r * d + j] ** 2;
    const c = Math.sqrt(d / s);
    for (let j = 0; j < d; j++) X[r * d + j] *= c;
  }
  return X;
}

/**
 * diag(1, -1, 1, -1, ...) / sqrt(d) for even d: trace 0, ||A||_F = 1 (the ~linear-inner-activation
 * mutant's shrunk instance at d = 2 is A = diag(1, -1)/sqrt(2)).
 */
export function alternatingDiagonal(d: number): Float64Array {
  if (!Number.isInteger(d) || d < 2 || d % 2 !== 0) throw new RangeError(`alternatingDiagonal: d must be an even integer >= 2, got ${d}`);
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) A[i * d + i] = (i % 2 === 0 ? 1 : -1) / Math.sqrt(d);
  return A;
}

/** `structure` 'diagonal' (quadratic only, even d) replaces the random A by alternatingDiagonal(d). */
export function makeNdlTask(kind: NdlTargetKind, d: number, key: Key, structure: 'random' | 'diagonal' = 'random'): NdlTask {
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`makeNdlTask: d must be an integer >= 2, got ${d}`);
  if (structure === 'diagonal' && kind !== 'quadratic')
    throw new RangeError('makeNdlTask: a diagonal A exists for the quadratic target only');
  const rng = new Rng(fold(key, 'target'));
  let param: Float64Array;
  let feature: (x: Float64Array, off?: number) => number;
  if (kind === 'quadratic') {
    param = structure === 'diagonal' ? alternatingDiagonal(d) : traceFreeSymmetric(d, rng);
    const scale = 1 / Math.sqrt((2 * d) / (d + 2));
    feature = (x, off = 0) => scale * quadraticForm(param, d, x, off);
  } else {
    param = rng.normals(d);
    const norm = Math.hypot(...param);
    for (let j = 0; j < d; j++) param[j] /= norm;
    feature = (x, off = 0) => {
      let s = 0;
      for (let j = 0; j < d; j++) s += param[j] * x[off + j];
      return s;
    };
  }
  return {
    kind,
    d,
    param,
    feature,
    sample(n: number, sampleKey: Key): NdlSample {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`NdlTask.sample: n must be a positive integer, got ${n}`);
      const r = new Rng(sampleKey);
      const X = kind === 'quadratic' ? sphereRows(n, d, r) : r.normals(n * d);
      const h = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        h[i] = feature(X, i * d);
        y[i] = Math.max(0, h[i]);
      }
      return { n, d, X, h, y };
    },
  };
}
