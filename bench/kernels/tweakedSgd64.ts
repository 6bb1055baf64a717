/**
 * Online projected SGD on Shamir's (2018) tweaked residual unit, fused into one float64 loop.
 *
 * Model p(x) = w.x + v.h with h = relu(Theta x + c) (c fixed), logistic loss
 * l = softplus(-y p). One pass over the T samples in order; at step t the loss is recorded
 * before the update, all gradients are taken at the old point, and (w, v) is then projected
 * onto the ball of radius `radius`. This is the bench workload sgd-shamir-tweak
 * (shared/bench/README.md W2), written as plain loops over Float64Array: at d = 10, k = 20 a
 * step is ~1k flops, where per-call overhead (numpy's ~15 calls, or ~12 us per TF.js op)
 * would dominate.
 */
export interface TweakedSgdProblem {
  readonly T: number;
  readonly d: number;
  readonly k: number;
  /** T x d, row-major. */
  readonly X: Float64Array;
  /** Labels in {-1, +1}, length T. */
  readonly y: Float64Array;
  /** k x d initial Theta, row-major (copied, not modified). */
  readonly Theta0: Float64Array;
  /** Fixed bias, length k. */
  readonly c: Float64Array;
  readonly eta: number;
  readonly radius: number;
}

export interface TweakedSgdResult {
  /** (1/T) sum_t l_t, each l_t taken before step t. */
  readonly onlineLoss: number;
  readonly w: Float64Array;
  readonly v: Float64Array;
  readonly Theta: Float64Array;
}

export function tweakedOnlineSgd(p: TweakedSgdProblem): TweakedSgdResult {
  const { T, d, k, X, y, c, eta, radius } = p;
  if (X.length !== T * d) throw new RangeError(`tweakedOnlineSgd: X must have T*d = ${T * d} entries, got ${X.length}`);
  if (y.length !== T) throw new RangeError(`tweakedOnlineSgd: y must have T = ${T} entries, got ${y.length}`);
  if (p.Theta0.length !== k * d) throw new RangeError(`tweakedOnlineSgd: Theta0 must have k*d = ${k * d} entries, got ${p.Theta0.length}`);
  if (c.length !== k) throw new RangeError(`tweakedOnlineSgd: c must have k = ${k} entries, got ${c.length}`);
  const Theta = Float64Array.from(p.Theta0);
  const w = new Float64Array(d);
  const v = new Float64Array(k);
  const pre = new Float64Array(k);
  const h = new Float64Array(k);
  let total = 0;
  for (let t = 0, xo = 0; t < T; t++, xo += d) {
    let sx = 0;
    for (let a = 0; a < d; a++) sx += w[a] * X[xo + a];
    let sh = 0;
    for (let j = 0, row = 0; j < k; j++, row += d) {
      let z = 0;
      for (let a = 0; a < d; a++) z += Theta[row + a] * X[xo + a];
      z += c[j];
      pre[j] = z;
      const hj = z > 0 ? z : 0;
      h[j] = hj;
      sh += v[j] * hj;
    }
    const yt = y[t];
    const m = -yt * (sx + sh); // loss = softplus(m)
    const e = Math.exp(-Math.abs(m));
    total += (m > 0 ? m : 0) + Math.log1p(e);
    const g = -yt * (m >= 0 ? 1 / (1 + e) : e / (1 + e)); // -y sigmoid(m), stably
    const s = eta * g;
    // Theta uses the old v; rows whose unit is inactive get no update.
    for (let j = 0, row = 0; j < k; j++, row += d) {
      if (!(pre[j] > 0)) continue;
      const cj = s * v[j];
      for (let a = 0; a < d; a++) Theta[row + a] -= cj * X[xo + a];
    }
    let nrm2 = 0;
    for (let a = 0; a < d; a++) {
      const wa = w[a] - s * X[xo + a];
      w[a] = wa;
      nrm2 += wa * wa;
    }
    for (let j = 0; j < k; j++) {
      const vj = v[j] - s * h[j];
      v[j] = vj;
      nrm2 += vj * vj;
    }
    const nrm = Math.sqrt(nrm2);
    if (nrm > radius) {
      const f = radius / nrm;
      for (let a = 0; a < d; a++) w[a] *= f;
      for (let j = 0; j < k; j++) v[j] *= f;
    }
  }
  return { onlineLoss: total / T, w, v, Theta };
}
