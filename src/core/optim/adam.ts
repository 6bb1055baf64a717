/**
 * Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1), the
 * one implementation of the project, in two precisions:
 *
 *   m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2,   (t = 1, 2, ...)
 *   float64 (`Adam64`):  theta <- theta - lr (m / c1) / (sqrt(v / c2) + eps),  c_i = 1 - b_i^t
 *   TF.js (`adamTensorUpdate`): theta <- theta - s m / (sqrt(v) + eps),  s = lr sqrt(c2) / c1
 *
 * The float64 form is the paper's, with the bias-corrected moments m / c1 and v / c2; the TF.js
 * form folds the corrections into the step size s (Kingma & Ba, end of Section 2), which costs
 * one scalar instead of two tensor ops per parameter and moves eps by a factor sqrt(c2) (a
 * different eps, not a different method). Each keeps its form so that results stay
 * bit-identical across versions.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface AdamHyper {
  /** Default 0.9. */
  readonly beta1?: number;
  /** Default 0.999. */
  readonly beta2?: number;
  /** Default 1e-8. */
  readonly epsilon?: number;
}

/** The hyperparameters with their defaults; throws a RangeError naming a bad one (prefixed by `who`). */
export function resolveAdamHyper(who: string, h: AdamHyper): { b1: number; b2: number; eps: number } {
  const b1 = h.beta1 ?? 0.9,
    b2 = h.beta2 ?? 0.999,
    eps = h.epsilon ?? 1e-8;
  for (const [name, v] of [
    ['beta1', b1],
    ['beta2', b2],
  ] as const) {
    if (!(v >= 0 && v < 1)) throw new RangeError(`${who}: ${name} must be in [0, 1), got ${v}`);
  }
  if (!(eps > 0)) throw new RangeError(`${who}: epsilon must be > 0, got ${eps}`);
  return { b1, b2, eps };
}

/**
 * Float64 Adam over a fixed list of parameter arrays (updated in place). The moments live here;
 * each `step` advances t by one. A mask (1 = trainable) freezes entries: they and their moments
 * never move.
 */
export class Adam64 {
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private t = 0;

  /** `sizes[i]` = length of the i-th parameter array. */
  constructor(sizes: readonly number[], hyper: AdamHyper = {}) {
    ({ b1: this.b1, b2: this.b2, eps: this.eps } = resolveAdamHyper('Adam64', hyper));
    sizes.forEach((n, i) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Adam64: sizes[${i}] must be a non-negative integer, got ${n}`);
    });
    this.m = sizes.map((n) => new Float64Array(n));
    this.v = sizes.map((n) => new Float64Array(n));
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.t;
  }

  /** One Adam step of every params[i] with gradient grads[i] at learning rate lr. */
  step(params: readonly Float64Array[], grads: readonly Float64Array[], lr: number, masks?: readonly (Uint8Array | undefined)[]): void {
    if (params.length !== this.m.length || grads.length !== this.m.length) {
      throw new RangeError(
        `Adam64.step: expected ${this.m.length} parameter and gradient arrays, got ${params.length} and ${grads.length}`,
      );
    }
    const { b1, b2, eps } = this;
    const t = ++this.t;
    const c1 = 1 - b1 ** t,
      c2 = 1 - b2 ** t;
    for (let p = 0; p < params.length; p++) {
      const th = params[p],
        g = grads[p],
        m = this.m[p],
        v = this.v[p],
        mask = masks?.[p];
      if (th.length !== m.length || g.length !== m.length) {
        throw new RangeError(`Adam64.step: params[${p}] and grads[${p}] must have ${m.length} entries, got ${th.length} and ${g.length}`);
      }
      for (let i = 0; i < th.length; i++) {
        if (mask && !mask[i]) continue;
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        th[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    }
  }
}

export interface MinimizeAdam64Options extends AdamHyper {
  readonly lr: number;
  readonly steps: number;
  /** 1 = trainable; default every entry. */
  readonly mask?: Uint8Array;
  /** Called after the listed steps (1-based step counts) with the current parameters. */
  readonly checkpoints?: readonly number[];
  readonly onCheckpoint?: (step: number, theta: Float64Array) => void;
}

export interface MinimizeAdam64Result {
  /** The loss or a parameter became non-finite (training stopped there). */
  readonly diverged: boolean;
  /** Loss at the last evaluated step (before its update). */
  readonly lastLoss: number;
}

/**
 * Full-batch Adam on one packed float64 vector with a fresh optimiser state: `lossGrad` writes
 * the gradient at theta into grad and returns the loss. Stops early and reports divergence when
 * the loss is not finite.
 */
export function minimizeAdam64(
  theta: Float64Array,
  lossGrad: (theta: Float64Array, grad: Float64Array) => number,
  o: MinimizeAdam64Options,
): MinimizeAdam64Result {
  if (!Number.isInteger(o.steps) || o.steps < 0)
    throw new RangeError(`minimizeAdam64: steps must be a non-negative integer, got ${o.steps}`);
  if (o.mask !== undefined && o.mask.length !== theta.length)
    throw new RangeError(`minimizeAdam64: mask must have ${theta.length} entries (one per parameter), got ${o.mask.length}`);
  const opt = new Adam64([theta.length], o);
  const g = new Float64Array(theta.length);
  const checks = new Set(o.checkpoints ?? []);
  const masks = [o.mask];
  let lastLoss = NaN;
  for (let t = 1; t <= o.steps; t++) {
    lastLoss = lossGrad(theta, g);
    if (!Number.isFinite(lastLoss)) return { diverged: true, lastLoss };
    opt.step([theta], [g], o.lr, masks);
    if (checks.has(t)) o.onCheckpoint?.(t, theta);
  }
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) return { diverged: true, lastLoss };
  return { diverged: false, lastLoss };
}

/**
 * One Adam update of a TF.js parameter (call inside a tidy): new moments and the new value
 * p - stepSize m / (sqrt(v) + eps), with stepSize = lr sqrt(1 - b2^t) / (1 - b1^t) formed by the
 * caller (a number, or a scalar tensor when lr is one).
 */
export function adamTensorUpdate(
  p: tf.Tensor,
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  stepSize: tf.Scalar | number,
  hyper: AdamHyper = {},
): { value: tf.Tensor; m: tf.Tensor; v: tf.Tensor } {
  const { b1, b2, eps } = resolveAdamHyper('adamTensorUpdate', hyper);
  const m1 = tf.add(tf.mul(b1, m), tf.mul(1 - b1, g));
  const v1 = tf.add(tf.mul(b2, v), tf.mul(1 - b2, tf.square(g)));
  return { value: tf.sub(p, tf.mul(stepSize, tf.div(m1, tf.add(tf.sqrt(v1), eps)))), m: m1, v: v1 };
}
