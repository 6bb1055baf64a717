/**
 * Shamir 2018's residual-unit objective in float64 with exact closed-form derivatives: the
 * reference that Thms 1-2 (and Cor 1, Ex 1) are evaluated with.
 *
 *   F(w, V) = mean_i ell(p_i; y_i),  p_i = w^T z_i,  z_i = x_i + V f_i,  f_i = f_theta(x_i).
 *
 * theta is fixed (the features Fx are data), so derivatives are w.r.t. (w, V) only, as in the
 * paper's `grad F_theta`, `Hess F_theta`. Also: the linear comparator F_lin (V = 0), the tweaked
 * unit p = w^T x + v^T f (Thm 4) and the no-skip unit p = w^T V f (Cor 1's mutant).
 */
import type { Loss } from '../losses.js';
import { assertMatrix, assertVector, type Mat, type Vec } from '../linalg/dense.js';

export interface ResidualData {
  /** n x d inputs. */
  readonly X: Mat;
  /** n x k features f_theta(x_i). */
  readonly Fx: Mat;
  /** n labels. */
  readonly y: Vec;
  readonly loss: Loss;
}

export interface ResidualGradient {
  readonly gw: number[];
  /** d x k, same layout as V. */
  readonly gV: number[][];
  /** sqrt(||gw||^2 + ||gV||_F^2). */
  readonly norm: number;
}

export interface TweakedGradient {
  readonly gw: number[];
  readonly gv: number[];
  readonly norm: number;
}

interface Dims {
  n: number;
  d: number;
  k: number;
}

function checkLoss(loss: Loss, name: string): void {
  if (!loss || typeof loss.d1 !== 'function' || typeof loss.d2 !== 'function') {
    throw new TypeError(`${name} must be a Loss (see lossByName in src/core/losses.ts)`);
  }
}

function checkData(data: ResidualData): Dims {
  const [n, d] = assertMatrix(data.X, 'data.X');
  const [, k] = assertMatrix(data.Fx, 'data.Fx', n);
  assertVector(data.y, 'data.y', n);
  checkLoss(data.loss, 'data.loss');
  return { n, d, k };
}

function dotRow(a: Vec, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** u = V^T w, so that w^T V f = u^T f costs O(k) per sample. */
function vtw(V: Mat, w: Vec, k: number): Float64Array {
  const u = new Float64Array(k);
  for (let a = 0; a < V.length; a++) for (let c = 0; c < k; c++) u[c] += V[a][c] * w[a];
  return u;
}

/** p_i = (w^T x_i if w given) + (u^T f_i if u given). */
function predictions(data: ResidualData, w: Vec | null, u: ArrayLike<number> | null): Float64Array {
  const p = new Float64Array(data.y.length);
  for (let i = 0; i < p.length; i++) {
    p[i] = (w ? dotRow(w, data.X[i]) : 0) + (u ? dotRow(data.Fx[i], u) : 0);
  }
  return p;
}

function meanLoss(loss: Loss, p: Float64Array, y: Vec): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += loss.value(p[i], y[i]);
  return s / p.length;
}

/** a = E[ell'(p) x] and q = E[ell'(p) f]: every gradient below is built from these. */
function scoreMoments(data: ResidualData, p: Float64Array, d: number, k: number) {
  const a = new Float64Array(d);
  const q = new Float64Array(k);
  const n = p.length;
  for (let i = 0; i < n; i++) {
    const s = data.loss.d1(p[i], data.y[i]) / n;
    const x = data.X[i],
      f = data.Fx[i];
    for (let j = 0; j < d; j++) a[j] += s * x[j];
    for (let c = 0; c < k; c++) q[c] += s * f[c];
  }
  return { a, q };
}

