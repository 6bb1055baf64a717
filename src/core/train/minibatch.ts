/**
 * Minibatch sampling for SGD-type trainers: indices drawn i.i.d. uniformly with replacement (the
 * empirical distribution, as in online-to-batch arguments such as Shamir Thm 4) from JS `Rng`s,
 * so a key gives the same batches on every backend. Chain c uses the stream of `fold(key, c)`,
 * so a batched run's chain c sees the batches of an unbatched run keyed `fold(key, c)`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, rngFrom, type Key, type Rng } from '../random.js';
import type { TrainData } from './data.js';

export interface Minibatch {
  readonly X: tf.Tensor;
  readonly y: tf.Tensor;
}

export class MinibatchSampler {
  private readonly rngs: Rng[];
  private readonly xSource: tf.Tensor;
  private readonly ySource: tf.Tensor;

  constructor(
    private readonly data: TrainData,
    private readonly batchSize: number,
    key: Key,
    private readonly chains: number | undefined,
  ) {
    this.rngs =
      chains === undefined ? [rngFrom(key, 'minibatch')] : Array.from({ length: chains }, (_, c) => rngFrom(fold(key, c), 'minibatch'));
    // Per-chain data is gathered from a flattened [C * n, .] view with offset indices: tf.gather
    // with batchDims = 1 gives wrong rows on the wasm backend (tfjs 4.22).
    this.xSource = data.xPerChain ? tf.reshape(data.X, [-1, data.X.shape[2] as number]) : data.X;
    this.ySource = data.yPerChain ? tf.reshape(data.y, [-1, data.y.shape[2] as number]) : data.y;
  }

  /** The next minibatch ([B, .] or [C, B, .]); its tensors belong to the caller's tidy scope. */
  next(): Minibatch {
    const { n } = this.data;
    const B = this.batchSize;
    const raw = new Int32Array(this.rngs.length * B);
    this.rngs.forEach((rng, c) => {
      for (let i = 0; i < B; i++) raw[c * B + i] = rng.int(0, n - 1);
    });
    const shape = this.chains === undefined ? [B] : [this.chains, B];
    let rawT: tf.Tensor | undefined;
    let offT: tf.Tensor | undefined;
    const indices = (perChain: boolean): tf.Tensor => {
      if (!perChain) return (rawT ??= tf.tensor(raw, shape, 'int32'));
      return (offT ??= tf.tensor(
        raw.map((v, j) => v + Math.floor(j / B) * n),
        shape,
        'int32',
      ));
    };
    return {
      X: tf.gather(this.xSource, indices(this.data.xPerChain)),
      y: tf.gather(this.ySource, indices(this.data.yPerChain)),
    };
  }

  dispose(): void {
    if (this.xSource !== this.data.X) this.xSource.dispose();
    if (this.ySource !== this.data.y) this.ySource.dispose();
  }
}
