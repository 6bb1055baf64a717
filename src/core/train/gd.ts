/**
 * Full-batch gradient descent: theta <- theta - lr * grad F(theta) on the whole (X, y).
 */
import * as tf from '@tensorflow/tfjs-core';
import { runTraining, type UpdateRule } from './loop.js';
import type { TrainOptions, TrainResult } from './Trainer.js';

/** The plain gradient step, shared by gd and sgd: 2 ops per tensor. */
export function gradientStepRule(name: string): UpdateRule {
  return {
    name,
    update: (values, grads, state, lr) => ({
      values: values.map((v, i) => tf.sub(v, tf.mul(lr, grads[i]))),
      state: [...state],
    }),
  };
}

export function gd(options: TrainOptions): TrainResult {
  return runTraining(options, gradientStepRule('gd'));
}
