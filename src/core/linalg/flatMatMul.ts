/**
 * Products of flat matrices for the learners (feature Grams Phi^T Phi, predictions K alpha):
 * float64 JS loops when small, one float32 TF.js matMul when large, by the same rule as
 * `innerProducts` (TF_INNER_PRODUCT_THRESHOLD multiply-adds). Transposes are materialised before
 * the TF.js matMul: measured on wasm, the transposeA / transposeB flags are ~7x slower.
 */
import * as tf from '@tensorflow/tfjs-core';
import { allocGram, assertGram, float32Data, TF_INNER_PRODUCT_THRESHOLD, type FlatMatrix, type InnerProductMode } from '../kernels/Gram.js';

export interface FlatMatMulOptions {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  readonly mode?: InnerProductMode;
}

/** A^T as a new float64 matrix. */
export function transposeFlat(A: FlatMatrix): FlatMatrix {
  const T = allocGram(A.cols, A.rows);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) T.data[j * A.rows + i] = A.data[i * A.cols + j];
  return T;
}

/** op(A) op(B) in float64 storage, op = transpose where flagged. */
export function flatMatMul(A: FlatMatrix, B: FlatMatrix, options: FlatMatMulOptions = {}): FlatMatrix {
  assertGram(A, 'A');
  assertGram(B, 'B');
  const ta = options.transposeA ?? false;
  const tb = options.transposeB ?? false;
  const [m, inner] = ta ? [A.cols, A.rows] : [A.rows, A.cols];
  const [innerB, p] = tb ? [B.cols, B.rows] : [B.rows, B.cols];
  if (inner !== innerB) {
    throw new RangeError(`flatMatMul: inner dimensions differ (${m} x ${inner} times ${innerB} x ${p}); check the transpose flags`);
  }
  const mode = options.mode ?? 'auto';
  const C = allocGram(m, p);
  if (mode === 'tfjs' || (mode === 'auto' && m * inner * p > TF_INNER_PRODUCT_THRESHOLD)) {
    const product = tf.tidy(() => {
      const a = tf.tensor2d(float32Data(A), [A.rows, A.cols]);
      const b = tf.tensor2d(float32Data(B), [B.rows, B.cols]);
      return tf.matMul(ta ? tf.transpose(a) : a, tb ? tf.transpose(b) : b);
    });
    C.data.set(product.dataSync() as Float32Array);
    product.dispose();
    return C;
  }
  if (tb && !ta) {
    // Rows of A against rows of B: contiguous dot products.
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let t = 0; t < inner; t++) s += A.data[i * inner + t] * B.data[j * inner + t];
        C.data[i * p + j] = s;
      }
    }
    return C;
  }
  // Otherwise C_i += a_{i,l} b_l, streaming rows of the (materialised) B.
  const a = ta ? transposeFlat(A) : A;
  const b = tb ? transposeFlat(B) : B;
  for (let i = 0; i < m; i++) {
    const ci = i * p;
    for (let l = 0; l < inner; l++) {
      const v = a.data[i * inner + l];
      if (v === 0) continue;
      const bl = l * p;
      for (let j = 0; j < p; j++) C.data[ci + j] += v * b.data[bl + j];
    }
  }
  return C;
}
