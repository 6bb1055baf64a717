/**
 * One seed of the Theorem 1 experiment (realizable two-layer concept, the W-only ReLU learner),
 * memoised per process so thm1, the width ladder of gen and their mutants share every run whose
 * configuration coincides. Per seed r of base seed s the target, training set and test set come
 * from fold(keyFromSeed(s), r) by name, so all widths of one seed see the same data (paired), and
 * the initialisation and SGD order from keys that also name the width.
 */
import { runCache } from 'claimcheck';
import { fold, keyFromSeed, meanSquaredDifference, rngFrom, type FlatMatrix } from 'claimcheck/core';
import { biasSphereInputs, labels, twoLayerConcept, variance, type Inputs } from './concepts.js';
import { initTwoLayer, predictTwoLayer, sgdTwoLayer, type TwoLayerNet } from './twoLayer.js';
import { predict, ridgeOnFeatures } from './quadratic.js';

export interface TwoLayerRunConfig {
  readonly d: number;
  readonly p: number;
  /** Norm of the concept's first-layer weights (twoLayerConcept's R). */
  readonly R: number;
  readonly m: number;
  readonly N: number;
  readonly passes: number;
  readonly epsA: number;
  /** eta = c / (eps_a m). */
  readonly c: number;
  readonly nTest: number;
}

/**
 * The catalog's learner; the concept's first-layer weights have norm R = 3 (catalog: unit norm),
 * because the unit-norm concept is nearly quadratic (degree-2 least squares reaches the bar). eta =
 * c / (eps_a m), c = 10 chosen once on {3, 6, 10} on the unit-norm concept and frozen.
 */
export const TWO_LAYER: TwoLayerRunConfig = { d: 10, p: 4, R: 3, m: 1000, N: 5000, passes: 10, epsA: 0.05, c: 10, nTest: 20_000 };
export const describeTwoLayer = (c: TwoLayerRunConfig) =>
  `two-layer concept d = ${c.d}, k = 1, p = ${c.p}, ||w*_1|| = ${c.R}, unit-variance labels; W-only ReLU learner m = ${c.m}, ` +
  `eps_a = ${c.epsA}, eta = ${c.c}/(eps_a m), online SGD, N = ${c.N}, ${c.passes} passes, ${c.nTest} test points`;

export interface TwoLayerRun {
  /** Test MSE / variance of the test labels; +Infinity if SGD diverged. */
  readonly nmse: number;
  readonly trainNmse: number;
  readonly seconds: number;
}

const memo = runCache<TwoLayerRun>();

export function twoLayerRun(c: TwoLayerRunConfig, baseSeed: number, r: number): TwoLayerRun {
  return memo.get([c.d, c.p, c.R, c.m, c.N, c.passes, c.epsA, c.c, c.nTest, baseSeed, r], () => runOnce(c, baseSeed, r));
}

export interface TwoLayerData {
  readonly train: Inputs;
  readonly test: Inputs;
  readonly y: Float64Array;
  readonly yTest: Float64Array;
}

const dataMemo = runCache<TwoLayerData>({ maxEntries: 64 });

/**
 * Target, training and test set of seed r (shared by every width and learner of that seed). Labels
 * are scaled to unit variance (estimated on 20 000 inputs drawn only for this) [R]: NMSEs do not
 * depend on it, and the learner's small output scale eps_a then meets an O(1) target at every R.
 */
export function twoLayerData(c: Pick<TwoLayerRunConfig, 'd' | 'p' | 'R' | 'N' | 'nTest'>, baseSeed: number, r: number): TwoLayerData {
  return dataMemo.get([c.d, c.p, c.R, c.N, c.nTest, baseSeed, r], () => {
    const key = fold(keyFromSeed(baseSeed), r);
    const concept = twoLayerConcept(rngFrom(key, 'target'), c.d, c.p, c.R);
    const v = variance(labels(concept, biasSphereInputs(rngFrom(key, 'scale'), 20_000, c.d)));
    const scale = v > 1e-12 ? 1 / Math.sqrt(v) : 1;
    const train = biasSphereInputs(rngFrom(key, 'train'), c.N, c.d);
    const test = biasSphereInputs(rngFrom(key, 'test'), c.nTest, c.d);
    return { train, test, y: labels(concept, train, scale), yTest: labels(concept, test, scale) };
  });
}

function runOnce(c: TwoLayerRunConfig, baseSeed: number, r: number): TwoLayerRun {
  const t0 = performance.now();
  const key = fold(keyFromSeed(baseSeed), r);
  const { train, test, y, yTest } = twoLayerData(c, baseSeed, r);
  const widthKey = fold(key, `m=${c.m}`);
  const net = initTwoLayer(rngFrom(widthKey, 'init'), c.m, c.d, c.epsA);
  const ok = sgdTwoLayer(net, train, y, c.c / (c.epsA * c.m), c.passes, rngFrom(widthKey, 'sgd'));
  const nmse = ok ? meanSquaredDifference(predictTwoLayer(net, test), yTest) / variance(yTest) : Infinity;
  const trainNmse = ok ? meanSquaredDifference(predictTwoLayer(net, train), y) / variance(y) : Infinity;
  return { nmse: Number.isFinite(nmse) ? nmse : Infinity, trainNmse, seconds: (performance.now() - t0) / 1000 };
}

export function twoLayerRuns(c: TwoLayerRunConfig, baseSeed: number, seeds: number): TwoLayerRun[] {
  return Array.from({ length: seeds }, (_, r) => twoLayerRun(c, baseSeed, r));
}

/**
 * The power baseline of the width ladder: plain least squares (relative ridge 1e-10) on the m fixed
 * random ReLU features relu(<w_i, x> + b_i) of the two-layer learner's initialisation, i.e. the
 * output layer fitted to the data with no width scaling: a learner whose generalisation gap grows
 * with its parameter count as m approaches N. Train and test NMSE of seed r; m must be below N.
 */
export function randomFeatureRun(c: TwoLayerRunConfig, baseSeed: number, r: number): { nmse: number; trainNmse: number } {
  return rfMemo.get([c.d, c.p, c.R, c.m, c.N, c.nTest, baseSeed, r], () => {
    if (!(c.m < c.N)) throw new RangeError(`randomFeatureRun: width m = ${c.m} must be below N = ${c.N}`);
    const { train, test, y, yTest } = twoLayerData(c, baseSeed, r);
    const net = initTwoLayer(rngFrom(fold(fold(keyFromSeed(baseSeed), r), `m=${c.m}`), 'init'), c.m, c.d, c.epsA);
    const w = ridgeOnFeatures(reluFeatures(net, train), y, [1e-10]);
    return {
      nmse: meanSquaredDifference(predict(reluFeatures(net, test), w), yTest) / variance(yTest),
      trainNmse: meanSquaredDifference(predict(reluFeatures(net, train), w), y) / variance(y),
    };
  });
}

const rfMemo = runCache<{ nmse: number; trainNmse: number }>();

function reluFeatures(net: TwoLayerNet, data: Inputs): FlatMatrix {
  const { m, d, b, W } = net;
  const out = new Float64Array(data.n * m);
  for (let r = 0; r < data.n; r++)
    for (let i = 0; i < m; i++) {
      let h = b[i];
      for (let t = 0; t < d; t++) h += W[i * d + t] * data.X[r * d + t];
      out[r * m + i] = h > 0 ? h : 0;
    }
  return { rows: data.n, cols: m, data: out };
}
