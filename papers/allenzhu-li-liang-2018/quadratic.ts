/**
 * Degree-2 least squares, the classical baseline of issue 13: ridge regression on every monomial
 * of degree <= 2 of the input (1, x_i, x_i x_j for i <= j), the ridge chosen on a held-out 20% of
 * the training rows, float64 normal equations solved by core's choleskyRidgeSolve. A target this fits to the claim's bar is one
 * on which the claim's check cannot show anything beyond a quadratic fit.
 */
import { bestRidgeIndex, choleskyRidgeSolve, type FlatMatrix, type LambdaScore } from 'claimcheck/core';
import type { Inputs } from './concepts.js';

/** Number of monomials of degree <= 2 in d variables: 1 + d + d (d + 1) / 2. */
export const quadraticDim = (d: number): number => 1 + d + (d * (d + 1)) / 2;

export function quadraticFeatures(inputs: Inputs): FlatMatrix {
  const { n, d, X } = inputs;
  const D = quadraticDim(d);
  const out = new Float64Array(n * D);
  for (let r = 0; r < n; r++) {
    const o = r * d;
    let c = r * D;
    out[c++] = 1;
    for (let i = 0; i < d; i++) out[c++] = X[o + i];
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) out[c++] = X[o + i] * X[o + j];
  }
  return { rows: n, cols: D, data: out };
}

/** Ridge grid, relative to the mean diagonal of Phi^T Phi: from near-plain least squares to mild shrinkage. */
const QUADRATIC_LAMBDAS: readonly number[] = [1e-10, 1e-8, 1e-6, 1e-4, 1e-2];

/**
 * Phi^T Phi and Phi^T y over rows [r0, r1), float64. Rows go four at a time (a rank-4 update of the
 * upper triangle), so A streams through memory once per four rows: at D = 1000 A is 8 MB, far
 * beyond cache, and row-by-row updates were memory-bound (~4x slower).
 */
function normalEquations(Phi: FlatMatrix, y: Float64Array, r0: number, r1: number): { A: FlatMatrix; B: FlatMatrix } {
  const D = Phi.cols;
  const P = Phi.data;
  const A = new Float64Array(D * D),
    B = new Float64Array(D);
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const o0 = r * D,
      o1 = o0 + D,
      o2 = o1 + D,
      o3 = o2 + D;
    for (let i = 0; i < D; i++) {
      const v0 = P[o0 + i],
        v1 = P[o1 + i],
        v2 = P[o2 + i],
        v3 = P[o3 + i];
      B[i] += v0 * y[r] + v1 * y[r + 1] + v2 * y[r + 2] + v3 * y[r + 3];
      if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) continue;
      const ai = i * D;
      for (let j = i; j < D; j++) A[ai + j] += v0 * P[o0 + j] + v1 * P[o1 + j] + v2 * P[o2 + j] + v3 * P[o3 + j];
    }
  }
  for (; r < r1; r++) {
    const o = r * D;
    for (let i = 0; i < D; i++) {
      const v = P[o + i];
      B[i] += v * y[r];
      const ai = i * D;
      for (let j = i; j < D; j++) A[ai + j] += v * P[o + j];
    }
  }
  for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) A[i * D + j] = A[j * D + i];
  return { A: { rows: D, cols: D, data: A }, B: { rows: D, cols: 1, data: B } };
}

export function predict(Phi: FlatMatrix, w: Float64Array, r0 = 0, r1 = Phi.rows): Float64Array {
  const D = Phi.cols;
  const out = new Float64Array(r1 - r0);
  for (let r = r0; r < r1; r++) {
    let s = 0;
    for (let i = 0; i < D; i++) s += Phi.data[r * D + i] * w[i];
    out[r - r0] = s;
  }
  return out;
}

function solve(A: FlatMatrix, B: FlatMatrix, lambda: number): Float64Array | null {
  let tr = 0;
  for (let i = 0; i < A.rows; i++) tr += A.data[i * A.rows + i];
  return choleskyRidgeSolve(A, B, (lambda * tr) / A.rows)?.X ?? null;
}

/**
 * Ridge regression on explicit features, float64 throughout (normal equations, D x D). With more
 * than one lambda the ridge is chosen on the last 20% of the training rows (the rows are in random
 * order) by fitting on the first 80%, then refitted on all rows. Returns the weights.
 */
export function ridgeOnFeatures(Phi: FlatMatrix, y: Float64Array, lambdas: readonly number[]): Float64Array {
  const full = normalEquations(Phi, y, 0, Phi.rows);
  const lambda = lambdas.length === 1 ? lambdas[0] : lambdas[chooseRidge(Phi, y, lambdas)];
  const w = solve(full.A, full.B, lambda);
  if (!w) throw new RangeError(`ridgeOnFeatures: the normal equations are not positive definite at lambda = ${lambda}`);
  return w;
}

function chooseRidge(Phi: FlatMatrix, y: Float64Array, lambdas: readonly number[]): number {
  const n = Phi.rows;
  const nFit = Math.floor(0.8 * n);
  const part = normalEquations(Phi, y, 0, nFit);
  const scores: LambdaScore[] = lambdas.map((lambda) => {
    const w = solve(part.A, part.B, lambda);
    if (!w) return { lambda, mse: NaN };
    const p = predict(Phi, w, nFit, n);
    let s = 0;
    for (let r = nFit; r < n; r++) s += (p[r - nFit] - y[r]) ** 2;
    return { lambda, mse: s / (n - nFit) };
  });
  return bestRidgeIndex(scores);
}

/** Test predictions of degree-2 least squares fitted on (train, y) (ridge chosen on held-out rows). */
export function quadraticFit(train: Inputs, y: Float64Array, test: Inputs): Float64Array {
  return predict(quadraticFeatures(test), ridgeOnFeatures(quadraticFeatures(train), y, QUADRATIC_LAMBDAS));
}
