/**
 * Nichani, Damian & Lee 2023 as an experiment: per seed, one target instance, one training set
 * and one test set, and
 *
 * - the learned feature's quality: corr(phi, h*) on the test set after stage 1 (`ndlStage1`),
 *   on D1 = the first n/2 training rows;
 * - the three-layer learner's test NMSE: stage 2 (`ndlStage2`, ridge in `ndlRidge`) on
 *   D2 = the other n/2 rows;
 * - the two-layer random-feature baseline's test NMSE, ridge on all n training rows (paired:
 *   the same training and test data).
 *
 * Both learners choose their ridge on the same holdout of N_HOLDOUT fresh rows (fold(key,
 * 'holdout')), neither training nor test data, as the paper tunes lambda on a holdout.
 *
 * NMSE = test MSE / Var(y_test). Seed r uses key fold(keyFromSeed(baseSeed), r): the instance
 * (A or beta) from fold(key, 'task'), V from fold(key, 'V'), training rows from fold(key,
 * 'train') (a prefix of one stream, so the data are nested in n), test rows from fold(key,
 * 'test'), stage-2 and baseline features from fold(key, 'stage2') / fold(key, 'rf'). A seed's
 * numbers do not depend on which other seeds run. Results are memoised in-process by
 * configuration, so claims sharing a configuration compute it once; every entry is a pure
 * function of its key.
 */
import { runCache } from 'claimcheck';
import { fold, keyFromSeed, meanSquaredDifference, permutation, Rng, type Key } from 'claimcheck/core';
import { activationMatrix, evalFeatureBlocked, featureFromActivations, learnFeatureBlocked, learnFeaturesNested } from './activations.js';
import { evalFeature, learnFeatureHe2, pearson, sphereDirections, type InnerActivation, type LearnedFeature } from './stage1.js';
import { ridgePredict, ridgeSelectAndFit } from './ridge.js';
import { linearScalarFeature, reluRandomFeatureMap, scalarReluFeatures, standardiseBy } from './stage2.js';
import { makeNdlTask, type NdlSample, type NdlTargetKind } from './task.js';

export interface NdlConfig {
  readonly target: NdlTargetKind;
  readonly d: number;
  /** Training samples (D1 = first floor(n/2), D2 = the rest). */
  readonly n: number;
  /** Inner width (rows of V). */
  readonly m2: number;
  readonly sigma2: InnerActivation;
  readonly nTest: number;
  /** Quadratic target only: 'diagonal' uses A = diag(1, -1, ...)/sqrt(d) instead of a random A. Default 'random'. */
  readonly structure?: 'random' | 'diagonal';
  /**
   * 'shuffled': the training labels are permuted (fold(key, 'shuffle')), so y carries no
   * information about x: a learner that cannot learn (the power mutants'). Default 'true'.
   */
  readonly labels?: 'true' | 'shuffled';
}

/** Stage-2 width, baseline width, ridge grid and validation share (catalog reference implementation). */
export const M1 = 400;
export const RF_WIDTH = 3000;
export const LAMBDAS = [1e-6, 1e-4, 1e-2] as const;
/** Holdout rows (fresh draws, neither training nor test) on which both learners choose lambda. */
export const N_HOLDOUT = 4000;

export function ndlSeedKey(baseSeed: number, r: number): Key {
  return fold(keyFromSeed(baseSeed), r);
}

export function seedData(c: NdlConfig, key: Key, n: number): { train: NdlSample; test: NdlSample; holdout: () => NdlSample } {
  const task = makeNdlTask(c.target, c.d, fold(key, 'task'), c.structure);
  const sample = task.sample(n, fold(key, 'train'));
  const train = c.labels === 'shuffled' ? { ...sample, y: shuffled(sample.y, fold(key, 'shuffle')) } : sample;
  return {
    train,
    test: task.sample(c.nTest, fold(key, 'test')),
    holdout: () => task.sample(N_HOLDOUT, fold(key, 'holdout')),
  };
}

function shuffled(y: Float64Array, key: Key): Float64Array {
  const perm = permutation(new Rng(key), y.length);
  return Float64Array.from(perm, (i) => y[i]);
}

export function variance(y: Float64Array): number {
  let m = 0;
  for (const v of y) m += v;
  m /= y.length;
  let s = 0;
  for (const v of y) s += (v - m) ** 2;
  return s / y.length;
}

/** He2 by its exact closed form (float64); other activations by float32 products, float64 sums. */
function stage1(
  kind: InnerActivation,
  X: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  V: Float64Array,
  m2: number,
): LearnedFeature {
  return kind === 'he2' ? learnFeatureHe2(X, y, n, d, V, m2) : learnFeatureBlocked(kind, X, y, n, d, V, m2);
}

function phiOf(f: LearnedFeature, X: Float64Array, n: number): Float64Array {
  return f.kind === 'he2' ? evalFeature(f, X, n) : evalFeatureBlocked(f, X, n);
}

const curves = runCache<number[]>();
const threeLayers = runCache<ThreeLayerResult>();
const twoLayers = runCache<TwoLayerResult>();

/**
 * corr(phi, h*) on the test set for each n in `ns` (stage 1 on the first floor(n/2) rows of one
 * nested training stream). `c.n` is ignored.
 */
