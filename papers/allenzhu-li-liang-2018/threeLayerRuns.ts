/**
 * One seed of a three-layer experiment of Allen-Zhu, Li & Liang 2018: the task (a random
 * three-layer concept on the bias-coordinate sphere, Theorem 2, optionally with +-s label noise;
 * or the experiment's R^4 target), the trained three-layer net, and on demand its NTK and
 * last-layer baselines on the same data and initialisation. Memoised per process so claims and
 * mutants sharing a configuration train once. Per seed r of base seed s every draw comes from
 * fold(keyFromSeed(s), r) by name.
 */
import { runCache } from 'claimcheck';
import { fold, keyFromSeed, meanSquaredDifference, rngFrom, type Key } from 'claimcheck/core';
import {
  EXPERIMENT_TARGET,
  biasSphereInputs,
  gaussianSphereInputs,
  labels,
  threeLayerConcept,
  variance,
  type Concept,
  type Inputs,
} from './concepts.js';
import { featureRidgeOnTest, initFeatures, kernelRidgeOnTest, ntkGram, type KernelRidgeResult } from './ntk.js';
import {
  cloneThreeLayer,
  initThreeLayer,
  predictThreeLayer,
  trainThreeLayer,
  type ThreeLayerNet,
  type TrainOptions,
} from './threeLayer.js';

export type ThreeLayerTask =
  | {
      readonly kind: 'concept';
      readonly d: number;
      readonly p1: number;
      readonly p2: number;
      readonly noise: number;
      /** Norm of the concept's first-layer weights (default 1). */
      readonly R?: number;
    }
  | { readonly kind: 'experiment' };

export interface ThreeLayerRunConfig {
  readonly task: ThreeLayerTask;
  readonly m: number;
  readonly N: number;
  readonly nTest: number;
  readonly epsA: number;
  readonly train: TrainOptions;
}

export const THREE_LAYER_TRAIN = { epochs: 100, batchSize: 32, optimizer: { kind: 'adam' as const, lr: 0.01 }, decayAt: [0.75] };

export const describeThreeLayer = (c: ThreeLayerRunConfig) =>
  `${c.task.kind === 'experiment' ? 'experiment target on R^4' : `three-layer concept d = ${c.task.d}, k = 1, p1 = ${c.task.p1}, p2 = ${c.task.p2}, ||w*|| = ${c.task.R ?? 1}${c.task.noise ? `, label noise +-${c.task.noise}` : ''}`}; ` +
  `three-layer ReLU learner m1 = m2 = ${c.m}, eps_a = ${c.epsA}, W, b1, V, b2 trained by ${c.train.optimizer.kind} lr ${c.train.optimizer.lr} ` +
  `(x0.1 at ${c.train.decayAt?.join(', ')} of the steps), batch ${c.train.batchSize}, ${c.train.epochs} epochs, N = ${c.N}, ${c.nTest} test points`;

export interface Data {
  readonly train: Inputs;
  readonly test: Inputs;
  readonly y: Float64Array;
  readonly yTest: Float64Array;
  /** Noiseless test targets F*(x) (equal to yTest without noise). */
  readonly fTest: Float64Array;
}

/** Label noise xi = +-s with equal probability. */
function addNoise(y: Float64Array, s: number, key: Key): Float64Array {
  if (s === 0) return y;
  const rng = rngFrom(key);
  return y.map((v) => v + (rng.uniform() < 0.5 ? -s : s));
}

function makeData(task: ThreeLayerTask, N: number, nTest: number, key: Key): Data {
  let concept: Concept;
  let sample: (k: Key, n: number) => Inputs;
  let scale: number;
  if (task.kind === 'experiment') {
    concept = EXPERIMENT_TARGET;
    sample = (k, n) => gaussianSphereInputs(rngFrom(k), n, 4);
  } else {
    concept = threeLayerConcept(rngFrom(key, 'target'), task.d, task.p1, task.p2, task.R ?? 1);
    sample = (k, n) => biasSphereInputs(rngFrom(k), n, task.d);
  }
  // Unit variance (catalog for Theorem 2; [R] for the experiment, whose raw target has variance
  // ~30), estimated on 20 000 inputs drawn only for this. NMSEs do not depend on it.
  const v = variance(labels(concept, sample(fold(key, 'scale'), 20_000)));
  // A (near-)constant target (e.g. d = 2: only two inputs exist) is left unscaled.
  scale = v > 1e-12 ? 1 / Math.sqrt(v) : 1;
  const train = sample(fold(key, 'train'), N),
    test = sample(fold(key, 'test'), nTest);
  const noise = task.kind === 'concept' ? task.noise : 0;
  const fTest = labels(concept, test, scale);
  return {
    train,
    test,
    fTest,
    y: addNoise(labels(concept, train, scale), noise, fold(key, 'noise-train')),
    yTest: addNoise(fTest, noise, fold(key, 'noise-test')),
  };
}

