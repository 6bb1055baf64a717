/**
 * Ridge systems (A + mu I) X = B by conjugate gradients (Hestenes & Stiefel 1952) in float32
 * TF.js, for n where float64 Cholesky is too slow (n^3 / 3 flops: ~35 s at n = 5000 in JS).
 * One iteration is one [n, n] x [n, k] matMul (~27 ms at n = 5000, k = 10 on wasm) plus a few
 * [n, k] ops; the k columns run as k independent CGs in lockstep (per-column step sizes).
 *
 * Float32 alone stalls near 1e-6 relative residual, so the solve is wrapped in mixed-precision
 * iterative refinement (Wilkinson; Moler 1967): the residual R = B - (A + mu I) X is computed in
 * float64 on the JS side, float32 CG solves (A + mu I) D = R, X += D, until the float64
 * residual is below `tol`. The ridge grid is walked from the largest mu down, each solve warm
 * started from the previous one: the residual of the old X under the new mu is
 * R_old - (mu - mu_old) X_old, so a warm start costs no extra product with A.
 * CG never throws for lack of convergence: after maxPasses it returns what it has, and the
 * reported float64 `residual` is what callers compare with their tolerance.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertGram, float32Data, type FlatMatrix } from '../kernels/Gram.js';
import { checkRidges, ridgeResidual, type RidgeSolution } from './ridgeResidual.js';

export interface CgOptions {
  /** Target float64 relative residual ||B - (A + mu I) X||_F / ||B||_F; default 1e-6. */
  readonly tol?: number;
  /** Tightest per-column relative residual a float32 CG pass aims for; default 1e-4. */
  readonly innerTol?: number;
  /** Iteration cap per CG pass; default 1000. */
  readonly maxIter?: number;
  /** Refinement passes (float32 CG solves) per mu; default 5. */
  readonly maxPasses?: number;
}

/** float32 CG on (A + mu I) D = rhs from D = 0; rhs is scaled to unit norm first. */
function cgPass(
  A: tf.Tensor2D,
  rhs: Float64Array,
  k: number,
  mu: number,
  tol: number,
  maxIter: number,
): { D: Float64Array; iterations: number } {
  const n = A.shape[0];
  let scale = 0;
  for (const v of rhs) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return { D: new Float64Array(n * k), iterations: 0 };
  const b = new Float32Array(n * k);
  for (let i = 0; i < b.length; i++) b[i] = rhs[i] / scale;
  let X = tf.zeros([n, k]) as tf.Tensor2D;
  let R = tf.tensor2d(b, [n, k]);
  let P = tf.clone(R);
  let rs = tf.tidy(() => tf.sum(tf.square(R), 0));
  const threshold = Float64Array.from(rs.dataSync(), (v) => tol * tol * v);
  let iterations = 0;
  try {
    for (; iterations < maxIter; iterations++) {
      const current = rs.dataSync();
      if (current.every((v, c) => v <= threshold[c])) break;
      const next = tf.tidy(() => {
        const Q = tf.add(tf.matMul(A, P), tf.mul(P, mu));
        const alpha = tf.divNoNan(rs, tf.sum(tf.mul(P, Q), 0));
        const Xn = tf.add(X, tf.mul(P, alpha));
        const Rn = tf.sub(R, tf.mul(Q, alpha));
        const rsn = tf.sum(tf.square(Rn), 0);
        const Pn = tf.add(Rn, tf.mul(P, tf.divNoNan(rsn, rs)));
        return [Xn, Rn, Pn, rsn];
      });
      tf.dispose([X, R, P, rs]);
      [X, R, P, rs] = next as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    }
    const D = Float64Array.from(X.dataSync(), (v) => v * scale);
    return { D, iterations };
  } finally {
    tf.dispose([X, R, P, rs]);
  }
}

export function cgRidgePath(A: FlatMatrix, B: FlatMatrix, mus: readonly number[], options: CgOptions = {}): RidgeSolution[] {
  assertGram(A, 'A', A.rows, A.rows);
  assertGram(B, 'B', A.rows);
  checkRidges(mus, 'mus');
  const tol = options.tol ?? 1e-6;
  const innerTol = options.innerTol ?? 1e-4;
  const maxIter = options.maxIter ?? 1000;
  const maxPasses = options.maxPasses ?? 5;
  const n = A.rows;
  const k = B.cols;
  const b = Float64Array.from(B.data);
  let bNorm = 0;
  for (const v of b) bNorm += v * v;
  bNorm = Math.sqrt(bNorm);
  const order = mus.map((_, i) => i).sort((i, j) => mus[j] - mus[i]);
  const out = new Array<RidgeSolution>(mus.length);
  const At = tf.tensor2d(float32Data(A), [n, n]);
  try {
    let X: Float64Array = new Float64Array(n * k);
    let R: Float64Array = Float64Array.from(b);
    let prevMu: number | undefined;
    for (const idx of order) {
      const mu = mus[idx];
      if (prevMu !== undefined) for (let i = 0; i < R.length; i++) R[i] -= (mu - prevMu) * X[i];
      X = Float64Array.from(X);
      let rel = frob(R) / (bNorm || 1);
      let iterations = 0;
      for (let pass = 0; pass < maxPasses && rel > tol; pass++) {
        // The correction only needs relative accuracy ~ tol / rel (a third of it, for margin):
        // later passes stop early instead of re-converging to innerTol.
        const passTol = Math.min(0.5, Math.max(innerTol, tol / rel / 3));
        const { D, iterations: it } = cgPass(At, R, k, mu, passTol, maxIter);
        iterations += it;
        for (let i = 0; i < X.length; i++) X[i] += D[i];
        ({ R, relative: rel } = ridgeResidual(A, X, b, k, mu));
      }
      out[idx] = { mu, X, residual: rel, solver: 'cg', iterations };
      prevMu = mu;
    }
  } finally {
    At.dispose();
  }
  return out;
}

function frob(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}
