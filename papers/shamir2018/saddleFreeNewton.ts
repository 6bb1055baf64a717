import { symmetricEigen, type SmoothFunction } from 'claimcheck/core';

/**
 * Saddle-free Newton refinement (Dauphin et al. 2014): step -sum_j v_j v_j^T g / max(|lambda_j|, floor),
 * with backtracking on the value. Unlike plain Newton it moves away from saddles and stays defined
 * on degenerate minima (zero eigenvalues are floored), so it takes a descent path to an
 * approximate local minimum with a gradient at float64 round-off. Returns the last point.
 */
export function saddleFreeNewton(f: SmoothFunction, start: readonly number[], maxIter = 60, gradTol = 1e-14): number[] {
  let x = [...start];
  let fx = f.value(x);
  for (let it = 0; it < maxIter; it++) {
    const g = f.gradient(x);
    const gn = Math.hypot(...g);
    if (!(gn > gradTol)) break;
    const { values, vectors } = symmetricEigen(f.hessian(x));
    const scale = Math.max(...values.map(Math.abs), 1e-300);
    const floor = Math.max(1e-10 * scale, 1e-14);
    const step = new Array<number>(x.length).fill(0);
    values.forEach((lam, j) => {
      const v = vectors[j];
      const c = v.reduce((s, vi, i) => s + vi * g[i], 0) / Math.max(Math.abs(lam), floor);
      for (let i = 0; i < x.length; i++) step[i] -= c * v[i];
    });
    let t = 1;
    let y = x.map((xi, i) => xi + t * step[i]);
    let fy = f.value(y);
    // Accept a step that does not increase F (at round-off level F stalls while the gradient still shrinks).
    while (!(fy <= fx) && t > 1e-10) {
      t /= 2;
      y = x.map((xi, i) => xi + t * step[i]);
      fy = f.value(y);
    }
    if (!(fy <= fx)) break;
    const gy = Math.hypot(...f.gradient(y));
    if (fy === fx && !(gy < gn)) break;
    x = y;
    fx = fy;
  }
  return x;
}
