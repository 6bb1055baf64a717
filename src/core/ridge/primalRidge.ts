/**
 * Ridge regression over a fixed feature map in the primal (D x D) form, for the feature learners
 * of Allen-Zhu & Li 2019 (random ReLU features, the ResNet's last layer): an adapter over
 * `kernels/choleskyRidge` and `kernels/cgRidge` with a more accurate Gram.
 *
 * Why not `kernels/featureRegression` directly: it forms Phi^T Phi with one float32 matMul over
 * all N rows. At N = 1e4, D = 4096 (the catalog's thm4 scale) the accumulated float32 error
 * (~1e-7 sqrt(N) of entries ~N / 2) exceeds the smallest ridge of the catalog grid
 * (mu = 1e-4 N = 1), so Cholesky reports an indefinite matrix and CG needs ~200 s per seed.
 * Here the rows go in chunks of `chunkRows`: each chunk's product is float32 (exact float32
 * inputs, short sums), and the chunks are summed in float64, which keeps the Gram's error well
 * below every ridge on the grid; then one float64 Cholesky per ridge (~7 s at D = 4096), with
 * float32 CG plus float64 refinement as the fallback should a factorisation still fail.
 * Predictions and MSEs are float64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { cgRidgePath } from './cgRidge.js';
import { choleskyRidgeSolve } from './choleskyRidge.js';
import { allocGram, assertGram, float32Data, type FlatMatrix } from '../kernels/Gram.js';
import { flatMatMul } from '../linalg/flatMatMul.js';
import type { RidgeSolution } from './ridgeResidual.js';
import { bestRidgeIndex, meanSquaredError } from './selectRidge.js';

/** Phi^T Phi (D x D, float64) from float32 products of row chunks summed in float64. */
export function chunkedFeatureGram(Phi: FlatMatrix, chunkRows = 512): FlatMatrix {
  assertGram(Phi, 'Phi');
  const { rows: n, cols: D } = Phi;
  const out = allocGram(D, D);
  const f32 = float32Data(Phi);
  for (let r0 = 0; r0 < n; r0 += chunkRows) {
    const r1 = Math.min(n, r0 + chunkRows);
    const part = tf.tidy(() => {
      const c = tf.tensor2d(f32.subarray(r0 * D, r1 * D), [r1 - r0, D]);
      // Transposed copy first: wasm's transposed matMul is ~7x slower than a copy.
      return tf.matMul(tf.transpose(c), c);
    });
    const v = part.dataSync();
    for (let i = 0; i < v.length; i++) out.data[i] += v[i];
    part.dispose();
  }
  return out;
}

export interface PrimalRidgeResult {
  /** Chosen ridge factor lam (mu = lam * n) and the test MSE at every lam, in grid order. */
  readonly lambda: number;
  readonly mse: number;
  readonly scores: readonly { readonly lambda: number; readonly mse: number }[];
}

function solveOne(A: FlatMatrix, B: FlatMatrix, mu: number): RidgeSolution {
  return choleskyRidgeSolve(A, B, mu) ?? cgRidgePath(A, B, [mu], { tol: 1e-6 })[0];
}

/**
 * Fits W = (Phi^T Phi + lam n I)^{-1} Phi^T Y for every lam and scores Phi_test W on the test
 * targets (mean over rows of the squared error summed over outputs); the best lam on the test
 * set is the catalog's rule for the allenzhu-li-2019 learners.
 */
export function primalRidgeOnTest(
  Phi: FlatMatrix,
  Y: FlatMatrix,
  PhiTest: FlatMatrix,
  YTest: FlatMatrix,
  lambdas: readonly number[],
): PrimalRidgeResult {
  assertGram(Y, 'Y', Phi.rows);
  assertGram(PhiTest, 'PhiTest', undefined, Phi.cols);
  assertGram(YTest, 'YTest', PhiTest.rows, Y.cols);
  if (lambdas.length === 0) throw new RangeError('primalRidgeOnTest: lambdas must hold at least one ridge factor');
  const A = chunkedFeatureGram(Phi);
  const B = flatMatMul(Phi, Y, { transposeA: true, mode: 'float64' });
  const scores = lambdas.map((lambda) => {
    const W = solveOne(A, B, lambda * Phi.rows);
    const pred = flatMatMul(PhiTest, { rows: Phi.cols, cols: Y.cols, data: W.X }, { mode: 'float64' });
    return { lambda, mse: meanSquaredError(pred, YTest) };
  });
  const best = scores[bestRidgeIndex(scores)];
  return { lambda: best.lambda, mse: best.mse, scores };
}
