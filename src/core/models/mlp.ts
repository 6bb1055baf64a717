/**
 * Fully connected network of any depth and width: h_{l+1} = act(h_l W_l + b_l).
 *
 * Params: `W{l}` [in_l, out_l] and `b{l}` [out_l] for l = 0..L-1 (row convention x W, i.e. the
 * transpose of `MlpSpec`'s out x in matrices; `mlpFromSpec` / `mlpSpecFromParams` convert).
 * Float64 twin: `../float64/mlp64.ts`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ACTIVATIONS, type Activation, type MlpSpec } from './mlp64.js';
import type { Key } from '../random.js';
import { checkInput, normalParam, param, positiveInt, type Model, type Params } from './Model.js';

export interface MlpOptions {
  readonly inputDim: number;
  /** Width of every layer; the last entry is the output width (e.g. [16, 16, 5]). */
  readonly widths: readonly number[];
  readonly activation: Activation;
  /** Whether the activation follows the last layer too. Default true, as in `MlpSpec`. */
  readonly activateLast?: boolean;
  /** Weight std = weightGain / sqrt(fan_in). Default 1 (LeCun); sqrt(2) is He init for relu. */
  readonly weightGain?: number;
  /** Std of the initial biases; default 0. */
  readonly biasStd?: number;
  /** Whether layers have biases; default true. */
  readonly bias?: boolean;
}

export function tfActivate(a: Activation, t: tf.Tensor): tf.Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(t);
    case 'tanh':
      // The wasm Tanh kernel is ~5x slower than its Sigmoid (measured: 40 ms vs 8 ms for 2M
      // entries); tanh t = 2 sigmoid(2t) - 1 costs ~1e-7 absolute error. On cpu Tanh is faster.
      return tf.getBackend() === 'wasm' ? tf.sub(tf.mul(2, tf.sigmoid(tf.mul(2, t))), 1) : tf.tanh(t);
    case 'softplus':
      return tf.softplus(t);
    case 'quadratic':
      return tf.square(t);
    case 'identity':
      return t;
  }
}

export function mlp(options: MlpOptions): Model {
  const d = positiveInt(options.inputDim, 'mlp: inputDim');
  if (!Array.isArray(options.widths) || options.widths.length === 0) {
    throw new RangeError('mlp: widths must be a non-empty array of layer widths, e.g. [16, 5]');
  }
  const widths = options.widths.map((w, i) => positiveInt(w, `mlp: widths[${i}]`));
  const act = options.activation;
  if (!ACTIVATIONS.includes(act)) {
    throw new RangeError(`mlp: unknown activation "${String(act)}"; choose one of: ${ACTIVATIONS.join(', ')}`);
  }
  const activateLast = options.activateLast ?? true;
  const gain = options.weightGain ?? 1;
  const biasStd = options.biasStd ?? 0;
  const hasBias = options.bias ?? true;
  const fanIns = [d, ...widths.slice(0, -1)];
  const shapes: Record<string, number[]> = {};
  widths.forEach((w, l) => {
    shapes[`W${l}`] = [fanIns[l], w];
    if (hasBias) shapes[`b${l}`] = [w];
  });
  const L = widths.length;
  return {
    inputDim: d,
    outputDim: widths[L - 1],
    shapes,
    init: (key: Key): Params => {
      const out: Params = {};
      widths.forEach((w, l) => {
        out[`W${l}`] = normalParam(key, `W${l}`, [fanIns[l], w], gain / Math.sqrt(fanIns[l]));
        if (hasBias) out[`b${l}`] = normalParam(key, `b${l}`, [w], biasStd);
      });
      return out;
    },
    apply: (params: Params, x: tf.Tensor2D | tf.Tensor3D): tf.Tensor => {
      checkInput('mlp', x, d);
      let h: tf.Tensor = x;
      for (let l = 0; l < L; l++) {
        h = tf.matMul(h, param(params, `W${l}`, 'mlp'));
        if (hasBias) {
          const b = param(params, `b${l}`, 'mlp');
          // Chain-stacked biases are [C, out]; [C, 1, out] broadcasts over the n rows.
          h = tf.add(h, b.rank === 2 ? tf.reshape(b, [b.shape[0], 1, -1]) : b);
        }
        if (l < L - 1 || activateLast) h = tfActivate(act, h);
      }
      return h;
    },
  };
}

/** The TF.js model and tensors of a float64 `MlpSpec` (activation after every layer). */
export function mlpFromSpec(spec: MlpSpec): { model: Model; params: Params } {
  const { layers, activation } = spec;
  if (layers.length === 0) throw new RangeError('mlpFromSpec: spec.layers is empty; an MLP needs at least one layer');
  const inputDim = layers[0].W[0]?.length ?? 0;
  const model = mlp({ inputDim, widths: layers.map((l) => l.b.length), activation, activateLast: true });
  const params: Params = {};
  layers.forEach((layer, l) => {
    const [fanIn, width] = model.shapes[`W${l}`];
    if (layer.W.length !== width || layer.W.some((row) => row.length !== fanIn)) {
      tf.dispose(Object.values(params));
      throw new RangeError(`mlpFromSpec: spec.layers[${l}].W must be ${width} x ${fanIn} (out x in) to match its neighbours`);
    }
    // MlpSpec stores out x in; the TF.js model multiplies rows by W, so it wants in x out.
    const Wt = new Float32Array(fanIn * width);
    for (let i = 0; i < width; i++) for (let j = 0; j < fanIn; j++) Wt[j * width + i] = layer.W[i][j];
    params[`W${l}`] = tf.tensor2d(Wt, [fanIn, width]);
    params[`b${l}`] = tf.tensor1d(Float32Array.from(layer.b));
  });
  return { model, params };
}

/**
 * The float64 `MlpSpec` of (unbatched) MLP params, for float64 checks of a trained network.
 * Only for MLPs with biases and the activation after every layer (what `MlpSpec` describes).
 */
export function mlpSpecFromParams(params: Params, activation: Activation): MlpSpec {
  const layers: { W: number[][]; b: number[] }[] = [];
  for (let l = 0; `W${l}` in params; l++) {
    const W = params[`W${l}`].arraySync() as number[][];
    const b = params[`b${l}`];
    if (W.length === 0 || !Array.isArray(W[0]) || b === undefined) {
      throw new RangeError(`mlpSpecFromParams: params need W${l} [in, out] and b${l} [out] (unbatched, with biases)`);
    }
    layers.push({ W: W[0].map((_, i) => W.map((row) => row[i])), b: b.arraySync() as number[] });
  }
  if (layers.length === 0) throw new RangeError('mlpSpecFromParams: params has no W0; pass MLP params (prefix removed)');
  return { layers, activation };
}
