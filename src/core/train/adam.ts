/**
 * Adam (Kingma & Ba 2015) with bias correction folded into the step size:
 * m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
 * theta <- theta - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps).
 * Full batch unless `batchSize` is given (then minibatches as in `sgd`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { runTraining, type UpdateRule } from './loop.js';
import type { TrainOptions, TrainResult } from './Trainer.js';

export interface AdamOptions extends TrainOptions {
  readonly batchSize?: number;
  /** Defaults 0.9, 0.999, 1e-8. */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

function adamRule(b1: number, b2: number, eps: number): UpdateRule {
  return {
    name: 'adam',
    // state = [m_0, ..., m_{P-1}, v_0, ..., v_{P-1}]
    initState: (values) => [...values.map((v) => tf.zerosLike(v)), ...values.map((v) => tf.zerosLike(v))],
    update: (values, grads, state, lr, step) => {
      const P = values.length;
      const t = step + 1;
      const stepSize = tf.mul(lr, Math.sqrt(1 - b2 ** t) / (1 - b1 ** t));
      const m = grads.map((g, i) => tf.add(tf.mul(b1, state[i]), tf.mul(1 - b1, g)));
      const v = grads.map((g, i) => tf.add(tf.mul(b2, state[P + i]), tf.mul(1 - b2, tf.square(g))));
      return {
        values: values.map((p, i) => tf.sub(p, tf.mul(stepSize, tf.div(m[i], tf.add(tf.sqrt(v[i]), eps))))),
        state: [...m, ...v],
      };
    },
  };
}

export function adam(options: AdamOptions): TrainResult {
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.epsilon ?? 1e-8;
  for (const [name, v] of [
    ['beta1', b1],
    ['beta2', b2],
  ] as const) {
    if (!(v >= 0 && v < 1)) throw new RangeError(`adam: ${name} must be in [0, 1), got ${v}`);
  }
  if (!(eps > 0)) throw new RangeError(`adam: epsilon must be > 0, got ${eps}`);
  return runTraining(options, adamRule(b1, b2, eps), options.batchSize);
}
