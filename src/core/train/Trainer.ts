/**
 * The contract shared by the trainers (`gd`, `sgd`, `projectedSgd`, `adam`): one options object
 * in, new parameters and a loss history out. Divergence is an outcome (`diverged: true`), never an
 * exception, because claims about step sizes must be able to observe it.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { LossName } from '../losses.js';
import type { Model, Params } from '../models/Model.js';
import type { Key } from '../random.js';
import type { TfLoss } from '../tf/tfLosses.js';

/** Learning rate at update `step` (0-based). */
export type Schedule = (step: number) => number;

/**
 * Hook run before update `step` (0-based), before that step's minibatch is drawn (Shamir Thm 4:
 * theta_t may change arbitrarily as long as it is fixed before sample t). It sees the current
 * parameters (owned by the trainer: do not dispose them) and may return replacements for some of
 * them, e.g. fresh `theta.*` tensors; the trainer takes ownership of returned tensors and
 * disposes the ones they replace.
 */
export type OnStep = (step: number, params: Readonly<Params>) => Params | void;

export interface TrainOptions {
  readonly model: Model;
  /** Start point; not modified or disposed. With `chains`, every tensor has a leading [C] axis. */
  readonly params: Params;
  /** Inputs [n, d], shared by all chains, or [C, n, d] per chain. */
  readonly X: tf.Tensor2D | tf.Tensor3D;
  /** Targets [n] or [n, out] (shared), or [C, n, out] per chain (chains only). */
  readonly y: tf.Tensor;
  /** Loss name (see `../losses.ts`) or a TF.js elementwise loss; the objective is its mean. */
  readonly loss: LossName | TfLoss;
  /** Number of updates. */
  readonly steps: number;
  /** Constant learning rate; give exactly one of `lr` and `schedule`. */
  readonly lr?: number;
  readonly schedule?: Schedule;
  /** Names to update (a trailing `*` matches a prefix, e.g. `theta.*`); default all. */
  readonly trainable?: readonly string[];
  /** Key for minibatch sampling; required by minibatch trainers. */
  readonly key?: Key;
  /** Read the full-data loss back every `logEvery` updates (and at 0 and the end); default steps/20. */
  readonly logEvery?: number;
  /** Train C independent chains in one tensor program; params carry a leading [C] axis. */
  readonly chains?: number;
  readonly onStep?: OnStep;
  /**
   * Accumulate the full-data loss at every iterate t = 0..steps-1 on the device (after `onStep`,
   * before the update), reported as `meanLoss`: Shamir Thm 4's (1/T) sum_t F(w_t, v_t, theta_t).
   */
  readonly trackMeanLoss?: boolean;
}

export interface LogEntry {
  /** Updates done when the loss was read (0 = start point). */
  readonly step: number;
  /** Full-data mean loss (mean over chains when batched). */
  readonly loss: number;
  readonly chainLosses?: readonly number[];
}

export interface TrainResult {
  /** New tensors owned by the caller (dispose them); includes frozen params. */
  readonly params: Params;
  readonly history: readonly LogEntry[];
  /** A logged loss was NaN or infinite (for chains: in some chain); training stopped early. */
  readonly diverged: boolean;
  readonly divergedChains?: readonly boolean[];
  /** Updates actually done (less than `steps` after divergence). */
  readonly steps: number;
  /** With `trackMeanLoss`: mean over iterates of the full-data loss (over chains when batched). */
  readonly meanLoss?: number;
  readonly chainMeanLoss?: readonly number[];
}
