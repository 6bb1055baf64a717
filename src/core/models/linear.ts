/**
 * Linear predictor p = x w (no bias): the comparator class F_lin of Shamir 2018. Its float64
 * twin (the best linear predictor) is `../linear.ts`.
 *
 * Params: `w` [inputDim, outputDim].
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Key } from '../random.js';
import { checkInput, normalParam, param, positiveInt, type Model, type Params } from './Model.js';

export interface LinearOptions {
  readonly inputDim: number;
  /** Default 1 (scalar predictions). */
  readonly outputDim?: number;
  /** Std of the initial w entries; default 1/sqrt(inputDim). 0 starts at the origin. */
  readonly initStd?: number;
}

export function linear(options: LinearOptions): Model {
  const d = positiveInt(options.inputDim, 'linear: inputDim');
  const out = positiveInt(options.outputDim ?? 1, 'linear: outputDim');
  const std = options.initStd ?? 1 / Math.sqrt(d);
  return {
    inputDim: d,
    outputDim: out,
    shapes: { w: [d, out] },
    init: (key: Key): Params => ({ w: normalParam(key, 'w', [d, out], std) }),
    apply: (params: Params, x: tf.Tensor2D | tf.Tensor3D): tf.Tensor => {
      checkInput('linear', x, d);
      return tf.matMul(x, param(params, 'w', 'linear'));
    },
  };
}
