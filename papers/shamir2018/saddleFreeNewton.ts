import { symmetricEigen, type SmoothFunction } from 'claimcheck/core';

/**
 * Saddle-free Newton refinement (Dauphin et al. 2014) with Levenberg-Marquardt damping: step
 * -sum_j v_j v_j^T g / (|lambda_j| + mu), mu shrunk after a step that lowers F and raised after one
 * that does not. Unlike plain Newton it moves away from saddles (negative curvature is followed
 * downhill) and stays defined on degenerate minima, so it ends at an approximate local minimum
 * with a gradient near float64 round-off. Returns the last point.
 */
export function saddleFreeNewton(f: SmoothFunction, start: readonly number[], maxIter = 60, gradTol = 1e-14): number[] {
  let x = [...start];
  let fx = f.value(x);
  let mu = -1;
  for (let it = 0; it < maxIter; it++) {
    const g = f.gradient(x);
    const gn = Math.hypot(...g);
    if (!(gn > gradTol)) break;
    const { values, vectors } = symmetricEigen(f.hessian(x));
    const scale = Math.max(...values.map(Math.abs), 1e-12);
    if (mu < 0) mu = 1e-3 * scale;
    const coeffs = vectors.map((v) => v.reduce((s, vi, i) => s + vi * g[i], 0));
    let moved = false;
    for (let tries = 0; tries < 30 && !moved; tries++) {
      const y = x.map((xi, i) => xi - values.reduce((s, lam, j) => s + (coeffs[j] * vectors[j][i]) / (Math.abs(lam) + mu), 0));
      const fy = f.value(y);
      // At round-off F stalls while the gradient still shrinks: accept an equal value with a smaller gradient.
      if (fy < fx || (fy === fx && Math.hypot(...f.gradient(y)) < gn)) {
        x = y;
        fx = fy;
        mu = Math.max(mu / 3, 1e-14 * scale);
        moved = true;
      } else mu *= 10;
    }
    if (!moved) break;
  }
  return x;
}
