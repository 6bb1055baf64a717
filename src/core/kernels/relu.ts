/**
 * ReLU nonlinearity. Kernel: for a centred Gaussian pair (u, v) with variances a, b and
 * covariance c (the input NNGP at (x, x), (z, z), (x, z)), rho = c / sqrt(a b), theta = arccos rho,
 *   nngp' = E[relu(u) relu(v)] = sqrt(a b) (sin theta + (pi - theta) rho) / (2 pi)
 *   ntk'  = ntk E[step(u) step(v)] = ntk (pi - theta) / (2 pi)
 * (Cho & Saul 2009, arc-cosine kernels of degree 1 and 0, halved; the ntk' rule is Jacot et
 * al. 2018, Thm 1, and Arora et al. 2019, eq. (7)-(8), before their c_sigma = 2 factor, which
 * here sits in the next layer's sigma_w^2). The diagonal halves: E[relu(u)^2] = a / 2.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../models/Model.js';
import { clampCosine } from './arcCosine.js';
import type { LayerKernel, StaxLayer } from './layer.js';

export function relu(): StaxLayer {
  return {
    name: 'relu',
    describe: (inputDim: number) => ({ outputDim: inputDim, shapes: {} }),
    init: (): Params => ({}),
    apply: (_params: Params, h: tf.Tensor): tf.Tensor => tf.relu(h),
    kernel: (k: LayerKernel): LayerKernel => {
      const { n1, n2, nngp, ntk, var1, var2 } = k;
      const inv2pi = 1 / (2 * Math.PI);
      for (let i = 0; i < n1; i++) {
        const base = i * n2;
        for (let j = 0; j < n2; j++) {
          const s = Math.sqrt(var1[i] * var2[j]);
          // A zero-variance input (e.g. x = 0 without biases) has no angle; rho = 0 by convention.
          const rho = s > 0 ? clampCosine(nngp[base + j] / s) : 0;
          const piMinusTheta = Math.PI - Math.acos(rho);
          nngp[base + j] = s * (Math.sqrt(1 - rho * rho) + piMinusTheta * rho) * inv2pi;
          ntk[base + j] *= piMinusTheta * inv2pi;
        }
      }
      for (let i = 0; i < var1.length; i++) var1[i] /= 2;
      if (var2 !== var1) for (let i = 0; i < var2.length; i++) var2[i] /= 2;
      return k;
    },
  };
}