export function correlationCurve(c: NdlConfig, baseSeed: number, r: number, ns: readonly number[]): number[] {
  return curves.get([c.target, c.d, c.m2, c.sigma2, c.nTest, c.structure, c.labels, baseSeed, r, ns], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { train, test } = seedData(c, key, Math.max(...ns));
    const V = sphereDirections(c.m2, c.d, fold(key, 'V'));
    // The test rows' activations are shared by every n (they do not depend on the data).
    const S = c.sigma2 === 'he2' ? undefined : activationMatrix(c.sigma2, test.X, test.n, c.d, V, c.m2);
    // Centred ReLU and identity: one pass over the largest D1 gives every nested D1's u (activations.ts).
    const n1s = [...new Set(ns.map((n) => Math.floor(n / 2)).filter((n1) => n1 >= 2))].sort((a, b) => a - b);
    const nested = S === undefined ? undefined : learnFeaturesNested(c.sigma2, train.X, train.y, n1s, c.d, V, c.m2);
    return ns.map((n) => {
      const n1 = Math.floor(n / 2);
      if (n1 < 2) return NaN;
      if (S === undefined || nested === undefined)
        return pearson(evalFeature(stage1(c.sigma2, train.X, train.y, n1, c.d, V, c.m2), test.X, test.n), test.h);
      return pearson(featureFromActivations(S, test.n, c.m2, nested[n1s.indexOf(n1)].u), test.h);
    });
  });
}

export interface ThreeLayerResult {
  readonly corr: number;
  /** Test NMSE of the three-layer learner (NaN if phi is constant on D2). */
  readonly nmse: number;
  readonly lambda: number;
}

/**
 * The three-layer learner on seed r. `stage2` 'relu' is Algorithm 1 (m1 = 400 ReLU features of
 * phi); 'linear' fits the top layer on phi alone (a power mutant: it cannot represent g*).
 */
export function threeLayer(c: NdlConfig, baseSeed: number, r: number, stage2: 'relu' | 'linear' = 'relu'): ThreeLayerResult {
  return threeLayers.get([c, baseSeed, r, stage2], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { corr, p2, pTest, pVal, y2, test, val } = stage1Features(c, baseSeed, r);
    if (!Number.isFinite(p2[0])) return { corr, nmse: NaN, lambda: NaN };
    const fm = stage2 === 'relu' ? scalarReluFeatures(M1, fold(key, 'stage2')) : linearScalarFeature;
    const fit = ridgeSelectAndFit(fm, p2, y2, pVal, val.y, LAMBDAS);
    const mse = meanSquaredDifference(ridgePredict(fm, fit.weights, fit.intercept, pTest, test.n), test.y);
    return { corr, nmse: mse / variance(test.y), lambda: fit.lambda };
  });
}

interface Stage1Features {
  readonly corr: number;
  /** phi standardised by D2's mean and sd, on D2, the test set and the holdout. */
  readonly p2: Float64Array;
  readonly pTest: Float64Array;
  readonly pVal: Float64Array;
  readonly y2: Float64Array;
  readonly test: NdlSample;
  readonly val: NdlSample;
}

const stage1Cache = runCache<Stage1Features>();

/** Stage 1 of seed r and the standardised feature on D2, test and holdout (shared by both stage-2 variants). */
function stage1Features(c: NdlConfig, baseSeed: number, r: number): Stage1Features {
  return stage1Cache.get([c, baseSeed, r], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { train, test, holdout } = seedData(c, key, c.n);
    const V = sphereDirections(c.m2, c.d, fold(key, 'V'));
    const n1 = Math.floor(c.n / 2),
      n2 = c.n - n1;
    const val = holdout();
    const f = stage1(c.sigma2, train.X, train.y, n1, c.d, V, c.m2);
    const phiTest = phiOf(f, test.X, test.n);
    const corr = pearson(phiTest, test.h);
    const phi2 = phiOf(f, train.X.subarray(n1 * c.d), n2);
    const [p2, pTest, pVal] = standardiseBy(phi2, phi2, phiTest, phiOf(f, val.X, val.n));
    return { corr, p2, pTest, pVal, y2: train.y.subarray(n1), test, val };
  });
}

export interface TwoLayerResult {
  readonly nmse: number;
  readonly lambda: number;
}

/** The two-layer random-feature baseline on the same data as `threeLayer` (m2 and sigma2 unused). */
export function twoLayerBaseline(c: NdlConfig, baseSeed: number, r: number, width = RF_WIDTH): TwoLayerResult {
  return twoLayers.get([c.target, c.d, c.n, c.nTest, c.structure, baseSeed, r, width], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { train, test, holdout } = seedData(c, key, c.n);
    const val = holdout();
    const fm = reluRandomFeatureMap(c.d, width, fold(key, 'rf'));
    const fit = ridgeSelectAndFit(fm, train.X, train.y, val.X, val.y, LAMBDAS);
    const mse = meanSquaredDifference(ridgePredict(fm, fit.weights, fit.intercept, test.X, test.n), test.y);
    return { nmse: mse / variance(test.y), lambda: fit.lambda };
  });
}