export interface ThreeLayerRun {
  /** Test MSE against the (possibly noisy) test labels and its standard error; NMSE = MSE / Var(test labels). */
  readonly mse: number;
  readonly mseStdErr: number;
  readonly nmse: number;
  /** Excess loss E(F - F*)^2 on the test inputs (against the noiseless targets): E L = excess + s^2. */
  readonly excess: number;
  readonly trainNmse: number;
  readonly diverged: boolean;
  readonly seconds: number;
}

interface Seed {
  readonly data: Data;
  readonly init: ThreeLayerNet;
  run?: ThreeLayerRun;
  ntk?: KernelRidgeResult & { readonly nmse: number };
  last?: KernelRidgeResult & { readonly nmse: number };
}

/** Per seed: its data and initial network, and each result once computed (filled in lazily). */
const memo = runCache<Seed>();

function seedOf(c: ThreeLayerRunConfig, baseSeed: number, r: number): Seed {
  return memo.get([c, baseSeed, r], () => {
    const key = fold(keyFromSeed(baseSeed), r);
    const data = makeData(c.task, c.N, c.nTest, key);
    const d = c.task.kind === 'experiment' ? 4 : c.task.d;
    return { data, init: initThreeLayer(rngFrom(fold(key, `m=${c.m}`), 'init'), d, c.m, c.m, c.epsA) };
  });
}

/** The task's data of seed r (the same rows every learner of that seed sees). */
export function taskData(c: ThreeLayerRunConfig, baseSeed: number, r: number): Data {
  return seedOf(c, baseSeed, r).data;
}

export function threeLayerRun(c: ThreeLayerRunConfig, baseSeed: number, r: number): ThreeLayerRun {
  const s = seedOf(c, baseSeed, r);
  if (s.run) return s.run;
  const t0 = performance.now();
  const net = cloneThreeLayer(s.init);
  const ok = trainThreeLayer(net, s.data.train, s.data.y, c.train, rngFrom(fold(fold(keyFromSeed(baseSeed), r), `m=${c.m}`), 'sgd'));
  const { test, yTest, train, y } = s.data;
  let run: ThreeLayerRun;
  if (!ok) {
    run = {
      mse: Infinity,
      mseStdErr: 0,
      nmse: Infinity,
      excess: Infinity,
      trainNmse: Infinity,
      diverged: true,
      seconds: (performance.now() - t0) / 1000,
    };
  } else {
    const pred = predictThreeLayer(net, test);
    const se = new Float64Array(test.n);
    for (let i = 0; i < test.n; i++) se[i] = (pred[i] - yTest[i]) ** 2;
    const m = se.reduce((a, b) => a + b, 0) / test.n;
    const sd = Math.sqrt(variance(se));
    const finite = Number.isFinite(m);
    run = {
      mse: finite ? m : Infinity,
      mseStdErr: sd / Math.sqrt(test.n),
      nmse: finite ? m / variance(yTest) : Infinity,
      excess: finite ? meanSquaredDifference(pred, s.data.fTest) : Infinity,
      trainNmse: meanSquaredDifference(predictThreeLayer(net, train), y) / variance(y),
      diverged: !finite,
      seconds: (performance.now() - t0) / 1000,
    };
  }
  s.run = run;
  return run;
}

/** The ridge grid (relative to the kernel's mean diagonal), chosen on the test set. */
export const KERNEL_LAMBDAS: readonly number[] = [1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3];

/** NTK and last-layer kernel ridge at the initialisation of seed r (no training needed). */
export function baselineRuns(
  c: ThreeLayerRunConfig,
  baseSeed: number,
  r: number,
): { ntk: KernelRidgeResult & { nmse: number }; last: KernelRidgeResult & { nmse: number } } {
  const s = seedOf(c, baseSeed, r);
  if (!s.ntk || !s.last) {
    const { train, test, y, yTest } = s.data;
    const net = s.init;
    const fTrain = initFeatures(net, train),
      fTest = initFeatures(net, test);
    const v = variance(yTest);
    const ntk = kernelRidgeOnTest(
      ntkGram(net, fTrain, train, fTrain, train),
      train.n,
      y,
      fTrain.f0,
      ntkGram(net, fTest, test, fTrain, train),
      test.n,
      yTest,
      fTest.f0,
      KERNEL_LAMBDAS,
    );
    const last = featureRidgeOnTest(fTrain.last, train.n, net.m2 + 1, y, fTrain.f0, fTest.last, test.n, yTest, fTest.f0, KERNEL_LAMBDAS);
    s.ntk = { ...ntk, nmse: ntk.mse / v };
    s.last = { ...last, nmse: last.mse / v };
  }
  return { ntk: s.ntk, last: s.last! };
}
