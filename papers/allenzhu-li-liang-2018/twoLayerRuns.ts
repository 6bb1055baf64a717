/**
 * One seed of the Theorem 1 experiment (realizable two-layer concept, the W-only ReLU learner),
 * memoised per process so thm1, the width ladder of gen and their mutants share every run whose
 * configuration coincides. Per seed r of base seed s the target, training set and test set come
 * from fold(keyFromSeed(s), r) by name, so all widths of one seed see the same data (paired), and
 * the initialisation and SGD order from keys that also name the width.
 */
import { runCache } from 'claimcheck';
import { fold, keyFromSeed, meanSquaredDifference, rngFrom } from 'claimcheck/core';
import { biasSphereInputs, labels, twoLayerConcept, variance } from './concepts.js';
import { initTwoLayer, predictTwoLayer, sgdTwoLayer } from './twoLayer.js';

export interface TwoLayerRunConfig {
  readonly d: number;
  readonly p: number;
  readonly m: number;
  readonly N: number;
  readonly passes: number;
  readonly epsA: number;
  /** eta = c / (eps_a m). */
  readonly c: number;
  readonly nTest: number;
}

export interface TwoLayerRun {
  /** Test MSE / variance of the test labels; +Infinity if SGD diverged. */
  readonly nmse: number;
  readonly trainNmse: number;
  readonly seconds: number;
}

const memo = runCache<TwoLayerRun>();

export function twoLayerRun(c: TwoLayerRunConfig, baseSeed: number, r: number): TwoLayerRun {
  return memo.get([c.d, c.p, c.m, c.N, c.passes, c.epsA, c.c, c.nTest, baseSeed, r], () => runOnce(c, baseSeed, r));
}

function runOnce(c: TwoLayerRunConfig, baseSeed: number, r: number): TwoLayerRun {
  const t0 = performance.now();
  const key = fold(keyFromSeed(baseSeed), r);
  const concept = twoLayerConcept(rngFrom(key, 'target'), c.d, c.p);
  const train = biasSphereInputs(rngFrom(key, 'train'), c.N, c.d);
  const test = biasSphereInputs(rngFrom(key, 'test'), c.nTest, c.d);
  const y = labels(concept, train),
    yTest = labels(concept, test);
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
