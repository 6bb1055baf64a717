/**
 * The gradient-trained two-layer baseline of Nichani, Damian & Lee's separation claim (issue 13:
 * "compare with the best of several two-layer baselines"): a width-m ReLU network
 *
 *   f(x) = c + sum_{j < m} a_j ReLU(w_j . x + b_j),
 *
 * every parameter trained (a feature-learning two-layer network, not a kernel), by minibatch Adam
 * (core `minimizeAdam64`, float64) on the squared loss over all n training rows of a seed. The
 * learning rate and the step count are chosen on the seed's holdout (the same 4000 fresh rows
 * on which every other learner chooses its ridge; never the test set): each learning rate of the
 * grid is trained once, the holdout MSE is read every `evalEvery` steps, and the (rate, step)
 * with the lowest holdout MSE is the model whose test NMSE is reported (early stopping on the
 * holdout).
 *
 * Initialisation [R]: w_j ~ N(0, I/d), b_j ~ N(0, 1) (the random-feature baseline's law), a_j ~
 * N(0, 1/m), c = mean y. Minibatches: the rows in a fresh random order per epoch (fold(key,
 * 'batches')). Everything is float64 and a pure function of (data, key, options).
 */
import { runCache } from 'claimcheck';
import { fold, meanSquaredDifference as mse, minimizeAdam64, Rng, shuffleInPlace, type Key } from 'claimcheck/core';
import { ndlSeedKey, seedData, variance, type NdlConfig } from './layerwise.js';

export interface TwoLayerNetOptions {
  /** Hidden width m. */
  readonly width: number;
  /** Learning rates tried (Adam, default betas); the holdout chooses one. */
  readonly lrs: readonly number[];
  /** Adam steps per learning rate. */
  readonly steps: number;
  /** Minibatch rows. */
  readonly batch: number;
  /** Holdout MSE is read every evalEvery steps (the candidate step counts). */
  readonly evalEvery: number;
}

export interface TwoLayerNetFit {
  /** Chosen learning rate and step count (lowest holdout MSE). */
  readonly lr: number;
  readonly steps: number;
  readonly holdoutMse: number;
  /** True if some learning rate diverged (its checkpoints before the divergence still count). */
  readonly diverged: boolean;
  /** Predictions of the chosen network. */
  predict(X: Float64Array, n: number): Float64Array;
}

/** Parameter layout in the packed vector: W (m x d), b (m), a (m), c (1). */
function layout(m: number, d: number) {
  return { W: 0, b: m * d, a: m * d + m, c: m * d + 2 * m, size: m * d + 2 * m + 1 };
}

/** f(x) for n rows of X (row-major, n x d) at theta. */
export function netPredict(theta: Float64Array, m: number, d: number, X: Float64Array, n: number): Float64Array {
  const L = layout(m, d);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let f = theta[L.c];
    for (let j = 0; j < m; j++) {
      const w = L.W + j * d;
      let z = theta[L.b + j];
      for (let t = 0; t < d; t++) z += theta[w + t] * X[o + t];
      if (z > 0) f += theta[L.a + j] * z;
    }
    out[i] = f;
  }
  return out;
}

/** The initial parameters (see the module comment). */
export function initNet(m: number, d: number, yMean: number, key: Key): Float64Array {
  const L = layout(m, d);
  const rng = new Rng(key);
  const theta = new Float64Array(L.size);
  theta.set(rng.normals(m * d, 1 / Math.sqrt(d)), L.W);
  theta.set(rng.normals(m), L.b);
  theta.set(rng.normals(m, 1 / Math.sqrt(m)), L.a);
  theta[L.c] = yMean;
  return theta;
}

/**
 * Half the mean squared error of the minibatch `rows` and its gradient (written into grad).
 * Exposed for the spec's finite-difference check.
 */
export function batchLossGrad(
  theta: Float64Array,
  grad: Float64Array,
  m: number,
  d: number,
  X: Float64Array,
  y: Float64Array,
  rows: ArrayLike<number>,
  count: number,
  z: Float64Array = new Float64Array(m),
): number {
  const L = layout(m, d);
  grad.fill(0);
  let loss = 0;
  for (let s = 0; s < count; s++) {
    const i = rows[s],
      o = i * d;
    let f = theta[L.c];
    for (let j = 0; j < m; j++) {
      const w = L.W + j * d;
      let v = theta[L.b + j];
      for (let t = 0; t < d; t++) v += theta[w + t] * X[o + t];
      z[j] = v;
      if (v > 0) f += theta[L.a + j] * v;
    }
    const r = f - y[i];
    loss += 0.5 * r * r;
    const g = r / count;
    grad[L.c] += g;
    for (let j = 0; j < m; j++) {
      const v = z[j];
      if (!(v > 0)) continue;
      grad[L.a + j] += g * v;
      const gj = g * theta[L.a + j];
      grad[L.b + j] += gj;
      const w = L.W + j * d;
      for (let t = 0; t < d; t++) grad[w + t] += gj * X[o + t];
    }
  }
  return loss / count;
}

