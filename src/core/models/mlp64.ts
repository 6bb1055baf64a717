/**
 * Float64 forward pass of an MLP given as plain JSON weights: the reference twin of the TF.js
 * MLP model, and the feature map f_theta of hypotheses (plain arrays, so counterexamples
 * serialise to JSON and replay exactly).
 */
export const ACTIVATIONS = ['relu', 'tanh', 'softplus', 'quadratic', 'identity'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface DenseLayer {
  /** out x in */
  readonly W: readonly (readonly number[])[];
  readonly b: readonly number[];
}

/** f(x) = act(W_L ... act(W_1 x + b_1) ... + b_L): the activation follows every layer. */
export interface MlpSpec {
  readonly layers: readonly DenseLayer[];
  readonly activation: Activation;
}

export function activate(a: Activation, t: number): number {
  switch (a) {
    case 'relu':
      return t > 0 ? t : 0;
    case 'tanh':
      return Math.tanh(t);
    case 'softplus':
      return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    case 'quadratic':
      return t * t;
    case 'identity':
      return t;
  }
}

export function mlpInputDim(spec: MlpSpec): number {
  return spec.layers[0]?.W[0]?.length ?? 0;
}

export function mlpOutputDim(spec: MlpSpec): number {
  const last = spec.layers[spec.layers.length - 1];
  return last ? last.b.length : 0;
}

export function mlpForwardOne(spec: MlpSpec, x: readonly number[]): number[] {
  let h: number[] = x.slice();
  for (const { W, b } of spec.layers) {
    const out = new Array<number>(b.length);
    for (let i = 0; i < b.length; i++) {
      const row = W[i];
      let s = b[i];
      for (let j = 0; j < h.length; j++) s += row[j] * h[j];
      out[i] = activate(spec.activation, s);
    }
    h = out;
  }
  return h;
}

/** Rows of X mapped through the MLP: n x k. */
export function mlpForward(spec: MlpSpec, X: readonly (readonly number[])[]): number[][] {
  return X.map((x) => mlpForwardOne(spec, x));
}