function sumSq(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/** V q (d) and the outer product w q^T (d x k). */
function vq(V: Mat, q: Float64Array): number[] {
  return V.map((row) => dotRow(row, q));
}
function outer(w: Vec, q: Float64Array): number[][] {
  return w.map((wa) => Array.from(q, (qc) => wa * qc));
}

function checkParams(dims: Dims, w: Vec, V: Mat): void {
  assertVector(w, 'w', dims.d);
  assertMatrix(V, 'V', dims.d, dims.k);
}

/** F(w, V) = mean_i ell(w^T (x_i + V f_i); y_i). */
export function residualLoss(data: ResidualData, w: Vec, V: Mat): number {
  const dims = checkData(data);
  checkParams(dims, w, V);
  return meanLoss(data.loss, predictions(data, w, vtw(V, w, dims.k)), data.y);
}

/** grad_w F = E[ell' z] = a + V q, grad_V F = E[ell' w f^T] = w q^T. */
export function residualGradient(data: ResidualData, w: Vec, V: Mat): ResidualGradient {
  const dims = checkData(data);
  checkParams(dims, w, V);
  const p = predictions(data, w, vtw(V, w, dims.k));
  const { a, q } = scoreMoments(data, p, dims.d, dims.k);
  const gw = vq(V, q).map((v, j) => v + a[j]);
  const gV = outer(w, q);
  return { gw, gV, norm: Math.sqrt(sumSq(gw) + sumSq(gV.flat())) };
}

/**
 * Full Hessian w.r.t. (w, vec V), size d + d k, vec V row-major (V[a][c] at d + a k + c).
 * With g = grad_(w,V) p = (z, w f^T) and the only non-zero second derivative of p being
 * d2p / dw_a dV_ac = f_c:  H = E[ell''(p) g g^T] + E[ell'(p) d2p], the second term being the
 * cross block [a = b] q_c.
 */
export function residualHessian(data: ResidualData, w: Vec, V: Mat): number[][] {
  const { n, d, k } = checkData(data);
  checkParams({ n, d, k }, w, V);
  const D = d + d * k;
  const p = predictions(data, w, vtw(V, w, k));
  const H = new Float64Array(D * D);
  const g = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    const h = data.loss.d2(p[i], data.y[i]) / n;
    if (h === 0) continue;
    const x = data.X[i],
      f = data.Fx[i];
    for (let a = 0; a < d; a++) {
      g[a] = x[a] + dotRow(V[a], f);
      for (let c = 0; c < k; c++) g[d + a * k + c] = w[a] * f[c];
    }
    // Upper triangle only; mirrored below, so H is exactly symmetric.
    for (let r = 0; r < D; r++) {
      const hr = h * g[r];
      if (hr === 0) continue;
      for (let c = r; c < D; c++) H[r * D + c] += hr * g[c];
    }
  }
  const { q } = scoreMoments(data, p, d, k);
  for (let a = 0; a < d; a++) for (let c = 0; c < k; c++) H[a * D + d + a * k + c] += q[c];
  const out: number[][] = [];
  for (let r = 0; r < D; r++) {
    const row = new Array<number>(D);
    for (let c = 0; c < D; c++) row[c] = c >= r ? H[r * D + c] : H[c * D + r];
    out.push(row);
  }
  return out;
}

function linearData(X: Mat, y: Vec, loss: Loss, w: Vec): ResidualData {
  const [n, d] = assertMatrix(X, 'X');
  assertVector(y, 'y', n);
  checkLoss(loss, 'loss');
  assertVector(w, 'w', d);
  return { X, Fx: X, y, loss };
}

/** F_lin(w) = F(w, 0) = mean_i ell(w^T x_i; y_i). */
export function linearLoss(X: Mat, y: Vec, loss: Loss, w: Vec): number {
  const data = linearData(X, y, loss, w);
  return meanLoss(loss, predictions(data, w, null), y);
}

/** grad F_lin(w) = E[ell'(w^T x) x]. */
export function linearGradient(X: Mat, y: Vec, loss: Loss, w: Vec): number[] {
  const data = linearData(X, y, loss, w);
  return Array.from(scoreMoments(data, predictions(data, w, null), w.length, 0).a);
}

/** Hess F_lin(w) = E[ell''(w^T x) x x^T]. */
export function linearHessian(X: Mat, y: Vec, loss: Loss, w: Vec): number[][] {
  const data = linearData(X, y, loss, w);
  const d = w.length;
  const p = predictions(data, w, null);
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < p.length; i++) {
    const h = loss.d2(p[i], y[i]) / p.length;
    const x = X[i];
    for (let r = 0; r < d; r++) for (let c = r; c < d; c++) H[r][c] += h * x[r] * x[c];
  }
  for (let r = 0; r < d; r++) for (let c = 0; c < r; c++) H[r][c] = H[c][r];
  return H;
}

/** Tweaked unit (Thm 4): p = w^T x + v^T f. */
export function tweakedLoss(data: ResidualData, w: Vec, v: Vec): number {
  const dims = checkData(data);
  assertVector(w, 'w', dims.d);
  assertVector(v, 'v', dims.k);
  return meanLoss(data.loss, predictions(data, w, v), data.y);
}

/** grad_w = E[ell' x], grad_v = E[ell' f]. */
export function tweakedGradient(data: ResidualData, w: Vec, v: Vec): TweakedGradient {
  const dims = checkData(data);
  assertVector(w, 'w', dims.d);
  assertVector(v, 'v', dims.k);
  const { a, q } = scoreMoments(data, predictions(data, w, v), dims.d, dims.k);
  return { gw: Array.from(a), gv: Array.from(q), norm: Math.sqrt(sumSq(a) + sumSq(q)) };
}

/** No-skip unit (Cor 1's mutant): p = w^T V f; X only fixes n and d. */
export function noSkipLoss(data: ResidualData, w: Vec, V: Mat): number {
  const dims = checkData(data);
  checkParams(dims, w, V);
  return meanLoss(data.loss, predictions(data, null, vtw(V, w, dims.k)), data.y);
}

/** grad_w = E[ell' V f] = V q, grad_V = E[ell' w f^T] = w q^T. */
export function noSkipGradient(data: ResidualData, w: Vec, V: Mat): ResidualGradient {
  const dims = checkData(data);
  checkParams(dims, w, V);
  const p = predictions(data, null, vtw(V, w, dims.k));
  const { q } = scoreMoments(data, p, dims.d, dims.k);
  const gw = vq(V, q);
  const gV = outer(w, q);
  return { gw, gV, norm: Math.sqrt(sumSq(gw) + sumSq(gV.flat())) };
}
