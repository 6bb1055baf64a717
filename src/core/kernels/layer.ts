/**
 * Layers as `{describe, init, apply, kernel}` in the spirit of neural-tangents' stax (Novak et
 * al. 2020, "Neural Tangents: Fast and Easy Infinite Neural Networks in Python"): one object
 * gives the finite network (`init`, `apply`, on TF.js) and its infinite-width NNGP / NTK pair
 * (`kernel`, float64), and combinators (`serial`) compose all of them in lockstep. So
 * "the empirical NTK of the finite network tends to `kernel`'s NTK" is one generic check for
 * every architecture built from these pieces.
 *
 * Parameterisation (NTK parameterisation; Jacot et al. 2018, Lee et al. 2019): every weight and
 * bias entry is N(0, 1); scales sit in the forward pass, `dense` computes
 * h W sigma_w / sqrt(fan_in) + sigma_b b. The input kernel is <x, z> / d (the first layer acts
 * like sigma_w / sqrt(d) scaled weights), `kernel` tracks the pair for one output unit, and the
 * NTK is the sum over all parameters of df(x)/dp df(z)/dp with no further normalisation.
 *
 * ReLU convention used throughout (Arora et al. 2019, c_sigma = 2): sigma_w^2 = 1 for the first
 * layer and sigma_w^2 = 2 for every layer that acts on ReLU outputs, sigma_b = 0 unless asked;
 * then nngp(x, x) = ||x||^2 / d at every depth, and the two-layer net
 * serial(dense({ width: m }), relu(), dense({ width: 1, sigmaW: Math.SQRT2 })) has exactly the
 * allenzhu-li-2019 catalog's sphere NTK u kappa0(u) + kappa1(u) (see reluNtk.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mat } from '../linalg/dense.js';
import { checkInput, type Model, type Params } from '../models/Model.js';
import type { Key } from '../random.js';
import { innerProducts, type Gram, type InnerProductMode } from './Gram.js';

/**
 * The infinite-width kernels of a layer's output at the pairs (x_i, z_j), row-major n1 x n2.
 * `var1` / `var2` are the NNGP at (x_i, x_i) and (z_j, z_j), which the nonlinearities need.
 */
export interface LayerKernel {
  readonly n1: number;
  readonly n2: number;
  /** Covariance of one output unit at (x_i, z_j) (the NNGP kernel, Lee et al. 2018). */
  readonly nngp: Float64Array;
  /** The neural tangent kernel of one output unit (Jacot et al. 2018). */
  readonly ntk: Float64Array;
  readonly var1: Float64Array;
  readonly var2: Float64Array;
}

export interface LayerShape {
  readonly outputDim: number;
  /** Unbatched parameter shapes by name (as in `Model.shapes`). */
  readonly shapes: Readonly<Record<string, readonly number[]>>;
}

export interface StaxLayer {
  readonly name: string;
  describe(inputDim: number): LayerShape;
  /** N(0, 1) parameters (NTK parameterisation) drawn from streams derived from `key`. */
  init(key: Key, inputDim: number): Params;
  /**
   * h [n, in] -> [n, out]; with chain-stacked params (leading axis C, see `stackParams`) h may
   * be [n, in] (shared) or [C, n, in], and the result is [C, n, out].
   */
  apply(params: Params, h: tf.Tensor): tf.Tensor;
  /**
   * The output's NNGP / NTK from the input's. May overwrite and return its argument: a kernel
   * is owned by the chain it flows through (`kernelFn` creates a fresh one per call).
   */
  kernel(k: LayerKernel): LayerKernel;
}

/** NNGP <x, z> / d and NTK 0 of the raw inputs (they have no parameters). */
export function inputKernel(X: Mat, Z?: Mat, mode: InnerProductMode = 'auto'): LayerKernel {
  const { gram, sqNormsX, sqNormsZ } = innerProducts(X, Z, mode);
  const d = X[0].length;
  const nngp = gram.data as Float64Array;
  for (let i = 0; i < nngp.length; i++) nngp[i] /= d;
  return {
    n1: gram.rows,
    n2: gram.cols,
    nngp,
    ntk: new Float64Array(nngp.length),
    var1: sqNormsX.map((v) => v / d),
    var2: sqNormsX === sqNormsZ ? sqNormsX.map((v) => v / d) : sqNormsZ.map((v) => v / d),
  };
}

export interface KernelPair {
  readonly nngp: Gram;
  readonly ntk: Gram;
}

/** Analytic infinite-width NNGP and NTK Grams of `layer` at the rows of X and Z (Z = X if omitted). */
export function kernelFn(layer: StaxLayer, X: Mat, Z?: Mat, mode: InnerProductMode = 'auto'): KernelPair {
  const k = layer.kernel(inputKernel(X, Z, mode));
  return { nngp: { rows: k.n1, cols: k.n2, data: k.nngp }, ntk: { rows: k.n1, cols: k.n2, data: k.ntk } };
}

/** The finite network of a layer as a core `Model` (for training, empirical NTKs, ...). */
export function staxModel(layer: StaxLayer, inputDim: number): Model {
  if (!Number.isInteger(inputDim) || inputDim < 1) {
    throw new RangeError(`staxModel: inputDim must be a positive integer, got ${inputDim}`);
  }
  const { outputDim, shapes } = layer.describe(inputDim);
  return {
    inputDim,
    outputDim,
    shapes,
    init: (key: Key) => layer.init(key, inputDim),
    apply: (params: Params, x: tf.Tensor2D | tf.Tensor3D) => {
      checkInput(layer.name, x, inputDim);
      return layer.apply(params, x);
    },
  };
}
