/**
 * Tensor leak measurement for the runner and tests (tfjs-core's own tests check every op this
 * way). A leak is a tensor created by `fn` and still alive when it returns; tensors that `fn`
 * returns on purpose count too, so dispose them inside `fn` or expect them in `leaked`.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface LeakReport<T> {
  readonly result: T;
  /** tf.memory().numTensors after minus before; negative if fn disposed pre-existing tensors. */
  readonly leaked: number;
}

export async function withLeakCheck<T>(fn: () => T | Promise<T>): Promise<LeakReport<T>> {
  const before = tf.memory().numTensors;
  const result = await fn();
  return { result, leaked: tf.memory().numTensors - before };
}
