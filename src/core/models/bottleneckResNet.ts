/**
 * The three-layer ReLU ResNet with one skip of Allen-Zhu & Li, "What Can ResNet Learn
 * Efficiently, Going Beyond Kernels?" (NeurIPS 2019), Setting [V2]:
 *
 *   out(x) = A (sigma(W x + b1) + sigma(U sigma(W x + b1) + b2)),   sigma = ReLU,
 *
 * W in R^{m x d}, U in R^{m x m}, A in R^{k x m}. Row convention here (as in `mlp`):
 * h1 = relu(x W + b1), h2 = relu(h1 U + b2), out = (h1 + h2) A, so the params are
 * `W` [d, m], `b1` [m], `U` [m, m], `b2` [m], `A` [m, k] (transposes of the paper's matrices).
 * `skip: false` drops the second block (out = h1 A, the catalog's "2-layer" comparator), and
 * `activation: 'identity'` makes the network linear (thm1~linear-activation).
 *
 * Default init [C configuration of the catalog, the paper's own is R]: W ~ N(0, 1/d),
 * U ~ N(0, 0.01/m), A ~ N(0, 1/m), biases 0. Chains as in `Model.ts` (leading [C] axis).
 * Float64 twin: `bottleneckResNetForward64` below.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Key } from '../random.js';
import { checkInput, normalParam, param, positiveInt, type Model, type Params } from './Model.js';

export interface BottleneckResNetOptions {
  readonly inputDim: number;
  readonly width: number;
  readonly outputDim: number;
  /** Default 'relu'; 'identity' is the linear mutant. */
  readonly activation?: 'relu' | 'identity';
  /** Default true; false removes the U block (a two-layer network A relu(W x + b1)). */
  readonly skip?: boolean;
  /** Stds of the initial entries; defaults 1/sqrt(d), 0.1/sqrt(m), 1/sqrt(m), 0, 0. */
  readonly wStd?: number;
  readonly uStd?: number;
  readonly aStd?: number;
  readonly biasStd?: number;
}

const NAME = 'bottleneckResNet';

/** [C, m] chain-stacked biases broadcast over the n rows as [C, 1, m]. */
function addBias(h: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.add(h, b.rank === 2 ? tf.reshape(b, [b.shape[0], 1, -1]) : b);
}

export function bottleneckResNet(options: BottleneckResNetOptions): Model {
  const d = positiveInt(options.inputDim, `${NAME}: inputDim`);
  const m = positiveInt(options.width, `${NAME}: width`);
  const k = positiveInt(options.outputDim, `${NAME}: outputDim`);
  const act = options.activation ?? 'relu';
  if (act !== 'relu' && act !== 'identity') {
    throw new RangeError(`${NAME}: activation must be 'relu' or 'identity', got "${String(act)}"`);
  }
  const skip = options.skip ?? true;
  const stds = {
    W: options.wStd ?? 1 / Math.sqrt(d),
    U: options.uStd ?? 0.1 / Math.sqrt(m),
    A: options.aStd ?? 1 / Math.sqrt(m),
    b: options.biasStd ?? 0,
  };
  const shapes: Record<string, readonly number[]> = skip
    ? { W: [d, m], b1: [m], U: [m, m], b2: [m], A: [m, k] }
    : { W: [d, m], b1: [m], A: [m, k] };
  const sigma = (t: tf.Tensor) => (act === 'relu' ? tf.relu(t) : t);
  return {
    inputDim: d,
    outputDim: k,
    shapes,
    init: (key: Key): Params => {
      const out: Params = {
        W: normalParam(key, 'W', [d, m], stds.W),
        b1: normalParam(key, 'b1', [m], stds.b),
        A: normalParam(key, 'A', [m, k], stds.A),
      };
      if (skip) {
        out.U = normalParam(key, 'U', [m, m], stds.U);
        out.b2 = normalParam(key, 'b2', [m], stds.b);
      }
      return out;
    },
    apply: (params: Params, x: tf.Tensor2D | tf.Tensor3D): tf.Tensor => {
      checkInput(NAME, x, d);
      const h1 = sigma(addBias(tf.matMul(x, param(params, 'W', NAME)), param(params, 'b1', NAME)));
      const h = skip ? tf.add(h1, sigma(addBias(tf.matMul(h1, param(params, 'U', NAME)), param(params, 'b2', NAME)))) : h1;
      return tf.matMul(h, param(params, 'A', NAME));
    },
  };
}

/** Unbatched parameters as float64 arrays, in the layout of `bottleneckResNet` (row convention). */
export interface BottleneckParams64 {
  readonly W: readonly (readonly number[])[];
  readonly b1: readonly number[];
  readonly U?: readonly (readonly number[])[];
  readonly b2?: readonly number[];
  readonly A: readonly (readonly number[])[];
}

/**
 * Float64 forward pass (plain loops), the reference for `bottleneckResNet.apply` and for every
 * test MSE a verdict rests on. Rows of X in, rows of outputs out.
 */
export function bottleneckResNetForward64(
  p: BottleneckParams64,
  X: readonly (readonly number[])[],
  activation: 'relu' | 'identity' = 'relu',
): number[][] {
  const d = p.W.length;
  const m = p.b1.length;
  const k = p.A[0].length;
  const s = activation === 'relu' ? (v: number) => (v > 0 ? v : 0) : (v: number) => v;
  return X.map((x, r) => {
    if (x.length !== d) throw new RangeError(`bottleneckResNetForward64: X[${r}] must have ${d} entries, got ${x.length}`);
    const h1 = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let v = p.b1[j];
      for (let i = 0; i < d; i++) v += x[i] * p.W[i][j];
      h1[j] = s(v);
    }
    const h = Float64Array.from(h1);
    if (p.U && p.b2) {
      for (let j = 0; j < m; j++) {
        let v = p.b2[j];
        for (let i = 0; i < m; i++) v += h1[i] * p.U[i][j];
        h[j] += s(v);
      }
    }
    const out = new Array<number>(k).fill(0);
    for (let c = 0; c < k; c++) for (let j = 0; j < m; j++) out[c] += h[j] * p.A[j][c];
    return out;
  });
}
