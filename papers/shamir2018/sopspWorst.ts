import {
  bestLinearPredictor,
  fold,
  keyFromSeed,
  lambdaMin,
  lossByName,
  norm2,
  residualGradient,
  residualHessian,
  residualLoss,
  Rng,
  spectralNorm,
  type ResidualData,
  type SmoothFunction,
} from 'claimcheck/core';
import { saddleFreeNewton } from './saddleFreeNewton.js';

/**
 * Shamir 2018 Thm 3 with explicit constants, squared loss, on the box M = {||w|| < b, ||V||_2 < b}:
 * the worst eps-second-order partial stationary points (Definition 1) found by a search, against
 * the bound assembled from Thms 1 and 2 with certified Lipschitz constants mu0, mu1, mu2 of F, its
 * gradient and its Hessian on M (computed from the data, not sampled).
 *
 * Bound (derived; for every rho > 0 a point has ||w|| >= rho or ||w|| < rho):
 *   A(rho) = eps sqrt(2 b^2 + r^2 (2 + b^2 / rho^2))                              (Thm 1)
 *   B(rho) = mu0 rho + r (eps + mu1 rho + b sqrt(L mu1 + L^2)),  L = sqrt(mu2 eps) + mu2 rho
 *            (F(w,V) <= F(0,V) + mu0 ||w||; Thm 2 at (0, V) with ||grad F(0,V)|| <= eps + mu1 ||w||,
 *             |lambda_min(0,V)| <= sqrt(mu2 eps) + mu2 ||w||, ||d2F/dw2|| <= mu1)
 *   F - F_lin(w*) <= min_rho max(A(rho), B(rho)),  r = ||w*||, w* = argmin F_lin.
 * This is the theorem's (eps + eps^(1/4)) poly(b, r, mu0, mu1, mu2) made explicit.
 */
export interface SopspCase {
  readonly seed: number;
  readonly d: number;
  /** Features f(x) = (x, tanh(Theta x + c)) with kExtra tanh units: k = d + kExtra. */
  readonly kExtra: number;
}

export const SOPSP_N = 12;
export const SOPSP_BOX = 3;
export const SOPSP_EPSILONS = [1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12] as const;

export interface SopspInstance {
  readonly data: ResidualData;
  readonly d: number;
  readonly k: number;
  readonly b: number;
  readonly mu0: number;
  readonly mu1: number;
  readonly mu2: number;
  readonly r: number;
  readonly minFLin: number;
}

/**
 * The instance: Gaussian inputs, a noisy linear teacher, and features that contain x itself, so
 * V = [-I, 0] cancels the skip exactly (z = x + V f(x) = 0): at w = 0 that is an exactly stationary
 * saddle with F = E y^2 / 2, the corner where Thm 3 is tight.
 */
export function sopspInstance(h: SopspCase): SopspInstance {
  const rng = new Rng(fold(keyFromSeed(h.seed), 'sopsp-data'));
  const { d, kExtra } = h;
  const k = d + kExtra;
  const X = Array.from({ length: SOPSP_N }, () => Array.from(rng.normals(d, 1 / Math.sqrt(d))));
  const teacher = Array.from(rng.normals(d));
  const y = X.map((x) => x.reduce((s, xi, i) => s + xi * teacher[i], 0) + 0.5 * rng.normal());
  const Theta = Array.from({ length: kExtra }, () => Array.from(rng.normals(d, 2)));
  const c = Array.from(rng.normals(kExtra, 0.5));
  const Fx = X.map((x) => [...x, ...Theta.map((row, j) => Math.tanh(row.reduce((s, t, a) => s + t * x[a], c[j])))]);
  const data: ResidualData = { X, Fx, y, loss: lossByName('squared') };
  const b = SOPSP_BOX;
  // Certified sups over M (squared loss: ell' = p - y, ell'' = 1, ell''' = 0; p bilinear in (w, V)):
  // ||z|| <= Z = ||x|| + b ||f||, |ell'| <= G = b Z + |y|, ||grad p|| <= P = sqrt(Z^2 + b^2 ||f||^2),
  // ||Hess p|| = ||f||. Then sup ||grad F|| <= E[G P], sup ||Hess F|| <= E[P^2 + G ||f||] and
  // sup |D^3 F[h,h,h]| <= E[3 P ||f||] (a symmetric trilinear form's norm is attained on the diagonal).
  let mu0 = 0;
  let mu1 = 0;
  let mu2 = 0;
  for (let i = 0; i < SOPSP_N; i++) {
    const fx = norm2(Fx[i]);
    const Z = norm2(X[i]) + b * fx;
    const G = b * Z + Math.abs(y[i]);
    const P = Math.hypot(Z, b * fx);
    mu0 += (G * P) / SOPSP_N;
    mu1 += (P * P + G * fx) / SOPSP_N;
    mu2 += (3 * P * fx) / SOPSP_N;
  }
  const lin = bestLinearPredictor(X, y, data.loss);
  return { data, d, k, b, mu0, mu1, mu2, r: norm2(lin.w), minFLin: lin.value };
}

/** min over rho of max(A(rho), B(rho)) on a log grid (any rho gives a valid bound). */
export function sopspBound(inst: SopspInstance, eps: number): number {
  const { b, r, mu0, mu1, mu2 } = inst;
  let best = Infinity;
  for (let j = 0; j <= 400; j++) {
    const rho = b * 10 ** (-12 + (12 * j) / 400);
    const A = eps * Math.sqrt(2 * b * b + r * r * (2 + (b * b) / (rho * rho)));
    const L = Math.sqrt(mu2 * eps) + mu2 * rho;
    const B = mu0 * rho + r * (eps + mu1 * rho + b * Math.sqrt(L * mu1 + L * L));
    best = Math.min(best, Math.max(A, B));
  }
  return best;
}

