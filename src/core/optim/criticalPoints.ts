import { symmetricEigenvalues } from '../linalg/dense.js';

/**
 * Critical points of a smooth function by damped Newton from many starts, classified by the
 * Hessian's spectrum. Newton converges to saddles as readily as to minima, which is what we want:
 * every critical point is found and then certified (strict local minimum = gradient ~ 0 and
 * smallest Hessian eigenvalue > 0).
 */
export interface SmoothFunction {
  value(x: readonly number[]): number;
  gradient(x: readonly number[]): number[];
  hessian(x: readonly number[]): number[][];
}

export interface CriticalPoint {
  readonly x: number[];
  readonly value: number;
  readonly gradNorm: number;
  readonly eigenvalues: number[];
  readonly type: 'strict-min' | 'strict-max' | 'saddle' | 'degenerate';
}

function norm(v: readonly number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

/** Solves H d = g by Gaussian elimination with partial pivoting (small systems only). */
function solve(H: readonly number[][], g: readonly number[]): number[] | undefined {
  const n = g.length;
  const A = H.map((r, i) => [...r, g[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    if (Math.abs(A[p][c]) < 1e-300) return undefined;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = A[r][n];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return x;
}

/** Newton on the gradient (finds any critical point), with step halving on the gradient norm. */
export function newtonCritical(f: SmoothFunction, start: readonly number[], maxIter = 100, tol = 1e-13): number[] | undefined {
  let x = [...start];
  let gn = norm(f.gradient(x));
  for (let it = 0; it < maxIter && gn > tol; it++) {
    const d = solve(f.hessian(x), f.gradient(x));
    if (!d) return undefined;
    let t = 1;
    let next = x.map((xi, i) => xi - t * d[i]);
    let ngn = norm(f.gradient(next));
    while (!(ngn < gn) && t > 1e-8) {
      t /= 2;
      next = x.map((xi, i) => xi - t * d[i]);
      ngn = norm(f.gradient(next));
    }
    if (!(ngn < gn)) break;
    x = next;
    gn = ngn;
  }
  return Number.isFinite(gn) && gn <= 1e-9 ? x : undefined;
}

export function classify(f: SmoothFunction, x: number[], eigTol = 1e-9): CriticalPoint {
  const eigenvalues = symmetricEigenvalues(f.hessian(x));
  const lo = eigenvalues[0];
  const hi = eigenvalues[eigenvalues.length - 1];
  const type = lo > eigTol ? 'strict-min' : hi < -eigTol ? 'strict-max' : lo < -eigTol && hi > eigTol ? 'saddle' : 'degenerate';
  return { x, value: f.value(x), gradNorm: norm(f.gradient(x)), eigenvalues, type };
}

/** All distinct critical points reached from the starts (points closer than `merge` coincide). */
export function criticalPoints(f: SmoothFunction, starts: readonly (readonly number[])[], merge = 1e-6): CriticalPoint[] {
  const found: CriticalPoint[] = [];
  for (const s of starts) {
    const x = newtonCritical(f, s);
    if (!x) continue;
    if (found.some((p) => norm(p.x.map((v, i) => v - x[i])) < merge)) continue;
    found.push(classify(f, x));
  }
  return found.sort((a, b) => a.value - b.value);
}

/** A square grid of starts over [lo, hi]^dim. */
export function gridStarts(dim: number, lo: number, hi: number, perAxis: number): number[][] {
  const axis = Array.from({ length: perAxis }, (_, i) => lo + ((hi - lo) * i) / (perAxis - 1));
  let pts: number[][] = [[]];
  for (let d = 0; d < dim; d++) pts = pts.flatMap((p) => axis.map((a) => [...p, a]));
  return pts;
}
