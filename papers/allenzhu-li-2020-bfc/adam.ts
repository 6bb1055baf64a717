/**
 * Full-batch Adam on a packed float64 parameter vector with a mask of trainable entries (the
 * BFC stages freeze different blocks of the same vector). Standard Adam (Kingma & Ba) with bias
 * correction; a fresh optimiser state per call, i.e. per stage. Stops early and reports
 * divergence when the loss is not finite.
 */
export interface AdamOptions {
  readonly lr: number;
  readonly steps: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  /** Called after the listed steps (1-based step counts) with the current parameters. */
  readonly checkpoints?: readonly number[];
  readonly onCheckpoint?: (step: number, theta: Float64Array) => void;
}

export interface AdamResult {
  readonly diverged: boolean;
  /** Loss at the last evaluated step (before its update). */
  readonly lastLoss: number;
}

export function adam(
  theta: Float64Array,
  mask: Uint8Array,
  lossGrad: (theta: Float64Array, grad: Float64Array) => number,
  o: AdamOptions,
): AdamResult {
  const b1 = o.beta1 ?? 0.9,
    b2 = o.beta2 ?? 0.999,
    eps = o.eps ?? 1e-8;
  const m = new Float64Array(theta.length),
    v = new Float64Array(theta.length),
    g = new Float64Array(theta.length);
  const checks = new Set(o.checkpoints ?? []);
  let lastLoss = NaN;
  for (let t = 1; t <= o.steps; t++) {
    lastLoss = lossGrad(theta, g);
    if (!Number.isFinite(lastLoss)) return { diverged: true, lastLoss };
    const c1 = 1 - b1 ** t,
      c2 = 1 - b2 ** t;
    for (let i = 0; i < theta.length; i++) {
      if (!mask[i]) continue;
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      theta[i] -= (o.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
    if (checks.has(t)) o.onCheckpoint?.(t, theta);
  }
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) return { diverged: true, lastLoss };
  return { diverged: false, lastLoss };
}
