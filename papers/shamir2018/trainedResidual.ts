import {
  adam,
  disposeParams,
  keyFromSeed,
  lossByName,
  mlp,
  mlpForward,
  mlpSpecFromParams,
  residualUnit,
  subParams,
  tf,
  THETA_PREFIX,
  type Activation,
  type LossName,
  type ResidualData,
} from 'claimcheck/core';

/**
 * Shamir 2018 Cor 1's check via training: train (w, V, theta) of x -> w^T (x + V f_theta(x))
 * jointly with Adam in TF.js (float32), then hand the trained point to the float64 path. The
 * verdict never rests on float32 numbers: the float64 objective is evaluated at exactly the
 * trained parameter values.
 */
export interface TrainingCase {
  readonly X: number[][];
  readonly y: number[];
  readonly loss: LossName;
  /** Feature MLP: `depth` layers of width k. */
  readonly k: number;
  readonly depth: number;
  readonly activation: Activation;
  readonly seed: number;
  readonly steps: number;
  readonly lr: number;
}

export interface TrainedPoint {
  readonly data: ResidualData;
  readonly w: number[];
  readonly V: number[][];
  /** theta of the first (for depth 1: the only) feature layer, f = sigma(W x + b), W is k x d. */
  readonly theta: { readonly W: number[][]; readonly b: number[] };
  readonly diverged: boolean;
  /** float32 training loss at the end (reported, never judged). */
  readonly trainLoss: number;
}

export function trainResidual(c: TrainingCase): TrainedPoint {
  const d = c.X[0].length;
  const features = mlp({ inputDim: d, widths: new Array<number>(c.depth).fill(c.k), activation: c.activation, biasStd: 0.1 });
  const model = residualUnit({ features });
  const init = model.init(keyFromSeed(c.seed));
  const X = tf.tensor2d(c.X);
  const y = tf.tensor2d(c.y.map((v) => [v]));
  try {
    const r = adam({ model, params: init, X, y, loss: c.loss, steps: c.steps, lr: c.lr, logEvery: c.steps });
    try {
      const spec = mlpSpecFromParams(subParams(r.params, THETA_PREFIX), c.activation);
      const w = (r.params.w.arraySync() as number[][]).map((row) => row[0]);
      const V = r.params.V.arraySync() as number[][];
      const data: ResidualData = { X: c.X, Fx: mlpForward(spec, c.X), y: c.y, loss: lossByName(c.loss) };
      const layer = spec.layers[0];
      const theta = { W: layer.W.map((row) => [...row]), b: [...layer.b] };
      return { data, w, V, theta, diverged: r.diverged, trainLoss: r.history[r.history.length - 1]?.loss ?? NaN };
    } finally {
      disposeParams(r.params);
    }
  } finally {
    disposeParams(init);
    X.dispose();
    y.dispose();
  }
}