type Point = { w: number[]; V: number[][] };
const flat = (p: Point) => [...p.w, ...p.V.flat()];
const unflat = (x: readonly number[], d: number, k: number): Point => ({
  w: x.slice(0, d),
  V: Array.from({ length: d }, (_, a) => x.slice(d + a * k, d + (a + 1) * k)),
});

function objective(inst: SopspInstance): SmoothFunction {
  const { data, d, k } = inst;
  return {
    value: (x) => residualLoss(data, ...pair(unflat(x, d, k))),
    gradient: (x) => {
      const g = residualGradient(data, ...pair(unflat(x, d, k)));
      return [...g.gw, ...g.gV.flat()];
    },
    hessian: (x) => residualHessian(data, ...pair(unflat(x, d, k))),
  };
}
const pair = (p: Point): [number[], number[][]] => [p.w, p.V];

export interface PointInfo {
  readonly F: number;
  readonly gradNorm: number;
  readonly lambdaMin: number;
  readonly normW: number;
  readonly normV: number;
}

export function pointInfo(inst: SopspInstance, p: Point): PointInfo {
  return {
    F: residualLoss(inst.data, p.w, p.V),
    gradNorm: residualGradient(inst.data, p.w, p.V).norm,
    lambdaMin: lambdaMin(residualHessian(inst.data, p.w, p.V)),
    normW: norm2(p.w),
    normV: spectralNorm(p.V),
  };
}

const inBox = (q: PointInfo, b: number) => q.normW < b && q.normV < b;
/** Definition 1 with the certified mu2; `firstOrder` drops the curvature condition (the mutant). */
export const isSopsp = (q: PointInfo, eps: number, mu2: number, b: number, firstOrder = false) =>
  inBox(q, b) && q.gradNorm <= eps && (firstOrder || q.lambdaMin >= -Math.sqrt(mu2 * eps));

export interface Worst {
  readonly eps: number;
  readonly point: Point;
  readonly info: PointInfo;
}

/**
 * Candidates: the exactly cancelling saddle (w = 0, V = [-I, 0]); local minima (Armijo descent, then
 * saddle-free Newton to ||grad|| at round-off) from random starts,
 * which are eps-SOPSPs for every eps, so every eps has one by construction; and the descent path
 * from near-cancelling saddles (w ~ 0, V ~ [-I, 0] perturbed). For each eps the worst (largest F)
 * candidate meeting the conditions is then pushed up by a random-perturbation ascent of F that
 * only accepts points still meeting them.
 */
export function worstSopsps(inst: SopspInstance, seed: number, firstOrder = false): Worst[] {
  const { d, k, b, mu2 } = inst;
  const rng = new Rng(fold(keyFromSeed(seed), 'sopsp-search'));
  const f = objective(inst);
  const cands: { point: Point; info: PointInfo }[] = [];
  const add = (p: Point) => {
    const info = pointInfo(inst, p);
    if (Number.isFinite(info.F) && inBox(info, b)) cands.push({ point: p, info });
  };
  const cancel = Array.from({ length: d }, (_, a) => Array.from({ length: k }, (_, c) => (c === a ? -1 : 0)));
  // The exactly cancelling saddle itself: z = 0 on every point, so the gradient at w = 0 is exactly 0.
  add({ w: new Array<number>(d).fill(0), V: cancel });
  const starts: Point[] = [];
  for (let s = 0; s < 4; s++)
    starts.push({ w: Array.from(rng.normals(d, 0.5)), V: cancel.map((row) => row.map(() => 0.3 * rng.normal())) });
  for (let s = 0; s < 4; s++) {
    const scale = [0, 1e-3, 1e-2, 0.1][s];
    starts.push({ w: Array.from(rng.normals(d, 1e-3)), V: cancel.map((row) => row.map((v) => v + scale * rng.normal())) });
  }
  for (const start of starts) {
    let x = flat(start);
    let fx = f.value(x);
    for (let it = 0; it < 400; it++) {
      const g = f.gradient(x);
      const g2 = g.reduce((s, v) => s + v * v, 0);
      if (it % 4 === 0) add(unflat(x, d, k));
      let t = 1;
      let y = x.map((v, i) => v - t * g[i]);
      let fy = f.value(y);
      while (!(fy <= fx - 0.5 * t * g2) && t > 1e-12) {
        t /= 2;
        y = x.map((v, i) => v - t * g[i]);
        fy = f.value(y);
      }
      if (!(fy < fx)) break;
      x = y;
      fx = fy;
    }
    add(unflat(saddleFreeNewton(f, x), d, k));
  }
  return SOPSP_EPSILONS.flatMap((eps) => {
    const ok = cands.filter((c) => isSopsp(c.info, eps, mu2, b, firstOrder));
    if (ok.length === 0) return [];
    let cur = ok.reduce((a, c) => (c.info.F > a.info.F ? c : a));
    let sigma = 0.05;
    for (let it = 0; it < 120; it++) {
      const x = flat(cur.point).map((v) => v + sigma * rng.normal());
      const p = unflat(x, d, k);
      const info = pointInfo(inst, p);
      if (info.F > cur.info.F && isSopsp(info, eps, mu2, b, firstOrder)) {
        cur = { point: p, info };
        sigma *= 1.5;
      } else sigma = Math.max(sigma * 0.8, 1e-9);
    }
    return [{ eps, point: cur.point, info: cur.info }];
  });
}
