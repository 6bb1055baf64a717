/**
 * Ridge regression over a feature map computed block by block, for Nichani, Damian & Lee's two
 * ridge learners: stage 2 of the three-layer algorithm (400 one-dimensional ReLU features of
 * the learned feature) and the two-layer random-feature baseline (3000 ReLU features of x).
 *
 * Why a module of its own: the baseline's Gram Phi^T Phi at n = 8000, D = 3000 is ~72 G
 * multiply-adds. It is accumulated here by the wasm SIMD GEMM of src/core/wasm on a one-thread
 * team (lower-triangle tiles only, a SYRK), streaming Phi in blocks of ROWS rows that are
 * generated, packed and discarded, so Phi (n x D) is never stored. Each block's product is
 * float32, the sum over blocks float64 (see `accumulate`): one float32 product over all n rows
 * would carry rounding above the catalog's smallest ridge mu = 1e-6 n. Each ridge is one blocked
 * float64 Cholesky (core/linalg/cholesky64).
 *
 * Ridge rule [R, catalog: lambda in {1e-6, 1e-4, 1e-2} times the sample count]: mu = lambda * n
 * for n training rows; the intercept is not penalised (y is centred by its training mean); lambda
 * is chosen by the MSE on a separate holdout set (as the paper tunes lambda on a holdout), never
 * on the test set.
 */
import {
  bestRidgeIndex,
  choleskyRidgeSolve,
  gemm,
  meanSquaredDifference,
  sharedTeam,
  type FlatMatrix,
  type WasmTeam,
} from 'claimcheck/core';

/** A feature map applied to blocks of input rows (each input row has `inputWidth` numbers). */
export interface BlockFeatureMap {
  readonly D: number;
  readonly inputWidth: number;
  /** Writes the features of `rows` input rows (row-major in `inputs`) into out (rows x D). */
  map(inputs: Float64Array, rows: number, out: Float64Array): void;
}

export interface RidgeFit {
  readonly lambda: number;
  /** Validation MSE per lambda, in grid order (Infinity where a factorisation failed). */
  readonly validationMse: readonly number[];
  readonly weights: Float64Array;
  readonly intercept: number;
}

const ROWS = 512;

const pad4 = (k: number) => Math.ceil(k / 4) * 4;
/** Gram side: a multiple of 8 (the float32 GEMM's column tile). */
const padD = (k: number) => Math.ceil(k / 8) * 8;

/**
 * Writes the lower triangle of Phi^T Phi (Dp x Dp, Dp = D rounded up to 8) into the float64
 * buffer at byte offset `c`, and Phi^T rs[k] into rhss[k], over `n` input rows.
 *
 * Each block of ROWS rows is multiplied by the float32 SIMD GEMM (2x the float64 kernel's speed)
 * and added into the float64 Gram: the float32 rounding then stays inside one block's 512-term
 * sums (relative ~1e-7 of a block's entries), and the blocks are summed in float64. The spec
 * bounds the difference from a float64 Gram; it matters only for the smallest ridge of the grid
 * (a factorisation that fails there scores Infinity and is not chosen).
 */
function accumulate(
  t: WasmTeam,
  fm: BlockFeatureMap,
  X: Float64Array,
  rs: readonly Float64Array[],
  n: number,
  c: number,
  rhss: readonly Float64Array[],
): void {
  const D = fm.D,
    Dp = padD(D),
    w = fm.inputWidth;
  const mark = t.mark();
  const ap = t.alloc(4 * Dp * ROWS);
  const bp = t.alloc(4 * Dp * ROWS);
  const c32 = t.alloc(4 * Dp * Dp);
  const block = new Float64Array(ROWS * D);
  const G = t.f64(c, Dp * Dp);
  G.fill(0);
  for (let r0 = 0; r0 < n; r0 += ROWS) {
    const rows = Math.min(ROWS, n - r0);
    fm.map(X.subarray(r0 * w, (r0 + rows) * w), rows, block);
    const kc = pad4(rows);
    // Panels of Phi^T (A role, 4 rows per tile) and of Phi (B role, 8 columns per tile):
    // A[t][p][i] = Phi[r0 + p][4t + i], B[t][p][i] = Phi[r0 + p][8t + i], zero-padded.
    const A = t.f32(ap, Dp * kc),
      B = t.f32(bp, Dp * kc);
    A.fill(0);
    B.fill(0);
    for (let p = 0; p < rows; p++) {
      const src = p * D;
      for (let j = 0; j < D; j++) {
        const v = block[src + j];
        A[((j >> 2) * kc + p) * 4 + (j & 3)] = v;
        B[((j >> 3) * kc + p) * 8 + (j & 7)] = v;
      }
      for (let k = 0; k < rs.length; k++) {
        const rp = rs[k][r0 + p],
          rhs = rhss[k];
        for (let j = 0; j < D; j++) rhs[j] += block[src + j] * rp;
      }
    }
    gemm(t, {
      precision: 'f32',
      chunk: 8,
      aAddr: ap,
      bAddr: bp,
      cAddr: c32,
      ldcBytes: 4 * Dp,
      kc,
      rowTile0: 0,
      rowTile1: Dp / 4,
      colTile0: 0,
      colTile1: Dp / 8,
      colChunk: 32,
      alpha: 1,
      accumulate: false,
      lowerTriangle: true,
    });
    const C = t.f32(c32, Dp * Dp);
    const Gv = t.f64(c, Dp * Dp);
    for (let i = 0; i < Dp; i++) for (let j = 0, o = i * Dp; j <= i; j++) Gv[o + j] += C[o + j];
  }
  t.release(mark);
}

