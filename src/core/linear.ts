/**
 * Best linear predictor in float64: w* = argmin F_lin(w) = mean_i ell(w^T x_i; y_i), optionally
 * over the ball ||w|| <= radius (Shamir 2018, Thm 3 compares with min_{||w|| <= r} F_lin).
 *
 * Claims use `value` as the comparator's objective. For Thm 1 any w* is valid, so an inexact
 * solve can never create a false alarm; where a claim needs inf F_lin itself, `value` is always
 * F_lin at the returned w, hence an upper bound on the infimum, and `converged` says whether w is
 * a certified minimiser.
 */
import type { Loss } from './losses.js';
import { assertMatrix, assertVector, choleskySolve, leastSquares, norm2, symmetricEigen, type Mat, type Vec } from './linalg/dense.js';
import { linearGradient, linearHessian, linearLoss } from './models/residualObjective.js';

export interface BestLinearOptions {
  /** Constrain to ||w|| <= radius (default: unconstrained). */
  readonly radius?: number;
  /** Newton iterations before giving up (default 100). */
  readonly maxIter?: number;
  /**
   * Stationarity tolerance (default 1e-10): on the gradient norm; with a radius, on both the
   * gradient-mapping norm and the Frank-Wolfe gap (which bounds F_lin(w) - min over the ball).
   */
  readonly tol?: number;
}

export interface BestLinearResult {
  readonly w: number[];
  /** F_lin(w); an upper bound on the infimum even when not converged. */
  readonly value: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly method: 'closed-form' | 'newton' | 'projected-newton';
  /** ||grad F_lin(w)||, or ||w - P(w - grad F_lin(w))|| when a radius is given. */
  readonly stationarity: number;
}

type Problem = { X: Mat; y: Vec; loss: Loss; d: number };

const add = (a: Vec, b: Vec, t = 1): number[] => a.map((v, i) => v + t * b[i]);
const dotv = (a: Vec, b: Vec): number => a.reduce((s, v, i) => s + v * b[i], 0);

export function projectToBall(w: Vec, radius: number): number[] {
  const r = norm2(w);
  if (r <= radius) return [...w];
  return radius === 0 ? w.map(() => 0) : w.map((v) => (v * radius) / r);
}

function gradientMappingNorm(w: Vec, g: Vec, radius: number): number {
  return norm2(add(w, projectToBall(add(w, g, -1), radius), -1));
}

/**
 * Newton direction solving (H + delta I) s = -g. The ridge delta = 1e-12 * trace(H)/d is relative
 * to H's scale, so it only guards the factorisation: it never masks a direction in which H
 * vanishes (logistic loss on separable data), where the Newton step then stays O(1) and the run
 * is honestly reported as not converged.
 */
function newtonStep(H: number[][], g: number[]): number[] {
  const d = g.length;
  const trace = H.reduce((s, row, i) => s + row[i], 0);
  if (!(trace > 0)) return g.map((v) => -v);
  for (let delta = (1e-12 * trace) / d, tries = 0; tries < 6; delta *= 1e3, tries++) {
    try {
      return choleskySolve(
        H.map((row, i) => row.map((v, j) => (i === j ? v + delta : v))),
        g.map((v) => -v),
      );
    } catch {
      // rounding made H + delta I indefinite; retry with a larger ridge
    }
  }
  return g.map((v) => -v);
}

/**
 * argmin_{||u|| <= r} (1/2) u^T H u - c^T u for PSD H: u(mu) = (H + mu I)^{-1} c with the
 * smallest mu >= 0 giving ||u(mu)|| <= r (the trust-region subproblem, no hard case when H is
 * PSD). Eigenvalues below 1e-12 lambda_max, and c's rounding-level components along them, are
 * zeroed so a rank-deficient H gives the minimum-norm solution rather than noise / noise.
 */
