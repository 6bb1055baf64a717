/**
 * Our own draws for the workloads (statistical comparison, README "Comparing check" way 2):
 * the same distributions as reference.py, from claimcheck's seeded Rng, one stream per workload.
 */
import { Rng, fold, keyFromSeed } from '../src/core/random.js';

export function workloadRng(seed: number, workload: string): Rng {
  return new Rng(fold(keyFromSeed(seed), workload));
}

/** n draws from N(0, std^2). */
export function normals(rng: Rng, n: number, std = 1): Float64Array {
  return rng.normals(n, std);
}

/** Scales each row of the rows x cols matrix to unit Euclidean norm, in place. */
export function normalizeRows(M: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += M[i * cols + j] ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < cols; j++) M[i * cols + j] *= inv;
  }
  return M;
}

/** relu(X Wt^T) at for X (rows x d), Wt (m x d), at (m), in float64. */
export function teacher(
  X: ArrayLike<number>,
  rows: number,
  d: number,
  Wt: ArrayLike<number>,
  at: ArrayLike<number>,
  m: number,
): Float64Array {
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let a = 0; a < d; a++) z += X[i * d + a] * Wt[j * d + a];
      if (z > 0) s += z * at[j];
    }
    y[i] = s;
  }
  return y;
}
