/**
 * Arc-cosine kernels of degree 0 and 1 (Cho & Saul, "Kernel Methods for Deep Learning",
 * NIPS 2009, eq. (1)-(3)):
 *
 *   k_n(x, z) = (1/pi) ||x||^n ||z||^n J_n(theta),   theta = arccos(<x, z> / (||x|| ||z||)),
 *   J_0(theta) = pi - theta,   J_1(theta) = sin(theta) + (pi - theta) cos(theta),
 *
 * which equal 2 E_w[step(w.x) step(w.z) (w.x)^n (w.z)^n] for w ~ N(0, I). Hence the two
 * Gaussian expectations every ReLU kernel recursion needs (Jacot et al. 2018; Arora et al. 2019):
 *
 *   E[relu(u) relu(v)] = sqrt(a b) kappa1(rho) / 2,   E[step(u) step(v)] = kappa0(rho) / 2,
 *
 * for (u, v) ~ N(0, [[a, c], [c, b]]), rho = c / sqrt(a b), with the normalised forms
 * kappa0(rho) = (pi - arccos rho) / pi and kappa1(rho) = (sqrt(1 - rho^2) + (pi - arccos rho) rho) / pi
 * (kappa_n(rho) = k_n of unit vectors at cosine rho). Cosines are clamped to [-1, 1] first:
 * rounding can push <x, x> / ||x||^2 just past 1, where arccos is NaN.
 */
import type { Mat, Vec } from '../linalg/dense.js';
import { assertVector } from '../linalg/dense.js';
import { dotProductGram, type DotKernelOptions, type Gram } from './Gram.js';

export type ArcCosineDegree = 0 | 1;

export function clampCosine(rho: number): number {
  return rho > 1 ? 1 : rho < -1 ? -1 : rho;
}

/** Normalised degree-0 arc-cosine kernel: (pi - arccos rho) / pi = 2 P(w.x > 0, w.z > 0). */
export function kappa0(rho: number): number {
  return (Math.PI - Math.acos(clampCosine(rho))) / Math.PI;
}

/** Normalised degree-1 arc-cosine kernel: (sqrt(1 - rho^2) + (pi - arccos rho) rho) / pi. */
export function kappa1(rho: number): number {
  const r = clampCosine(rho);
  return (Math.sqrt(1 - r * r) + (Math.PI - Math.acos(r)) * r) / Math.PI;
}

/**
 * k_n from the squared norms and the inner product. A zero vector has no angle: its degree-1
 * kernel is 0 whatever the angle, and for degree 0 we take rho = 0 by convention (the limit
 * along directions is not unique; such points have measure zero under every data generator).
 */
export function arcCosineFromDots(degree: ArcCosineDegree, sqNormX: number, sqNormZ: number, dotXZ: number): number {
  const norms = Math.sqrt(sqNormX * sqNormZ);
  const rho = norms > 0 ? dotXZ / norms : 0;
  return degree === 0 ? kappa0(rho) : norms * kappa1(rho);
}

function checkDegree(degree: ArcCosineDegree): void {
  if (degree !== 0 && degree !== 1) throw new RangeError(`degree must be 0 or 1 (Cho & Saul arc-cosine), got ${String(degree)}`);
}

/** k_n(x, z) for two vectors (Cho & Saul 2009, eq. 3). */
export function arcCosineKernel(degree: ArcCosineDegree, x: Vec, z: Vec): number {
  checkDegree(degree);
  const d = assertVector(x, 'x');
  assertVector(z, 'z', d);
  let xx = 0,
    zz = 0,
    xz = 0;
  for (let t = 0; t < d; t++) {
    xx += x[t] * x[t];
    zz += z[t] * z[t];
    xz += x[t] * z[t];
  }
  return arcCosineFromDots(degree, xx, zz, xz);
}

/** Gram matrix [k_n(x_i, z_j)] of the rows of X and Z (Z = X if omitted). */
export function arcCosineGram(degree: ArcCosineDegree, X: Mat, Z?: Mat, options: DotKernelOptions = {}): Gram {
  checkDegree(degree);
  return dotProductGram((a, b, c) => arcCosineFromDots(degree, a, b, c), X, Z, options);
}