function ballQuadraticMin(H0: number[][], c0: number[], r: number): number[] {
  // u is invariant to scaling H and c together; scaling to max |H_ij| = 1 keeps the eigensolver's
  // sums of squares out of underflow when F and its derivatives are ~1e-160 (separable data).
  const scale = Math.max(...H0.map((row) => Math.max(...row.map(Math.abs)))) || 1;
  const H = H0.map((row) => row.map((v) => v / scale));
  const c = c0.map((v) => v / scale);
  const { values, vectors } = symmetricEigen(H);
  const lmax = Math.max(0, ...values);
  const cn = norm2(c);
  const lam = values.map((l) => (l > 1e-12 * lmax ? l : 0));
  const ci = vectors.map((q, i) => {
    const v = dotv(q, c);
    return lam[i] === 0 && Math.abs(v) <= 1e-13 * cn ? 0 : v;
  });
  const coef = (mu: number) => ci.map((v, i) => (v === 0 ? 0 : v / (lam[i] + mu)));
  const sq = (mu: number) => coef(mu).reduce((s, v) => s + v * v, 0);
  let mu = 0;
  if (!(sq(0) <= r * r)) {
    // ||u(mu)|| decreases in mu and ||u(cn / r)|| <= r: bisect, keep the feasible end.
    let lo = 0;
    mu = cn / r;
    for (let it = 0; it < 200 && mu - lo > 1e-15 * mu; it++) {
      const mid = 0.5 * (lo + mu);
      if (sq(mid) <= r * r) mu = mid;
      else lo = mid;
    }
  }
  const a = coef(mu);
  return vectors[0].map((_, j) => vectors.reduce((s, q, i) => s + a[i] * q[j], 0));
}

/**
 * Rounding error of F_lin(w): each term's error is ~eps (|ell| + |ell'| (|p| + |y|)), since
 * p = w^T x and p - y carry absolute errors ~eps (|p| + |y|). Needed because a small mean loss
 * at large predictions is known only to that absolute accuracy, not relative to F.
 */
function roundingOfF(P: Problem, w: number[]): number {
  let s = 0;
  for (let i = 0; i < P.y.length; i++) {
    const p = dotv(w, P.X[i]),
      y = P.y[i];
    s += Math.abs(P.loss.value(p, y)) + Math.abs(P.loss.d1(p, y)) * (Math.abs(p) + Math.abs(y));
  }
  return (16 * Number.EPSILON * s) / P.y.length;
}

/**
 * Armijo backtracking along w + t s, t = 1, 1/2, ... Near the optimum both the slope g^T s and
 * the change in F sink below rounding (on the sphere, g's large normal part times s's rounding
 * error swamps the true slope), so the full step is also accepted whenever F does not rise by
 * more than rounding: the Newton step is accurate there even when F cannot confirm it.
 */
function lineSearch(P: Problem, w: number[], F: number, g: number[], s: number[]): [number[], number] | undefined {
  const slope = Math.min(0, dotv(g, s));
  const slack = roundingOfF(P, w);
  for (let t = 1; t > 1e-20; t *= 0.5) {
    const wt = add(w, s, t);
    const Ft = linearLoss(P.X, P.y, P.loss, wt);
    if (Ft <= F + 1e-4 * t * slope + slack) return [wt, Ft];
    if (slope === 0) return undefined;
  }
  return undefined;
}

function newton(P: Problem, maxIter: number, tol: number): BestLinearResult {
  let w = new Array<number>(P.d).fill(0);
  let F = linearLoss(P.X, P.y, P.loss, w);
  for (let it = 0; ; it++) {
    const g = linearGradient(P.X, P.y, P.loss, w);
    const s = newtonStep(linearHessian(P.X, P.y, P.loss, w), g);
    const gn = norm2(g);
    // A small gradient alone is not enough: on separable data it tends to 0 while w diverges.
    // Also require the Newton step to be small, i.e. a minimiser at finite distance.
    const converged = gn <= tol && norm2(s) <= Math.sqrt(tol) * (1 + norm2(w));
    const next = converged || it >= maxIter ? undefined : lineSearch(P, w, F, g, s);
    if (!next) return { w, value: F, converged, iterations: it, method: 'newton', stationarity: gn };
    [w, F] = next;
  }
}

/** Largest t >= 0 with ||w + t s|| <= r (w inside the ball). */
function maxStepInBall(w: number[], s: number[], r: number): number {
  const ss = dotv(s, s),
    ws = dotv(w, s);
  if (ss === 0) return Infinity;
  return (-ws + Math.sqrt(Math.max(0, ws * ws + ss * (r * r - dotv(w, w))))) / ss;
}

/**
 * Projected Newton on the ball: each step minimises the exact quadratic model over the ball
 * (ballQuadraticMin), then backtracks along the feasible segment; when that direction fails,
 * a projected-gradient Armijo step along P(w - t g). Converged when the gradient mapping is
 * <= tol and the Frank-Wolfe gap g^T w + r ||g|| is <= tol: by convexity that gap bounds
 * F(w) - min_ball F, whereas the gradient mapping alone is also tiny deep inside the ball on
 * separable data, far from the constrained minimiser on the sphere. Known slow case: a huge
 * radius (1e5 x the data scale) on data a one-sided loss can drive to 0; then converged = false.
 */
