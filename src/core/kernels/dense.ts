/**
 * Fully connected layer in the NTK parameterisation (Jacot et al. 2018, eq. (1); Lee et al.
 * 2019): out = h W sigma_w / sqrt(fan_in) + sigma_b b, with W, b ~ N(0, 1) entrywise.
 *
 * Kernel (Jacot et al. 2018, Thm 1; the same update as neural-tangents' `stax.Dense`):
 *   nngp' = sigma_w^2 nngp + sigma_b^2
 *   ntk'  = sigma_w^2 ntk + nngp'
 * The ntk' update: dout/dW contributes sigma_w^2 <h(x), h(z)> / fan_in -> sigma_w^2 nngp,
 * dout/db contributes sigma_b^2, and the earlier parameters' NTK passes through W, scaled by
 * sigma_w^2. With sigma_b = 0 the layer has no bias parameter at all.
 */
import * as tf from '@tensorflow/tfjs-core';
import { normalParam, param, positiveInt, type Params } from '../models/Model.js';
import type { Key } from '../random.js';
import type { LayerKernel, LayerShape, StaxLayer } from './layer.js';

export interface DenseOptions {
  readonly width: number;
  /** Weight scale sigma_w (std of the effective weights times sqrt(fan_in)); default 1. */
  readonly sigmaW?: number;
  /** Bias scale sigma_b; default 0 (no bias parameter). */
  readonly sigmaB?: number;
}

export function dense(options: DenseOptions): StaxLayer {
  const width = positiveInt(options.width, 'dense: width');
  const sigmaW = options.sigmaW ?? 1;
  const sigmaB = options.sigmaB ?? 0;
  if (!(sigmaW > 0) || !Number.isFinite(sigmaW)) throw new RangeError(`dense: sigmaW must be a finite number > 0, got ${sigmaW}`);
  if (!(sigmaB >= 0) || !Number.isFinite(sigmaB)) throw new RangeError(`dense: sigmaB must be a finite number >= 0, got ${sigmaB}`);
  const hasBias = sigmaB > 0;
  const w2 = sigmaW * sigmaW;
  const b2 = sigmaB * sigmaB;
  const describe = (inputDim: number): LayerShape => ({
    outputDim: width,
    shapes: hasBias ? { W: [inputDim, width], b: [width] } : { W: [inputDim, width] },
  });
  return {
    name: `dense(${width})`,
    describe,
    init: (key: Key, inputDim: number): Params => {
      const out: Params = { W: normalParam(key, 'W', [inputDim, width], 1) };
      if (hasBias) out.b = normalParam(key, 'b', [width], 1);
      return out;
    },
    apply: (params: Params, h: tf.Tensor): tf.Tensor => {
      const W = param(params, 'W', 'dense');
      const fanIn = W.shape[W.rank - 2];
      if (h.shape[h.rank - 1] !== fanIn) {
        throw new RangeError(`dense.apply: input width ${h.shape[h.rank - 1]} does not match W's fan-in ${fanIn}`);
      }
      let out = tf.mul(tf.matMul(h, W), sigmaW / Math.sqrt(fanIn));
      if (hasBias) {
        const b = param(params, 'b', 'dense');
        // Chain-stacked biases are [C, width]; [C, 1, width] broadcasts over the n rows.
        out = tf.add(out, tf.mul(b.rank === 2 ? tf.reshape(b, [b.shape[0], 1, width]) : b, sigmaB));
      }
      return out;
    },
    kernel: (k: LayerKernel): LayerKernel => {
      const { nngp, ntk, var1, var2 } = k;
      for (let i = 0; i < nngp.length; i++) {
        nngp[i] = w2 * nngp[i] + b2;
        ntk[i] = w2 * ntk[i] + nngp[i];
      }
      for (let i = 0; i < var1.length; i++) var1[i] = w2 * var1[i] + b2;
      if (var2 !== var1) for (let i = 0; i < var2.length; i++) var2[i] = w2 * var2[i] + b2;
      return k;
    },
  };
}
