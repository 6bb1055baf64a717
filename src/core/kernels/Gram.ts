/**
 * Gram matrices: the one representation every kernel in this folder produces and every learner
 * (kernel ridge regression, random features) consumes. Row-major flat typed arrays rather than
 * `number[][]`: at n = 5000 a Gram is 25M entries, and a flat Float64Array (200 MB) or
 * Float32Array (100 MB, uploaded to TF.js without conversion) is both smaller and faster.
 *
 * Also here: the shared "inner products" step of every dot-product kernel, with the one place
 * that decides between float64 JS loops and a float32 TF.js matMul.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertMatrix, type Mat } from '../linalg/dense.js';

/** A dense row-major matrix on a flat typed array (features, targets, Gram matrices). */
export interface FlatMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major rows x cols. */
  readonly data: Float64Array | Float32Array;
}

/** A Gram matrix: entry (i, j) is k(x_i, z_j). */
export type Gram = FlatMatrix;

export type GramDtype = 'float64' | 'float32';

export function allocGram(rows: number, cols: number, dtype: GramDtype = 'float64'): Gram {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new RangeError(`a Gram matrix needs positive integer rows and cols, got ${rows} x ${cols}`);
  }
  const size = rows * cols;
  return { rows, cols, data: dtype === 'float64' ? new Float64Array(size) : new Float32Array(size) };
}

/** Checks that `g` is a well-formed Gram (of the given shape if asked), naming the argument. */
export function assertGram(g: FlatMatrix, name: string, rows?: number, cols?: number): void {
  if (g === null || typeof g !== 'object' || !(g.data instanceof Float64Array || g.data instanceof Float32Array)) {
    throw new TypeError(`${name} must be a flat matrix {rows, cols, data: Float64Array | Float32Array}`);
  }
  if (g.data.length !== g.rows * g.cols) {
    throw new RangeError(`${name}.data has ${g.data.length} entries, expected rows * cols = ${g.rows * g.cols}`);
  }
  if (rows !== undefined && g.rows !== rows) throw new RangeError(`${name} must have ${rows} rows, got ${g.rows}`);
  if (cols !== undefined && g.cols !== cols) throw new RangeError(`${name} must have ${cols} columns, got ${g.cols}`);
}

export function gramFromRows(rows: Mat, name = 'rows'): Gram {
  const [m, n] = assertMatrix(rows, name);
  const g = allocGram(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) g.data[i * n + j] = rows[i][j];
  return g;
}

export function gramToRows(g: Gram): number[][] {
  return Array.from({ length: g.rows }, (_, i) => Array.from(g.data.subarray(i * g.cols, (i + 1) * g.cols)));
}

export function gramEntry(g: Gram, i: number, j: number): number {
  return g.data[i * g.cols + j];
}

/** The sub-matrix on the given rows and columns (e.g. a training fold), same dtype. */
export function subGram(g: Gram, rowIdx: ArrayLike<number>, colIdx: ArrayLike<number>): Gram {
  const out = allocGram(rowIdx.length, colIdx.length, g.data instanceof Float32Array ? 'float32' : 'float64');
  for (let a = 0; a < rowIdx.length; a++) {
    const src = rowIdx[a] * g.cols;
    const dst = a * colIdx.length;
    for (let b = 0; b < colIdx.length; b++) out.data[dst + b] = g.data[src + colIdx[b]];
  }
  return out;
}