function projectedNewton(P: Problem, radius: number, maxIter: number, tol: number, w0: number[]): BestLinearResult {
  let w = projectToBall(w0, radius);
  let F = linearLoss(P.X, P.y, P.loss, w);
  for (let it = 0; ; it++) {
    const g = linearGradient(P.X, P.y, P.loss, w);
    const gm = gradientMappingNorm(w, g, radius);
    const H = linearHessian(P.X, P.y, P.loss, w);
    const u = ballQuadraticMin(
      H,
      add(
        H.map((row) => dotv(row, w)),
        g,
        -1,
      ),
      radius,
    );
    const s = add(u, w, -1);
    const gw = dotv(g, w),
      rg = radius * norm2(g);
    // The gap is a difference of two O(mu r^2) terms on the sphere: allow their rounding.
    const converged = gm <= tol && gw + rg <= tol + 8 * Number.EPSILON * (Math.abs(gw) + rg);
    let next = converged || it >= maxIter ? undefined : lineSearch(P, w, F, g, s);
    // Where the quadratic model under-predicts progress (exponential tails on separable data),
    // extrapolate while F keeps falling, up to the sphere: reaching it takes log(radius) steps.
    for (let t = 2, tMax = maxStepInBall(w, s, radius); next && t / 2 < tMax; t *= 2) {
      const wt = add(w, s, Math.min(t, tMax));
      const Ft = linearLoss(P.X, P.y, P.loss, wt);
      // A genuine fall, not rounding noise.
      if (!(Ft < next[1] - 4 * roundingOfF(P, next[0])) || norm2(wt) > radius) break;
      next = [wt, Ft];
    }
    for (let t = 1; !next && !converged && it < maxIter && t > 1e-20; t *= 0.5) {
      const wt = projectToBall(add(w, g, -t), radius);
      const Ft = linearLoss(P.X, P.y, P.loss, wt);
      // Progress must be real: a t so small that wt rounds back to w would loop forever.
      if (wt.some((v, i) => v !== w[i]) && Ft <= F + 1e-4 * dotv(g, add(wt, w, -1))) next = [wt, Ft];
    }
    if (!next) return { w, value: F, converged, iterations: it, method: 'projected-newton', stationarity: gm };
    [w, F] = next;
  }
}

/**
 * argmin F_lin over R^d or over the ball ||w|| <= radius, for a convex loss.
 * - squared loss: closed form, the minimum-norm least-squares solution (rank-deficient X is
 *   fine); with a radius it is returned when inside the ball (it then is a constrained optimum).
 * - other convex losses: damped Newton from 0. When the infimum is not attained (logistic or
 *   smoothed hinge on separable data, where w* runs off to infinity) the run stops at maxIter
 *   with converged = false and `value` is the best F_lin found: an upper bound on inf F_lin.
 * - with a radius: projected Newton (the minimum over the compact ball is always attained).
 */
export function bestLinearPredictor(X: Mat, y: Vec, loss: Loss, opts: BestLinearOptions = {}): BestLinearResult {
  const [n, d] = assertMatrix(X, 'X');
  assertVector(y, 'y', n);
  if (!loss || typeof loss.d2 !== 'function') throw new TypeError('loss must be a Loss (see lossByName)');
  if (!loss.convex) {
    throw new RangeError(`loss "${loss.name}" is not convex: Newton would only find a local minimum; use a convex loss`);
  }
  const radius = opts.radius ?? Infinity;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-10;
  if (!(radius >= 0)) throw new RangeError(`opts.radius must be >= 0, got ${radius}`);
  if (!Number.isInteger(maxIter) || maxIter < 0) throw new RangeError(`opts.maxIter must be an integer >= 0, got ${maxIter}`);
  if (!(tol > 0)) throw new RangeError(`opts.tol must be > 0, got ${tol}`);
  const P: Problem = { X, y, loss, d };
  let start = new Array<number>(d).fill(0);
  if (loss.name === 'squared') {
    const w = leastSquares(X, y);
    if (norm2(w) <= radius) {
      const g = linearGradient(X, y, loss, w);
      const value = linearLoss(X, y, loss, w);
      return { w, value, converged: true, iterations: 0, method: 'closed-form', stationarity: norm2(g) };
    }
    start = projectToBall(w, radius);
  } else if (radius === Infinity) {
    return newton(P, maxIter, tol);
  }
  return projectedNewton(P, radius, maxIter, tol, start);
}
