/**
 * Shamir 2018's three scalar units on a feature map f_theta: R^d -> R^k (any `Model`, e.g. `mlp`):
 *   residualUnit  p(x) = w^T (x + V f(x))   the ResNet unit of the paper's Setting
 *   tweakedUnit   p(x) = w^T x + v^T f(x)   Thm 4's architecture (skip straight to the output)
 *   noSkipUnit    p(x) = w^T V f(x)         the skip removed (mutant of Cor 1)
 * Params: `w` [d, 1]; `V` [d, k] (residual, noSkip) or `v` [k, 1] (tweaked); the feature
 * model's params under `theta.` (e.g. `theta.W0`, `theta.b0`), so optimisers can freeze or
 * replace theta by name.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, type Key } from '../random.js';
import { checkInput, normalParam, param, prefixParams, subParams, type Model, type Params } from './Model.js';

export const THETA_PREFIX = 'theta.';

export interface UnitOptions {
  /** f_theta; its input width is d, its output width is k. */
  readonly features: Model;
  /** Std of the initial w entries; default 1/sqrt(d). 0 starts at w = 0 (Thm 2's point). */
  readonly wStd?: number;
  /** Std of the initial V (or v) entries; default 1/sqrt(k). */
  readonly vStd?: number;
}

type Head = (p: Params, x: tf.Tensor, f: tf.Tensor, name: string) => tf.Tensor;

function unit(name: string, options: UnitOptions, mixer: 'V' | 'v', head: Head): Model {
  const features = options.features;
  if (features === undefined || typeof features.apply !== 'function') {
    throw new RangeError(`${name}: options.features must be a Model (e.g. mlp({...})) giving f_theta`);
  }
  const d = features.inputDim;
  const k = features.outputDim;
  const wStd = options.wStd ?? 1 / Math.sqrt(d);
  const vStd = options.vStd ?? 1 / Math.sqrt(k);
  const mixerShape = mixer === 'V' ? [d, k] : [k, 1];
  const shapes: Record<string, readonly number[]> = { w: [d, 1], [mixer]: mixerShape };
  for (const [n, s] of Object.entries(features.shapes)) shapes[THETA_PREFIX + n] = s;
  return {
    inputDim: d,
    outputDim: 1,
    shapes,
    init: (key: Key): Params => ({
      w: normalParam(key, 'w', [d, 1], wStd),
      [mixer]: normalParam(key, mixer, mixerShape, vStd),
      ...prefixParams(features.init(fold(key, 'theta')), THETA_PREFIX),
    }),
    apply: (params: Params, x: tf.Tensor2D | tf.Tensor3D): tf.Tensor => {
      checkInput(name, x, d);
      const f = features.apply(subParams(params, THETA_PREFIX), x);
      return head(params, x, f, name);
    },
  };
}

/** p(x) = w^T (x + V f(x)); rows: (x + f V^T) w. */
export function residualUnit(options: UnitOptions): Model {
  return unit('residualUnit', options, 'V', (p, x, f, name) =>
    tf.matMul(tf.add(x, tf.matMul(f, param(p, 'V', name), false, true)), param(p, 'w', name)),
  );
}

/** p(x) = w^T x + v^T f(x). */
export function tweakedUnit(options: UnitOptions): Model {
  return unit('tweakedUnit', options, 'v', (p, x, f, name) => tf.add(tf.matMul(x, param(p, 'w', name)), tf.matMul(f, param(p, 'v', name))));
}

/** p(x) = w^T V f(x), computed as f (V^T w): a k-vector first, cheaper than forming f V^T. */
export function noSkipUnit(options: UnitOptions): Model {
  return unit('noSkipUnit', options, 'V', (p, _x, f, name) =>
    tf.matMul(f, tf.matMul(param(p, 'V', name), param(p, 'w', name), true, false)),
  );
}
