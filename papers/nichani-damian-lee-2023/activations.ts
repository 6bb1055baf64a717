/**
 * Stage 1 of Nichani, Damian & Lee for inner activations without a closed form (centred ReLU,
 * identity), at the catalog's sizes: the products Z = X V^T (n x m2, inner dimension d) go
 * through one float32 TF.js matMul per block of rows (wasm: ~20-29 GFLOP/s against ~1 in float64
 * JS loops), sigma2 and every sum over rows or units are then float64. The float32 rounding of
 * z = v . x (relative ~1e-7) moves a correlation by far less than any threshold used; the float64
 * reference path is `ndlStage1.learnFeatureDirect` / `evalFeature`, and the spec compares the two.
 *
 * `activationMatrix` keeps sigma2(Z) (float32) when the same rows are reused for many features
 * (the test set of a correlation curve over n).
 */
import { tf } from 'claimcheck/core';
import { applySigma2, type LearnedFeature, type InnerActivation } from './stage1.js';

const BLOCK = 1024;

/** Calls `each(block, r0, rows)` with sigma2(X V^T) for consecutive blocks of rows (float32, rows x m2). */
export function forEachActivationBlock(
  kind: InnerActivation,
  X: Float64Array,
  n: number,
  d: number,
  V: Float64Array,
  m2: number,
  each: (block: Float32Array, r0: number, rows: number) => void,
): void {
  if (X.length < n * d) throw new RangeError(`forEachActivationBlock: X has ${X.length} entries, need ${n} x ${d}`);
  const Vt = new Float32Array(d * m2);
  for (let j = 0; j < m2; j++) for (let t = 0; t < d; t++) Vt[t * m2 + j] = V[j * d + t];
  const vt = tf.tensor2d(Vt, [d, m2]);
  try {
    for (let r0 = 0; r0 < n; r0 += BLOCK) {
      const rows = Math.min(BLOCK, n - r0);
      const z = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(X.subarray(r0 * d, (r0 + rows) * d)), [rows, d]), vt));
      const block = z.dataSync() as Float32Array;
      z.dispose();
      applySigma2(kind, block);
      each(block, r0, rows);
    }
  } finally {
    vt.dispose();
  }
}

/** sigma2(X V^T) as one float32 n x m2 matrix. */
export function activationMatrix(kind: InnerActivation, X: Float64Array, n: number, d: number, V: Float64Array, m2: number): Float32Array {
  const out = new Float32Array(n * m2);
  forEachActivationBlock(kind, X, n, d, V, m2, (block, r0) => out.set(block, r0 * m2));
  return out;
}

/** Stage 1 u = mean r_i sigma2(V x_i) (r = y - ybar), with float32 products and float64 sums. */
export function learnFeatureBlocked(
  kind: InnerActivation,
  X: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  V: Float64Array,
  m2: number,
): LearnedFeature {
  if (!(n >= 1) || y.length < n) throw new RangeError(`learnFeatureBlocked: need n >= 1 rows, got ${n}`);
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i];
  ybar /= n;
  const u = new Float64Array(m2);
  forEachActivationBlock(kind, X, n, d, V, m2, (block, r0, rows) => {
    for (let p = 0; p < rows; p++) {
      const ri = (y[r0 + p] - ybar) / n,
        o = p * m2;
      for (let j = 0; j < m2; j++) u[j] += ri * block[o + j];
    }
  });
  return { kind, d, m2, V, u };
}

/**
 * Stage 1 for several nested D1 = the first n1 rows (n1 in `n1s`, ascending), in one pass over
 * the largest: u(n1)_j = (A_j(n1) - ybar(n1) B_j(n1)) / n1 with the prefix sums A_j = sum y_i s_ij
 * and B_j = sum s_ij (float64), read off when the pass reaches n1. Equal in exact arithmetic to
 * `learnFeatureBlocked` on each prefix (which would recompute the first rows' activations once
 * per n1); the spec compares them.
 */
export function learnFeaturesNested(
  kind: InnerActivation,
  X: Float64Array,
  y: Float64Array,
  n1s: readonly number[],
  d: number,
  V: Float64Array,
  m2: number,
): LearnedFeature[] {
  if (n1s.length === 0) return [];
  for (let k = 0; k < n1s.length; k++) {
    if (!(Number.isInteger(n1s[k]) && n1s[k] >= 1) || (k > 0 && n1s[k] <= n1s[k - 1]))
      throw new RangeError(`learnFeaturesNested: n1s must be ascending positive integers, got ${n1s.join(', ')}`);
  }
  const nMax = n1s[n1s.length - 1];
  if (y.length < nMax) throw new RangeError(`learnFeaturesNested: need ${nMax} labels, got ${y.length}`);
  const A = new Float64Array(m2),
    B = new Float64Array(m2);
  const out: LearnedFeature[] = [];
  let next = 0,
    ySum = 0;
  const snapshot = (n1: number) => {
    const ybar = ySum / n1;
    const u = new Float64Array(m2);
    for (let j = 0; j < m2; j++) u[j] = (A[j] - ybar * B[j]) / n1;
    out.push({ kind, d, m2, V, u });
  };
  forEachActivationBlock(kind, X, nMax, d, V, m2, (block, r0, rows) => {
    for (let p = 0; p < rows; p++) {
      const yi = y[r0 + p],
        o = p * m2;
      ySum += yi;
      for (let j = 0; j < m2; j++) {
        const s = block[o + j];
        A[j] += yi * s;
        B[j] += s;
      }
      while (next < n1s.length && n1s[next] === r0 + p + 1) snapshot(n1s[next++]);
    }
  });
  return out;
}

/** phi = S u for a stored activation matrix S (rows x m2). */
export function featureFromActivations(S: Float32Array, rows: number, m2: number, u: Float64Array): Float64Array {
  const out = new Float64Array(rows);
  for (let p = 0; p < rows; p++) {
    let s = 0;
    const o = p * m2;
    for (let j = 0; j < m2; j++) s += S[o + j] * u[j];
    out[p] = s;
  }
  return out;
}

/** phi(x) = sigma2(V x)^T u for n rows, blockwise. */
export function evalFeatureBlocked(f: LearnedFeature, X: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  forEachActivationBlock(f.kind, X, n, f.d, f.V, f.m2, (block, r0, rows) => out.set(featureFromActivations(block, rows, f.m2, f.u), r0));
  return out;
}