/** ||A - B||_F / ||B||_F: how far a finite-width or float32 Gram is from its reference B. */
export function relativeFrobeniusError(A: Gram, B: Gram): number {
  assertGram(B, 'B');
  assertGram(A, 'A', B.rows, B.cols);
  let num = 0;
  let den = 0;
  for (let i = 0; i < B.data.length; i++) {
    num += (A.data[i] - B.data[i]) ** 2;
    den += B.data[i] ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

/** Above this many multiply-adds (n1 * n2 * d) inner products go through one TF.js matMul. */
export const TF_INNER_PRODUCT_THRESHOLD = 2e7;

/** How `innerProducts` computes <x_i, z_j>: 'auto' picks by size (see the threshold above). */
export type InnerProductMode = 'auto' | 'float64' | 'tfjs';

export interface DotProducts {
  /** <x_i, z_j>, rows(X) x rows(Z), stored in float64. */
  readonly gram: Gram;
  /** ||x_i||^2 and ||z_j||^2, always in float64. */
  readonly sqNormsX: Float64Array;
  readonly sqNormsZ: Float64Array;
}

function sqNorms(X: Mat): Float64Array {
  return Float64Array.from(X, (x) => x.reduce((s, v) => s + v * v, 0));
}

/**
 * Inner products of the rows of X (n1 x d) and Z (n2 x d; Z = X if omitted), the first step of
 * every dot-product kernel. Small problems use float64 loops (exploiting symmetry when Z = X).
 * Large ones use one TF.js matMul (~130 ms for 5000 x 5000 x 20 on wasm against ~0.8 s in JS):
 * products are then float32 (relative error ~1e-7 sqrt(d), exact for +-1 hypercube data).
 * Measured: wasm matMul(a, b, false, true) is ~7x slower than multiplying by a transposed copy
 * of Z, so Z^T is materialised first.
 */
export function innerProducts(X: Mat, Z?: Mat, mode: InnerProductMode = 'auto'): DotProducts {
  const [n1, d] = assertMatrix(X, 'X');
  const same = Z === undefined || Z === X;
  const Zm = same ? X : Z;
  const [n2] = same ? [n1] : assertMatrix(Zm, 'Z', undefined, d);
  const useTf = mode === 'tfjs' || (mode === 'auto' && n1 * n2 * d > TF_INNER_PRODUCT_THRESHOLD);
  const g = allocGram(n1, n2);
  if (useTf) {
    const flat = tf.tidy(() => {
      const x = tf.tensor2d(Float32Array.from(X.flat()), [n1, d]);
      const zt = same ? tf.transpose(x) : tf.transpose(tf.tensor2d(Float32Array.from(Zm.flat()), [n2, d]));
      return tf.matMul(x, zt);
    });
    g.data.set(flat.dataSync() as Float32Array);
    flat.dispose();
  } else {
    for (let i = 0; i < n1; i++) {
      const x = X[i];
      for (let j = same ? i : 0; j < n2; j++) {
        const z = Zm[j];
        let s = 0;
        for (let t = 0; t < d; t++) s += x[t] * z[t];
        g.data[i * n2 + j] = s;
        if (same) g.data[j * n2 + i] = s;
      }
    }
  }
  const sqNormsX = sqNorms(X);
  return { gram: g, sqNormsX, sqNormsZ: same ? sqNormsX : sqNorms(Zm) };
}

export interface DotKernelOptions {
  /** How inner products are computed (see `innerProducts`); default 'auto'. */
  readonly innerProducts?: InnerProductMode;
  /** Storage of the result; the kernel map itself is always evaluated in float64. */
  readonly dtype?: GramDtype;
}

/** Most distinct inner products `dotProductGram` tabulates f on (see `integerDotRange`). */
const DOT_TABLE_MAX = 1 << 16;

/** The common value of every entry of v, or undefined (also for an empty or NaN-holding v). */
function constantValue(v: Float64Array): number | undefined {
  const c = v[0];
  for (let i = 1; i < v.length; i++) if (v[i] !== c) return undefined;
  return v.length > 0 && c === c ? c : undefined;
}

/**
 * [min, max] of the inner products when all are integers (no -0) spanning at most DOT_TABLE_MAX
 * values, else undefined: e.g. +-1 hypercube or 0/1 data, whose products are exact integers.
 */
function integerDotRange(g: Float64Array | Float32Array): [number, number] | undefined {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < g.length; i++) {
    const v = g[i];
    if (v !== Math.round(v) || (v === 0 && 1 / v < 0)) return undefined;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (hi - lo >= DOT_TABLE_MAX) return undefined;
  }
  return g.length > 0 ? [lo, hi] : undefined;
}

/**
 * Applies f(||x||^2, ||z||^2, <x, z>) to every pair: the pattern of every dot-product kernel.
 * f must be a pure function of its three arguments. When every row of X has one squared norm,
 * every row of Z another, and the inner products are integers in a small range (binary inputs),
 * f is evaluated once per distinct inner product and the Gram filled from that table: the same
 * calls with the same arguments, so the same bits, without one transcendental per entry.
 */
export function dotProductGram(
  f: (sqNormX: number, sqNormZ: number, dotXZ: number) => number,
  X: Mat,
  Z: Mat | undefined,
  options: DotKernelOptions = {},
): Gram {
  const { gram, sqNormsX, sqNormsZ } = innerProducts(X, Z, options.innerProducts ?? 'auto');
  // float64 output overwrites the inner products in place (each is read once, then replaced).
  const out = options.dtype === 'float32' ? allocGram(gram.rows, gram.cols, 'float32') : gram;
  const nx = constantValue(sqNormsX);
  const nz = nx === undefined ? undefined : constantValue(sqNormsZ);
  const range = nz === undefined ? undefined : integerDotRange(gram.data);
  if (nx !== undefined && nz !== undefined && range !== undefined) {
    const [lo, hi] = range;
    const table = Float64Array.from({ length: hi - lo + 1 }, (_, t) => f(nx, nz, lo + t));
    for (let i = 0; i < gram.data.length; i++) out.data[i] = table[gram.data[i] - lo];
    return out;
  }
  for (let i = 0; i < gram.rows; i++) {
    const base = i * gram.cols;
    for (let j = 0; j < gram.cols; j++) out.data[base + j] = f(sqNormsX[i], sqNormsZ[j], gram.data[base + j]);
  }
  return out;
}

/** The entries as a Float32Array (no copy if already float32), e.g. for a TF.js tensor. */
export function float32Data(m: FlatMatrix): Float32Array {
  return m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
}

/** The given rows (all columns), same dtype. */
export function selectRows(m: FlatMatrix, rowIdx: ArrayLike<number>): FlatMatrix {
  const out = allocGram(rowIdx.length, m.cols, m.data instanceof Float32Array ? 'float32' : 'float64');
  for (let a = 0; a < rowIdx.length; a++) out.data.set(m.data.subarray(rowIdx[a] * m.cols, (rowIdx[a] + 1) * m.cols), a * m.cols);
  return out;
}
