/**
 * Sequential composition (stax.serial): runs `init`, `apply` and `kernel` of its layers in
 * order, so the composite network and its infinite-width kernels stay in lockstep. Parameters
 * of layer i are stored under the prefix `${i}.` (e.g. "0.W", "2.b"), so nested serials and
 * optimisers that freeze parameters by name both work.
 */
import * as tf from '@tensorflow/tfjs-core';
import { prefixParams, subParams, type Params } from '../models/Model.js';
import { fold, type Key } from '../random.js';
import type { LayerKernel, LayerShape, StaxLayer } from './layer.js';

export function serial(...layers: StaxLayer[]): StaxLayer {
  if (layers.length === 0) throw new RangeError('serial: pass at least one layer, e.g. serial(dense({ width: 64 }), relu())');
  layers.forEach((l, i) => {
    if (l === undefined || typeof l.kernel !== 'function') {
      throw new TypeError(`serial: argument ${i} is not a layer (expected {describe, init, apply, kernel})`);
    }
  });
  const describe = (inputDim: number): LayerShape => {
    let dim = inputDim;
    const shapes: Record<string, readonly number[]> = {};
    layers.forEach((l, i) => {
      const s = l.describe(dim);
      for (const [name, shape] of Object.entries(s.shapes)) shapes[`${i}.${name}`] = shape;
      dim = s.outputDim;
    });
    return { outputDim: dim, shapes };
  };
  return {
    name: `serial(${layers.map((l) => l.name).join(', ')})`,
    describe,
    init: (key: Key, inputDim: number): Params => {
      let dim = inputDim;
      let out: Params = {};
      layers.forEach((l, i) => {
        out = { ...out, ...prefixParams(l.init(fold(key, i), dim), `${i}.`) };
        dim = l.describe(dim).outputDim;
      });
      return out;
    },
    apply: (params: Params, h: tf.Tensor): tf.Tensor =>
      tf.tidy(() => layers.reduce((x, l, i) => l.apply(subParams(params, `${i}.`), x), h)),
    kernel: (k: LayerKernel): LayerKernel => layers.reduce((acc, l) => l.kernel(acc), k),
  };
}
