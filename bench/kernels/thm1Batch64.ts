/**
 * Shamir (2018) Theorem 1, evaluated in float64 on a batch of independent instances with one
 * fused pass over each instance's rows: the bench workload shamir-thm1-eval
 * (shared/bench/README.md W4).
 *
 * Per instance (n rows of dimension d, random MLP f(x) = B relu(A x + c) in R^k with hidden
 * width h, model x -> w.(x + V f(x)), squared loss):
 *   F = (1/2n) sum r_i^2 with r = Z w - y, Z rows x_i + V f(x_i);
 *   ||grad F||^2 = ||Z^T r/n||^2 + ||w||^2 ||f(X)^T r/n||^2   (grad_V F = w (f(X)^T r)^T / n);
 *   F_lin = (1/2n) ||X w* - y||^2 with (X^T X) w* = X^T y;
 *   RHS = ||grad F|| sqrt(2||w||^2 + ||w*||^2 (2 + ||V||_2^2/||w||^2));
 * and the theorem says gap = (F - F_lin) - RHS <= 0.
 *
 * One pass accumulates r, Z^T r, f^T r, X^T X and X^T y row by row (no n x k intermediates),
 * the normal equations are solved by Cholesky (X^T X is SPD for n >= d generic rows), and
 * ||V||_2 comes from the largest eigenvalue of V^T V (symmetricMaxEig.ts).
 */
import { symmetricMaxEigInPlace } from './symmetricMaxEig.js';
import { residualKernel, rowAccLength, rowKernel } from './thm1RowKernel.js';

export interface Thm1Batch {
  readonly instances: number;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly h: number;
  /** instances x n x d */
  readonly X: Float64Array;
  /** instances x n */
  readonly y: Float64Array;
  /** instances x h x d */
  readonly A: Float64Array;
  /** instances x h */
  readonly c: Float64Array;
  /** instances x k x h */
  readonly B: Float64Array;
  /** instances x d */
  readonly w: Float64Array;
  /** instances x d x k */
  readonly V: Float64Array;
}

function checkSize(name: string, arr: ArrayLike<number>, want: number): void {
  if (arr.length !== want) throw new RangeError(`thm1Gaps: ${name} must have ${want} entries, got ${arr.length}`);
}

/**
 * The row pass, generic loops: acc = [rr, gw(d), fr(k), xty(d), G lower (d(d+1)/2)] with
 * rr = sum r_i^2, gw = Z^T r, fr = f(X)^T r, xty = X^T y, G = X^T X (see thm1RowKernel.ts,
 * which must compute the same sums in the same order).
 */
export function genericRows(b: Thm1Batch, inst: number, acc: Float64Array, hid: Float64Array, f: Float64Array, z: Float64Array): void {
  const { n, d, k, h, X, y, A, c, B, w, V } = b;
  const xo = inst * n * d,
    yo = inst * n,
    ao = inst * h * d,
    co = inst * h,
    bo = inst * k * h,
    wo = inst * d,
    vo = inst * d * k;
  const oG = 1 + d + k + d;
  acc.fill(0, 0, rowAccLength(d, k));
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const xi = xo + i * d;
    for (let j = 0; j < h; j++) {
      let s = c[co + j];
      const aj = ao + j * d;
      for (let a = 0; a < d; a++) s += A[aj + a] * X[xi + a];
      hid[j] = s > 0 ? s : 0;
    }
    for (let q = 0; q < k; q++) {
      let s = 0;
      const bq = bo + q * h;
      for (let j = 0; j < h; j++) s += B[bq + j] * hid[j];
      f[q] = s;
    }
    let p = 0;
    for (let a = 0; a < d; a++) {
      let s = X[xi + a];
      const va = vo + a * k;
      for (let q = 0; q < k; q++) s += V[va + q] * f[q];
      z[a] = s;
      p += s * w[wo + a];
    }
    const yi = y[yo + i];
    const r = p - yi;
    rr += r * r;
    for (let a = 0; a < d; a++) acc[1 + a] += z[a] * r;
    for (let q = 0; q < k; q++) acc[1 + d + q] += f[q] * r;
    for (let a = 0, g = oG; a < d; a++) {
      const xa = X[xi + a];
      acc[1 + d + k + a] += xa * yi;
      for (let bb = 0; bb <= a; bb++, g++) acc[g] += xa * X[xi + bb];
    }
  }
  acc[0] = rr;
}

export interface Thm1Options {
  /** Use the unrolled row kernel when the sizes allow (default true; false = generic loops). */
  readonly specialise?: boolean;
}

function checkBatch(b: Thm1Batch): void {
  const { instances: I, n, d, k, h } = b;
  checkSize('X', b.X, I * n * d);
  checkSize('y', b.y, I * n);
  checkSize('A', b.A, I * h * d);
  checkSize('c', b.c, I * h);
  checkSize('B', b.B, I * k * h);
  checkSize('w', b.w, I * d);
  checkSize('V', b.V, I * d * k);
  if (n < d) throw new RangeError(`thm1Gaps: need n >= d for a unique w*, got n = ${n}, d = ${d}`);
}

