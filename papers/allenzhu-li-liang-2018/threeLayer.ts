/**
 * The three-layer learner of Allen-Zhu, Li & Liang 2018 (Theorem 2, the experiment):
 * F(x) = sum_{i<=m2} a_i relu(n_i(x) + b2_i), n_i(x) = sum_{j<=m1} v_ij relu(<w_j, x> + b1_j).
 * a is fixed at initialisation; W, b1, V, b2 are trained by minibatch SGD or Adam on the squared
 * loss (F - y)^2 / 2 - a declared proxy for the paper's Algorithm 1, whose smoothing, random signs
 * and regularisers are proof devices (catalog). Hand-written float64 forward and backward passes:
 * at m <= 128 the per-sample work (~3 m^2 flops) is far below TF.js's per-op overhead.
 *
 * Initialisation [R]: w_j ~ N(0, I_d), b1_j ~ N(0, 1) (O(1) pre-activations for ||x|| = 1),
 * v_ij ~ N(0, 2/m1) and b2_i ~ N(0, 1/m1) (He scaling), a_i ~ N(0, eps_a^2 / m2) (a small
 * output at init, so the NTK's zeroth-order term f0 is small).
 */
import { Adam64, shuffleInPlace, stepDecay, type Rng } from 'claimcheck/core';
import type { Inputs } from './concepts.js';

export interface ThreeLayerNet {
  readonly d: number;
  readonly m1: number;
  readonly m2: number;
  readonly W: Float64Array; // m1 x d
  readonly b1: Float64Array; // m1
  readonly V: Float64Array; // m2 x m1
  readonly b2: Float64Array; // m2
  readonly a: Float64Array; // m2, fixed
}

export function initThreeLayer(rng: Rng, d: number, m1: number, m2: number, epsA: number): ThreeLayerNet {
  return {
    d,
    m1,
    m2,
    W: rng.normals(m1 * d, 1),
    b1: rng.normals(m1, 1),
    V: rng.normals(m2 * m1, Math.sqrt(2 / m1)),
    b2: rng.normals(m2, 1 / Math.sqrt(m1)),
    a: rng.normals(m2, epsA / Math.sqrt(m2)),
  };
}

export function cloneThreeLayer(n: ThreeLayerNet): ThreeLayerNet {
  return { ...n, W: n.W.slice(), b1: n.b1.slice(), V: n.V.slice(), b2: n.b2.slice(), a: n.a.slice() };
}

/** Hidden activations of one input: h (m1 pre-activations), s = relu(h), n = V s + b2 (m2). */
export interface Hidden {
  readonly h: Float64Array;
  readonly s: Float64Array;
  readonly n: Float64Array;
  /** Indices j with h_j > 0 (increasing) and their count: the m2 x m1 loops skip the zeros of s. */
  readonly active: Int32Array;
  nActive: number;
}

export function allocHidden(net: ThreeLayerNet): Hidden {
  return {
    h: new Float64Array(net.m1),
    s: new Float64Array(net.m1),
    n: new Float64Array(net.m2),
    active: new Int32Array(net.m1),
    nActive: 0,
  };
}

/** Forward pass of the input at X[o..o+d); fills `z` and returns F(x). */
export function forwardThreeLayer(net: ThreeLayerNet, X: Float64Array, o: number, z: Hidden): number {
  const { d, m1, m2, W, b1, V, b2, a } = net;
  let na = 0;
  for (let j = 0; j < m1; j++) {
    let t = b1[j];
    const wj = j * d;
    for (let k = 0; k < d; k++) t += W[wj + k] * X[o + k];
    z.h[j] = t;
    z.s[j] = t > 0 ? t : 0;
    if (t > 0) z.active[na++] = j;
  }
  z.nActive = na;
  // Skipping the exact zeros of s leaves every sum bit-identical (x + 0 * v = x) at half the cost.
  const act = z.active,
    s = z.s;
  let f = 0;
  for (let i = 0; i < m2; i++) {
    let t = b2[i];
    const vi = i * m1;
    for (let q = 0; q < na; q++) {
      const j = act[q];
      t += V[vi + j] * s[j];
    }
    z.n[i] = t;
    if (t > 0) f += a[i] * t;
  }
  return f;
}

export function predictThreeLayer(net: ThreeLayerNet, data: Inputs): Float64Array {
  const z = allocHidden(net);
  const out = new Float64Array(data.n);
  for (let r = 0; r < data.n; r++) out[r] = forwardThreeLayer(net, data.X, r * data.d, z);
  return out;
}

