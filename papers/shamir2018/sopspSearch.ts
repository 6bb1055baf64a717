import {
  frobenius,
  lambdaMin,
  residualGradient,
  residualHessian,
  residualLoss,
  Rng,
  spectralNorm,
  type Key,
  type ResidualData,
} from 'claimcheck/core';

/**
 * Shamir 2018 Thm 3's check: run descent on (w, V) (theta fixed) inside the box
 * max(||w||, ||V||) <= b and record, for each eps, the first iterate that is an eps-SOPSP
 * (Definition 1): ||grad|| <= eps and lambda_min(Hess) >= -sqrt(mu2 eps). Its loss is what the
 * theorem bounds by min F_lin + (eps + eps^(1/4)) poly(b, ...).
 */
export interface SopspOptions {
  readonly epsilons: readonly number[];
  readonly box: number;
  readonly starts: readonly { readonly w: number[]; readonly V: number[][] }[];
  readonly maxIter: number;
  /** Hessian Lipschitz constant on the box (an overestimate is safe: it admits more points). */
  readonly mu2: number;
}

export interface SopspHit {
  readonly eps: number;
  readonly start: number;
  readonly iteration: number;
  readonly loss: number;
  readonly gradNorm: number;
  readonly lambdaMin: number;
}

type Point = { w: number[]; V: number[][] };

function inBox(p: Point, b: number): boolean {
  if (!(Math.hypot(...p.w) < b)) return false;
  // This runs every descent step: ||V||_2 <= ||V||_F, so the SVD is needed only near the wall.
  return frobenius(p.V) < b || spectralNorm(p.V) < b;
}

/** Gradient descent with Armijo backtracking; returns the first eps-SOPSP per eps, per start. */
export function findSopsps(data: ResidualData, opts: SopspOptions): SopspHit[] {
  const hits: SopspHit[] = [];
  const eps = [...opts.epsilons].sort((a, b) => b - a);
  opts.starts.forEach((start, s) => {
    let p: Point = { w: [...start.w], V: start.V.map((r) => [...r]) };
    let f = residualLoss(data, p.w, p.V);
    let next = 0;
    for (let it = 0; it < opts.maxIter && next < eps.length; it++) {
      const g = residualGradient(data, p.w, p.V);
      // A point must be inside the open box M to count; descent that leaves the box stops.
      if (!inBox(p, opts.box) || !Number.isFinite(f)) break;
      while (next < eps.length && g.norm <= eps[next]) {
        const lam = lambdaMin(residualHessian(data, p.w, p.V));
        if (lam >= -Math.sqrt(opts.mu2 * eps[next])) {
          hits.push({ eps: eps[next], start: s, iteration: it, loss: f, gradNorm: g.norm, lambdaMin: lam });
          next++;
        } else break;
      }
      const g2 = g.norm * g.norm;
      let t = 1;
      let q: Point;
      let fq: number;
      for (;;) {
        q = { w: p.w.map((x, i) => x - t * g.gw[i]), V: p.V.map((r, a) => r.map((x, c) => x - t * g.gV[a][c])) };
        fq = residualLoss(data, q.w, q.V);
        if (fq <= f - 0.5 * t * g2 || t < 1e-12) break;
        t /= 2;
      }
      if (!(fq < f)) break;
      p = q;
      f = fq;
    }
  });
  return hits;
}

/**
 * Estimates the Hessian's Lipschitz constant on the box from random pairs of nearby points,
 * then doubles it: an overestimate only admits more points as SOPSPs, which keeps the check sound.
 */
export function estimateMu2(data: ResidualData, d: number, k: number, box: number, key: Key, pairs = 200): number {
  const rng = new Rng(key);
  let best = 0;
  for (let i = 0; i < pairs; i++) {
    const w = Array.from(rng.normals(d, box / Math.sqrt(2 * d)));
    const V = Array.from({ length: d }, () => Array.from(rng.normals(k, box / Math.sqrt(2 * d * k))));
    const h = 1e-3 * box;
    const dw = Array.from(rng.normals(d, h));
    const dV = Array.from({ length: d }, () => Array.from(rng.normals(k, h)));
    const H1 = residualHessian(data, w, V);
    const H2 = residualHessian(
      data,
      w.map((x, a) => x + dw[a]),
      V.map((r, a) => r.map((x, c) => x + dV[a][c])),
    );
    const diff = H1.map((r, a) => r.map((x, b) => x - H2[a][b]));
    const step = Math.hypot(...dw, ...dV.flat());
    best = Math.max(best, spectralNorm(diff) / step);
  }
  return 2 * best;
}
