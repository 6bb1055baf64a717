/**
 * Least squares on every monomial of degree <= 2 (1, x_j, x_p x_q for p <= q): the best
 * degree-2 learner on a sample, the "depth one suffices" competitor of the BFC catalog. Its test
 * MSE cross-checks the plateau E_hier of the stage-1 network (catalog: equal within ~10% on the
 * toy), and no degree-2 learner can beat the energy of y's degree-4 Hermite part (exact: that
 * part is orthogonal to every polynomial of degree <= 2 under Gaussian x).
 *
 * Normal equations accumulated in float64 and solved by core's ridge solve with a tiny relative
 * ridge (1e-10 of the mean diagonal) that only guards against rounding.
 */
import { choleskyRidgeSolve } from 'claimcheck/core';

export function degree2FeatureCount(d: number): number {
  return 1 + d + (d * (d + 1)) / 2;
}

function features(X: Float64Array, row: number, d: number, out: Float64Array): void {
  let f = 0;
  out[f++] = 1;
  for (let j = 0; j < d; j++) out[f++] = X[row * d + j];
  for (let p = 0; p < d; p++) for (let q = p; q < d; q++) out[f++] = X[row * d + p] * X[row * d + q];
}

export interface Degree2Fit {
  readonly coefficients: Float64Array;
  readonly trainMse: number;
  readonly testMse: number;
}

export function degree2LeastSquares(
  train: { X: Float64Array; y: Float64Array; n: number },
  test: { X: Float64Array; y: Float64Array; n: number },
  d: number,
): Degree2Fit {
  const m = degree2FeatureCount(d);
  if (train.n < m) throw new RangeError(`degree2LeastSquares: need at least ${m} training rows for d = ${d}, got ${train.n}`);
  const A = new Float64Array(m * m),
    b = new Float64Array(m),
    phi = new Float64Array(m);
  for (let r = 0; r < train.n; r++) {
    features(train.X, r, d, phi);
    const yr = train.y[r];
    for (let i = 0; i < m; i++) {
      const pi = phi[i];
      if (pi === 0) continue;
      b[i] += pi * yr;
      const o = i * m;
      for (let j = i; j < m; j++) A[o + j] += pi * phi[j];
    }
  }
  let trace = 0;
  for (let i = 0; i < m; i++) trace += A[i * m + i];
  const ridge = 1e-10 * (trace / m);
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) A[i * m + j] = A[j * m + i];
  const sol = choleskyRidgeSolve({ rows: m, cols: m, data: A }, { rows: m, cols: 1, data: b }, ridge);
  if (!sol) throw new RangeError('degree2LeastSquares: the normal equations are not positive definite even with the guard ridge');
  const w = sol.X;
  const mseOn = (s: { X: Float64Array; y: Float64Array; n: number }) => {
    let acc = 0;
    for (let r = 0; r < s.n; r++) {
      features(s.X, r, d, phi);
      let p = 0;
      for (let i = 0; i < m; i++) p += w[i] * phi[i];
      acc += (p - s.y[r]) ** 2;
    }
    return acc / s.n;
  };
  return { coefficients: w, trainMse: mseOn(train), testMse: mseOn(test) };
}
