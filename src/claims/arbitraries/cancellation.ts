import { Matrix, pseudoInverse } from 'ml-matrix';

/**
 * The V that makes the residual branch cancel the skip on the sample: the least-squares
 * solution of min_V sum_i ||x_i + V f(x_i)||^2, i.e. V = -(F^+ X)^T with F the n x k feature
 * matrix. Cancellation is exact when the columns of X lie in the span of the columns of F
 * (n <= k with generic features, or a linear embedding with k >= d); otherwise this is the
 * closest the residual unit gets to z = 0 on the sample.
 */

/** Relative cutoff for singular values: near-singular directions would give V ~ 1e16. */
const RCOND = 1e-10;

/** d x k matrix V (plain arrays). All-zero features give V = 0. */
export function cancellingV(X: readonly (readonly number[])[], F: readonly (readonly number[])[]): number[][] {
  const d = X[0].length;
  const k = F[0].length;
  const Fm = new Matrix(F.map((r) => [...r]));
  const Xm = new Matrix(X.map((r) => [...r]));
  const sol = pseudoInverse(Fm, RCOND).mmul(Xm); // k x d
  const V = sol.transpose().neg().to2DArray();
  // Features can be huge (quadratic nets) or degenerate; a non-finite fit means "no cancellation".
  const finite = V.every((row) => row.every(Number.isFinite));
  return finite && V.length === d && V[0].length === k ? V : Array.from({ length: d }, () => new Array<number>(k).fill(0));
}

/** ||x + V f(x)|| / ||x|| averaged over the sample points with x != 0 (0 if none). */
export function cancellationRatio(
  X: readonly (readonly number[])[],
  F: readonly (readonly number[])[],
  V: readonly (readonly number[])[],
): number {
  let sum = 0;
  let count = 0;
  X.forEach((x, i) => {
    const nx = Math.hypot(...x);
    if (nx === 0) return;
    const z = x.map((xj, j) => xj + V[j].reduce((s, vjc, c) => s + vjc * F[i][c], 0));
    sum += Math.hypot(...z) / nx;
    count++;
  });
  return count === 0 ? 0 : sum / count;
}