/**
 * Trains the network on (X, y) (n x d) for each learning rate of `o.lrs` and keeps the
 * (rate, step) with the lowest MSE on the holdout (XVal, yVal).
 */
export function trainTwoLayerNet(
  X: Float64Array,
  y: Float64Array,
  XVal: Float64Array,
  yVal: Float64Array,
  d: number,
  key: Key,
  o: TwoLayerNetOptions,
): TwoLayerNetFit {
  const n = y.length,
    m = o.width;
  if (!(n >= 1) || X.length !== n * d || XVal.length !== yVal.length * d)
    throw new RangeError(`trainTwoLayerNet: X must hold ${n} rows and XVal ${yVal.length} rows of ${d}`);
  if (!(o.batch >= 1 && o.steps >= 1 && o.evalEvery >= 1 && o.lrs.length > 0))
    throw new RangeError('trainTwoLayerNet: batch, steps, evalEvery must be >= 1 and lrs non-empty');
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  const theta0 = initNet(m, d, yMean, fold(key, 'init'));
  let best = { lr: o.lrs[0], steps: 0, holdoutMse: mse(netPredict(theta0, m, d, XVal, yVal.length), yVal), theta: theta0 };
  let diverged = false;
  const checkpoints: number[] = [];
  for (let s = o.evalEvery; s <= o.steps; s += o.evalEvery) checkpoints.push(s);
  const z = new Float64Array(m);
  for (const lr of o.lrs) {
    const theta = theta0.slice();
    // The same minibatch order for every learning rate (a paired comparison of the rates).
    const rng = new Rng(fold(key, 'batches'));
    const order = new Int32Array(n);
    let pos = n;
    const batchRows = new Int32Array(o.batch);
    const r = minimizeAdam64(
      theta,
      (th, g) => {
        const count = Math.min(o.batch, n);
        for (let s = 0; s < count; s++) {
          if (pos >= n) {
            for (let i = 0; i < n; i++) order[i] = i;
            shuffleInPlace(rng, order);
            pos = 0;
          }
          batchRows[s] = order[pos++];
        }
        return batchLossGrad(th, g, m, d, X, y, batchRows, count, z);
      },
      {
        lr,
        steps: o.steps,
        checkpoints,
        onCheckpoint: (step, th) => {
          const h = mse(netPredict(th, m, d, XVal, yVal.length), yVal);
          if (h < best.holdoutMse) best = { lr, steps: step, holdoutMse: h, theta: th.slice() };
        },
      },
    );
    diverged ||= r.diverged;
  }
  const chosen = best;
  return {
    lr: chosen.lr,
    steps: chosen.steps,
    holdoutMse: chosen.holdoutMse,
    diverged,
    predict: (Xq, nq) => netPredict(chosen.theta, m, d, Xq, nq),
  };
}

/**
 * The separation panel's network: width, learning-rate grid, steps, minibatch, checkpoint spacing
 * (fixed before the panel's calibration seeds were run). On them (CALIBRATION.md; 10 seeds) the
 * holdout chose the largest rate, 1e-2, at 1700-3000 of the 3000 steps: a wider grid could only lower
 * the network's NMSE, and it already beats the three-layer learner on 4 of the 10 seeds.
 */
export const NET: TwoLayerNetOptions = { width: 512, lrs: [1e-3, 3e-3, 1e-2], steps: 3000, batch: 128, evalEvery: 100 };

export interface NetResult {
  readonly nmse: number;
  readonly lr: number;
  readonly steps: number;
  readonly holdoutMse: number;
}

const netCache = runCache<NetResult>();

/** The trained two-layer network on seed r (all n training rows; paired with the other learners). */
export function netBaseline(c: NdlConfig, baseSeed: number, r: number, o: TwoLayerNetOptions = NET): NetResult {
  return netCache.get([c.target, c.d, c.n, c.nTest, c.structure, baseSeed, r, o], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { train, test, holdout } = seedData(c, key, c.n);
    const val = holdout();
    const fit = trainTwoLayerNet(train.X, train.y, val.X, val.y, c.d, fold(key, 'net'), o);
    const mseTest = mse(fit.predict(test.X, test.n), test.y);
    return { nmse: mseTest / variance(test.y), lr: fit.lr, steps: fit.steps, holdoutMse: fit.holdoutMse };
  });
}