/** Gradient buffers with the trained parameters' shapes. */
export interface ThreeLayerGrad {
  readonly W: Float64Array;
  readonly b1: Float64Array;
  readonly V: Float64Array;
  readonly b2: Float64Array;
}

export function zeroGrad(net: ThreeLayerNet): ThreeLayerGrad {
  return {
    W: new Float64Array(net.W.length),
    b1: new Float64Array(net.m1),
    V: new Float64Array(net.V.length),
    b2: new Float64Array(net.m2),
  };
}

/**
 * Adds weight * dF/dtheta (for the four trained groups) at one input to `g`, given the filled
 * `z` of that input; `ds` is m1 scratch. The loss gradient is this with weight = (F - y) / batch.
 */
export function accumulateGrad(
  net: ThreeLayerNet,
  X: Float64Array,
  o: number,
  z: Hidden,
  weight: number,
  g: ThreeLayerGrad,
  ds: Float64Array,
): void {
  const { d, m1, m2, V, a } = net;
  ds.fill(0);
  // Only active j matter: s_j = 0 adds nothing to dV, and ds_j is used only where h_j > 0.
  const act = z.active,
    na = z.nActive,
    s = z.s;
  for (let i = 0; i < m2; i++) {
    if (z.n[i] <= 0) continue;
    const dn = weight * a[i];
    g.b2[i] += dn;
    const vi = i * m1;
    for (let q = 0; q < na; q++) {
      const j = act[q];
      g.V[vi + j] += dn * s[j];
      ds[j] += dn * V[vi + j];
    }
  }
  for (let j = 0; j < m1; j++) {
    if (z.h[j] <= 0) continue;
    const dh = ds[j];
    g.b1[j] += dh;
    const wj = j * d;
    for (let k = 0; k < d; k++) g.W[wj + k] += dh * X[o + k];
  }
}

export type Optimizer =
  | { readonly kind: 'sgd'; readonly lr: number }
  | { readonly kind: 'adam'; readonly lr: number; readonly beta1?: number; readonly beta2?: number };

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: Optimizer;
  /** Learning rate divided by 10 at these fractions of the steps (core's `stepDecay`). */
  readonly decayAt?: readonly number[];
}

/**
 * Minibatch training of W, b1, V, b2 in place (fresh random order per epoch). Returns false if
 * the training loss became non-finite or exploded (divergence: the caller reports a skip).
 */
export function trainThreeLayer(net: ThreeLayerNet, data: Inputs, y: Float64Array, opts: TrainOptions, rng: Rng): boolean {
  const { n, d, X } = data;
  const z = allocHidden(net);
  const ds = new Float64Array(net.m1);
  const g = zeroGrad(net);
  const params = [net.W, net.b1, net.V, net.b2];
  const grads = [g.W, g.b1, g.V, g.b2];
  const adam =
    opts.optimizer.kind === 'adam'
      ? new Adam64(
          params.map((p) => p.length),
          opts.optimizer,
        )
      : undefined;
  const stepsPerEpoch = Math.ceil(n / opts.batchSize);
  const total = stepsPerEpoch * opts.epochs;
  const order = new Int32Array(n);
  let step = 0;
  for (let e = 0; e < opts.epochs; e++) {
    for (let i = 0; i < n; i++) order[i] = i;
    shuffleInPlace(rng, order);
    for (let s0 = 0; s0 < n; s0 += opts.batchSize) {
      const s1 = Math.min(n, s0 + opts.batchSize);
      for (const gr of grads) gr.fill(0);
      let loss = 0;
      for (let s = s0; s < s1; s++) {
        const o = order[s] * d;
        const r = forwardThreeLayer(net, X, o, z) - y[order[s]];
        loss += r * r;
        accumulateGrad(net, X, o, z, r / (s1 - s0), g, ds);
      }
      if (!Number.isFinite(loss) || loss / (s1 - s0) > 1e8) return false;
      const lr = stepDecay(opts.optimizer.lr, opts.decayAt ?? [], step++, total);
      if (adam) adam.step(params, grads, lr);
      else
        for (let p = 0; p < params.length; p++) {
          const th = params[p],
            gr = grads[p];
          for (let k = 0; k < th.length; k++) th[k] -= lr * gr[k];
        }
    }
  }
  return true;
}