/** gap_i = (F - F_lin) - RHS for instances [from, to) into out[i]; returns out. */
export function thm1Gaps(
  b: Thm1Batch,
  out: Float64Array = new Float64Array(b.instances),
  from = 0,
  to = b.instances,
  opts: Thm1Options = {},
): Float64Array {
  checkBatch(b);
  const { n, d, k, h } = b;
  const fast = opts.specialise === false ? undefined : rowKernel(d, h, k);
  const finish = finisher(b, opts);
  const acc = new Float64Array(rowAccLength(d, k));
  const hid = new Float64Array(h);
  const fv = new Float64Array(k);
  const z = new Float64Array(d);
  for (let inst = from; inst < to; inst++) {
    if (fast) fast(b.X, b.y, b.A, b.c, b.B, b.w, b.V, n, inst, acc);
    else genericRows(b, inst, acc, hid, fv, z);
    out[inst] = finish(inst, acc, 0);
  }
  return out;
}

/**
 * The gaps from row accumulators computed elsewhere (e.g. by the wasm kernel thm1_rows):
 * rows holds rowAccLength(d, k) numbers per instance, instance-major.
 */
export function thm1GapsFromRows(
  b: Thm1Batch,
  rows: Float64Array,
  out: Float64Array = new Float64Array(b.instances),
  from = 0,
  to = b.instances,
): Float64Array {
  checkBatch(b);
  const L = rowAccLength(b.d, b.k);
  checkSize('rows', rows, b.instances * L);
  const finish = finisher(b, {});
  for (let inst = from; inst < to; inst++) out[inst] = finish(inst, rows, inst * L);
  return out;
}

/** The per-instance tail: w* by Cholesky, F_lin, ||V||_2, RHS, gap (scratch allocated once). */
function finisher(b: Thm1Batch, opts: Thm1Options): (inst: number, acc: Float64Array, o: number) => number {
  const { n, d, k, X, y, w, V } = b;
  const fastResidual = opts.specialise === false ? undefined : residualKernel(d);
  const G = new Float64Array(d * d);
  const ws = new Float64Array(d);
  const m = Math.min(d, k);
  const S = new Float64Array(m * m);
  const e1 = new Float64Array(m);
  const e2 = new Float64Array(m);
  const oG = 1 + d + k + d;
  return (inst, acc, o) => {
    const xo = inst * n * d,
      yo = inst * n,
      wo = inst * d,
      vo = inst * d * k;
    const F = (0.5 * acc[o]) / n;
    let gw2 = 0;
    for (let a = 0; a < d; a++) gw2 += acc[o + 1 + a] * acc[o + 1 + a];
    let fr2 = 0;
    for (let q = 0; q < k; q++) fr2 += acc[o + 1 + d + q] * acc[o + 1 + d + q];
    let ww = 0;
    for (let a = 0; a < d; a++) ww += w[wo + a] * w[wo + a];
    const grad = Math.sqrt(gw2 / (n * n) + (ww * fr2) / (n * n));
    // w* = (X^T X)^-1 X^T y by Cholesky of G = X^T X (lower triangle, in place).
    for (let a = 0, g = o + oG; a < d; a++) for (let bb = 0; bb <= a; bb++, g++) G[a * d + bb] = acc[g];
    for (let j = 0; j < d; j++) {
      let s = G[j * d + j];
      for (let p = 0; p < j; p++) s -= G[j * d + p] * G[j * d + p];
      if (!(s > 0)) throw new RangeError(`thm1Gaps: X^T X of instance ${inst} is singular; w* is not unique`);
      const dj = Math.sqrt(s);
      G[j * d + j] = dj;
      for (let i = j + 1; i < d; i++) {
        let t = G[i * d + j];
        for (let p = 0; p < j; p++) t -= G[i * d + p] * G[j * d + p];
        G[i * d + j] = t / dj;
      }
    }
    for (let i = 0; i < d; i++) {
      let s = acc[o + 1 + d + k + i];
      for (let p = 0; p < i; p++) s -= G[i * d + p] * ws[p];
      ws[i] = s / G[i * d + i];
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = ws[i];
      for (let p = i + 1; p < d; p++) s -= G[p * d + i] * ws[p];
      ws[i] = s / G[i * d + i];
    }
    let rl = 0;
    if (fastResidual) rl = fastResidual(X, y, n, inst, ws);
    else {
      for (let i = 0; i < n; i++) {
        const xi = xo + i * d;
        let s = -y[yo + i];
        for (let a = 0; a < d; a++) s += X[xi + a] * ws[a];
        rl += s * s;
      }
    }
    const Flin = (0.5 * rl) / n;
    let ss = 0;
    for (let a = 0; a < d; a++) ss += ws[a] * ws[a];
    // ||V||_2^2 = lambda_max of the smaller Gram matrix (V^T V if k <= d, else V V^T).
    if (k <= d) {
      for (let p = 0; p < k; p++)
        for (let q = 0; q <= p; q++) {
          let s = 0;
          for (let a = 0; a < d; a++) s += V[vo + a * k + p] * V[vo + a * k + q];
          S[p * m + q] = s;
        }
    } else {
      for (let p = 0; p < d; p++)
        for (let q = 0; q <= p; q++) {
          let s = 0;
          for (let j = 0; j < k; j++) s += V[vo + p * k + j] * V[vo + q * k + j];
          S[p * m + q] = s;
        }
    }
    const v2 = symmetricMaxEigInPlace(S, m, e1, e2);
    const rhs = grad * Math.sqrt(2 * ww + ss * (2 + v2 / ww));
    return F - Flin - rhs;
  };
}