function mean(y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i];
  return s / n;
}

/** Solves (G + mu I) w = b (G: Dp x Dp, symmetric) by core's ridge solve; null if not SPD. */
function solve(G: FlatMatrix, D: number, mu: number, b: Float64Array): Float64Array | null {
  const rhs = new Float64Array(G.rows);
  rhs.set(b.subarray(0, D));
  const sol = choleskyRidgeSolve(G, { rows: G.rows, cols: 1, data: rhs }, mu);
  return sol && sol.X.slice(0, D);
}

/** Predictions intercept + Phi(x) w for n input rows. */
export function ridgePredict(fm: BlockFeatureMap, weights: Float64Array, intercept: number, X: Float64Array, n: number): Float64Array {
  return ridgePredictMany(fm, [weights], intercept, X, n)[0];
}

/** Predictions of several weight vectors (one feature pass over the rows for all of them). */
function ridgePredictMany(
  fm: BlockFeatureMap,
  weights: readonly Float64Array[],
  intercept: number,
  X: Float64Array,
  n: number,
): Float64Array[] {
  const D = fm.D,
    w = fm.inputWidth;
  const out = weights.map(() => new Float64Array(n));
  const block = new Float64Array(ROWS * D);
  for (let r0 = 0; r0 < n; r0 += ROWS) {
    const rows = Math.min(ROWS, n - r0);
    fm.map(X.subarray(r0 * w, (r0 + rows) * w), rows, block);
    weights.forEach((wt, k) => {
      for (let p = 0; p < rows; p++) {
        let s = intercept;
        for (let j = 0; j < D; j++) s += block[p * D + j] * wt[j];
        out[k][r0 + p] = s;
      }
    });
  }
  return out;
}

/**
 * Ridge on all n rows of (X, y) for every lambda (one Gram, one Cholesky per lambda), scored on a
 * separate holdout (XVal, yVal): the model with the smallest holdout MSE is returned. The holdout
 * is neither training nor test data (the paper tunes lambda on a holdout of its own).
 */
export function ridgeSelectAndFit(
  fm: BlockFeatureMap,
  X: Float64Array,
  y: Float64Array,
  XVal: Float64Array,
  yVal: Float64Array,
  lambdas: readonly number[],
): RidgeFit {
  const n = y.length,
    nVal = yVal.length,
    D = fm.D,
    Dp = padD(D),
    w = fm.inputWidth;
  if (!(n >= 1 && nVal >= 1)) throw new RangeError(`ridgeSelectAndFit: need training and holdout rows, got ${n} and ${nVal}`);
  if (X.length !== n * w || XVal.length !== nVal * w)
    throw new RangeError(`ridgeSelectAndFit: X (${X.length}) and XVal (${XVal.length}) must hold ${n} and ${nVal} rows of ${w}`);
  if (lambdas.length === 0 || lambdas.some((l) => !(l > 0)))
    throw new RangeError('ridgeSelectAndFit: lambdas must be positive and non-empty');
  const t = sharedTeam();
  const mark = t.mark();
  try {
    const g = t.alloc(8 * Dp * Dp);
    const yMean = mean(y, n);
    const b = new Float64Array(D);
    accumulate(t, fm, X, [Float64Array.from(y, (v) => v - yMean)], n, g, [b]);
    // The lower triangle, mirrored: the ridge solve reads the lower triangle, its residual check all of it.
    const G: FlatMatrix = { rows: Dp, cols: Dp, data: Float64Array.from(t.f64(g, Dp * Dp)) };
    for (let i = 0; i < Dp; i++) for (let j = 0; j < i; j++) G.data[j * Dp + i] = G.data[i * Dp + j];
    const fits = lambdas.map((lam) => solve(G, D, lam * n, b));
    const solved = fits.filter((f): f is Float64Array => f !== null);
    if (solved.length === 0) throw new RangeError('ridgeSelectAndFit: no ridge of the grid gave a numerically positive definite system');
    const preds = ridgePredictMany(fm, solved, yMean, XVal, nVal);
    let next = 0;
    // A factorisation that failed (not numerically SPD) scores Infinity and is never chosen.
    const validationMse = fits.map((f) => (f === null ? Infinity : meanSquaredDifference(preds[next++], yVal)));
    const best = bestRidgeIndex(validationMse.map((mse, i) => ({ lambda: lambdas[i], mse })));
    return { lambda: lambdas[best], validationMse, weights: fits[best] as Float64Array, intercept: yMean };
  } finally {
    t.release(mark);
  }
}
