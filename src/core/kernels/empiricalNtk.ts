/**
 * Empirical (finite-width) neural tangent kernel of a scalar-output core model (Jacot et al.
 * 2018, eq. (2)): Theta(x, z) = sum_p df(x)/dp df(z)/dp, summed over every parameter entry.
 *
 * Per-example gradients by the batch trick: C copies of the parameters are stacked on a chain
 * axis (the `Model` contract lets every model run C parameter sets at once), chain c sees only
 * example c (x as [C, 1, d]), and one `tf.grads` of the summed outputs returns the C
 * per-example gradients at once, instead of C backward passes. The Jacobian rows are read back
 * as float32 and their inner products accumulated in float64 JS: measured, wasm's matMul of an
 * [8, 16.8M] Jacobian by its transpose runs at ~2 GFLOP/s (packing dominates), no faster than
 * this loop, and float64 sums keep the 16.8M-term dot products accurate.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertMatrix, type Mat } from '../linalg/dense.js';
import type { Model, Params } from '../models/Model.js';
import { allocGram, type Gram } from './Gram.js';

export interface EmpiricalNtkOptions {
  /**
   * Examples per backward pass. Default: as many as keep C * (number of parameters) under
   * 2^25 floats (128 MB of stacked copies plus as much for their gradients).
   */
  readonly chunk?: number;
}

const STACK_BUDGET = 2 ** 25;

/** Per-example gradients of a scalar model: for each parameter, a row-major [n, size] Float32Array. */
export function perExampleGradients(model: Model, params: Params, rows: Mat, options: EmpiricalNtkOptions = {}): Map<string, Float32Array> {
  if (model.outputDim !== 1) {
    throw new RangeError(`empiricalNtk: the model must have one output (got ${model.outputDim}); take one output unit first`);
  }
  const [n, d] = assertMatrix(rows, 'X', undefined, model.inputDim);
  const names = Object.keys(params);
  if (names.length === 0) throw new RangeError('empiricalNtk: params is empty; the NTK of a model without parameters is 0');
  for (const name of names) {
    const shape = model.shapes[name];
    if (shape === undefined || !tf.util.arraysEqual([...shape], params[name].shape)) {
      throw new RangeError(
        `empiricalNtk: params["${name}"] has shape [${params[name].shape}], the model expects [${shape ?? 'nothing'}] (unbatched)`,
      );
    }
  }
  const sizes = names.map((name) => params[name].size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const chunk = options.chunk ?? Math.max(1, Math.min(n, Math.floor(STACK_BUDGET / total)));
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`empiricalNtk: chunk must be a positive integer, got ${chunk}`);
  const out = new Map(names.map((name, i) => [name, new Float32Array(n * sizes[i])]));
  for (let start = 0; start < n; start += chunk) {
    const C = Math.min(chunk, n - start);
    const grads = tf.tidy(() => {
      const flat = Float32Array.from(rows.slice(start, start + C).flat());
      const named = (ps: tf.Tensor[]): Params => Object.fromEntries(names.map((nm, i) => [nm, ps[i]]));
      if (C === 1) {
        // One example: differentiate with respect to the parameters themselves, no copies.
        const x = tf.tensor2d(flat, [1, d]);
        return tf.grads((...ps: tf.Tensor[]) => tf.sum(model.apply(named(ps), x)))(names.map((name) => params[name]));
      }
      // Fresh stacked copies (not views of `params`): the tape differentiates with respect to
      // them. tf.stack, not tf.tile: measured on wasm, tile of a 4096 x 4096 matrix is ~25x slower.
      const x = tf.tensor3d(flat, [C, 1, d]);
      const stacked = names.map((name) => tf.stack(new Array<tf.Tensor>(C).fill(params[name])));
      return tf.grads((...ps: tf.Tensor[]) => tf.sum(model.apply(named(ps), x)))(stacked);
    });
    names.forEach((name, i) => {
      out.get(name)!.set(grads[i].dataSync() as Float32Array, start * sizes[i]);
    });
    tf.dispose(grads);
  }
  return out;
}

const COLUMN_BLOCK = 4096;

/**
 * out[i][j] += <A_i, B_j> (rows of length `size`) in float64, column block by column block so
 * the rows involved stay in cache; with `symmetric` (A = B) only j >= i is computed.
 */
function accumulateGram(
  A: Float32Array,
  nA: number,
  B: Float32Array,
  nB: number,
  size: number,
  out: Float64Array,
  symmetric: boolean,
): void {
  for (let c0 = 0; c0 < size; c0 += COLUMN_BLOCK) {
    const c1 = Math.min(c0 + COLUMN_BLOCK, size);
    for (let i = 0; i < nA; i++) {
      const ai = i * size;
      for (let j = symmetric ? i : 0; j < nB; j++) {
        const bj = j * size;
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        let t = c0;
        for (; t + 3 < c1; t += 4) {
          s0 += A[ai + t] * B[bj + t];
          s1 += A[ai + t + 1] * B[bj + t + 1];
          s2 += A[ai + t + 2] * B[bj + t + 2];
          s3 += A[ai + t + 3] * B[bj + t + 3];
        }
        for (; t < c1; t++) s0 += A[ai + t] * B[bj + t];
        out[i * nB + j] += s0 + s1 + s2 + s3;
      }
    }
  }
}

/** Theta(x_i, z_j) for the rows of X and Z (Z = X if omitted), as a float64 Gram. */
export function empiricalNtk(model: Model, params: Params, X: Mat, Z?: Mat, options: EmpiricalNtkOptions = {}): Gram {
  const symmetric = Z === undefined || Z === X;
  const gx = perExampleGradients(model, params, X, options);
  const gz = symmetric ? gx : perExampleGradients(model, params, Z, options);
  const nA = X.length;
  const nB = symmetric ? nA : Z.length;
  const out = allocGram(nA, nB);
  const data = out.data as Float64Array;
  for (const [name, A] of gx) accumulateGram(A, nA, gz.get(name)!, nB, A.length / nA, data, symmetric);
  if (symmetric) for (let i = 0; i < nA; i++) for (let j = 0; j < i; j++) data[i * nB + j] = data[j * nB + i];
  return out;
}
