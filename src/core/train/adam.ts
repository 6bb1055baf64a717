/**
 * Adam (Kingma & Ba 2015) as a TF.js trainer: the update is `adamTensorUpdate` of
 * core/optim/adam.ts (bias correction folded into the step size lr sqrt(1 - b2^t) / (1 - b1^t)).
 * Full batch unless `batchSize` is given (then minibatches as in `sgd`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { adamTensorUpdate, resolveAdamHyper, type AdamHyper } from '../optim/adam.js';
import { runTraining, type UpdateRule } from './loop.js';
import type { TrainOptions, TrainResult } from './Trainer.js';

export interface AdamOptions extends TrainOptions, AdamHyper {
  readonly batchSize?: number;
}

function adamRule(hyper: AdamHyper): UpdateRule {
  const { b1, b2 } = resolveAdamHyper('adam', hyper);
  return {
    name: 'adam',
    // state = [m_0, ..., m_{P-1}, v_0, ..., v_{P-1}]
    initState: (values) => [...values.map((v) => tf.zerosLike(v)), ...values.map((v) => tf.zerosLike(v))],
    update: (values, grads, state, lr, step) => {
      const P = values.length;
      const t = step + 1;
      const stepSize = tf.mul(lr, Math.sqrt(1 - b2 ** t) / (1 - b1 ** t)) as tf.Scalar;
      const next = grads.map((g, i) => adamTensorUpdate(values[i], g, state[i], state[P + i], stepSize, hyper));
      return { values: next.map((u) => u.value), state: [...next.map((u) => u.m), ...next.map((u) => u.v)] };
    },
  };
}

export function adam(options: AdamOptions): TrainResult {
  const hyper = { beta1: options.beta1, beta2: options.beta2, epsilon: options.epsilon };
  return runTraining(options, adamRule(hyper), options.batchSize);
}
