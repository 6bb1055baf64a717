/**
 * Minibatch SGD: each step draws `batchSize` samples i.i.d. (with replacement) from (X, y) using
 * `key` (see `minibatch.ts`), so runs are deterministic for a key and backend-independent in
 * their sampling.
 */
import { gradientStepRule } from './gd.js';
import { runTraining } from './loop.js';
import type { TrainOptions, TrainResult } from './Trainer.js';

export interface SgdOptions extends TrainOptions {
  /** Samples per step; default 1 (Shamir Thm 4's one fresh sample per step). */
  readonly batchSize?: number;
}

export function sgd(options: SgdOptions): TrainResult {
  return runTraining(options, gradientStepRule('sgd'), options.batchSize ?? 1);
}
