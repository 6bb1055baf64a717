/**
 * TF.js (float32) elementwise forms of the losses in `../losses.ts`, for training.
 *
 * Each returns ell(p; y) elementwise (p and y broadcast). Written with `tf.softplus`, which
 * switches to its asymptotes before exp overflows in float32, so |p| up to ~1e30 stays finite,
 * and whose gradient is the sigmoid. `tfLosses.spec.ts` checks each against the float64 values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HINGE_GAMMA, LOSS_NAMES, type LossName } from '../losses.js';

export type TfLoss = (p: tf.Tensor, y: tf.Tensor) => tf.Tensor;

const LN2 = Math.LN2;

const TF_LOSSES: Record<LossName, TfLoss> = {
  squared: (p, y) => tf.mul(0.5, tf.squaredDifference(p, y)),
  logistic: (p, y) => tf.softplus(tf.neg(tf.mul(y, p))),
  softplus: (p, y) => tf.softplus(tf.sub(p, y)),
  // log cosh t = t + softplus(-2t) - log 2: no cosh overflow, and the gradient is exactly tanh.
  'log-cosh': (p, y) => {
    const t = tf.sub(p, y);
    return tf.sub(tf.add(t, tf.softplus(tf.mul(-2, t))), LN2);
  },
  'smoothed-hinge': (p, y) => tf.mul(HINGE_GAMMA, tf.softplus(tf.div(tf.sub(1, tf.mul(y, p)), HINGE_GAMMA))),
  'saturating-gaussian': (p, y) => tf.sub(1, tf.exp(tf.neg(tf.squaredDifference(p, y)))),
  sigmoid: (p, y) => tf.sigmoid(tf.neg(tf.mul(y, p))),
};

/** The elementwise TF.js loss for `name`; throws on an unknown name listing the valid ones. */
export function tfLoss(name: string): TfLoss {
  const loss = (TF_LOSSES as Record<string, TfLoss | undefined>)[name];
  if (!loss) throw new RangeError(`tfLoss: unknown loss "${name}"; choose one of: ${LOSS_NAMES.join(', ')}`);
  return loss;
}
