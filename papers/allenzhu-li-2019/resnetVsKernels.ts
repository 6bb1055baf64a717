/**
 * Allen-Zhu & Li 2019 as an experiment: per seed, one training set and one test set of the
 * composite target H = F + alpha G(F) (`azl2019Task.ts`), shared by every learner (paired
 * design), and the test MSE (mean over test points of the squared error summed over outputs) of
 *
 * - the bottleneck ResNet, all layers trained (`bottleneckTrainer.ts`), evaluated in float64;
 * - kernel ridge regression with a ridge grid lam * N, the best lam on the test set (the
 *   catalog's rule, which favours the kernels: the conservative direction for a separation):
 *   'rbf' exp(-||x - x'||^2 / d), 'relu-ntk' the catalog's two-layer ReLU NTK on the sphere,
 *   'own-ntk' the ResNet's own empirical NTK at its initialisation (`bottleneckNtk.ts`);
 * - 'last-layer': ridge regression on the ResNet's features at initialisation (only A trained:
 *   the conjugate-kernel / random-feature learner of thm4~output-layer-only);
 * - 'random-features': ridge regression on D random ReLU features relu(W x + b), W ~ N(0, I/d),
 *   b ~ N(0, 1) (thm4's fixed feature map).
 *
 * Seed r uses the key fold(keyFromSeed(baseSeed), r) for its data, initialisation, minibatch
 * order and random features, so a seed's numbers do not depend on which other seeds run.
 * Results are memoised in-process by configuration (claims that share a configuration, e.g.
 * thm1 and thm3, train each network once); every entry is a pure function of its key.
 */
import {
  allocGram,
  bottleneckResNet,
  bottleneckResNetForward64,
  disposeParams,
  flatMatMul,
  fold,
  keyFromSeed,
  krr,
  paramsToArrays,
  primalRidgeOnTest,
  rbfGram,
  reluRandomFeatures,
  sphereReluNtkGram,
  tf,
  type BottleneckParams64,
  type FlatMatrix,
  type Gram,
  type Key,
  type Params,
} from 'claimcheck/core';
import { runCache } from 'claimcheck';
import { makeTask, parityG, summedMse, type Task, type TaskKind, type TaskSample } from './task.js';
import { bottleneckNtkGram } from './bottleneckNtk.js';
import { trainBottleneck, type OptimizerSpec } from './bottleneckTrainer.js';

export interface ResNetSpec {
  readonly width: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  /** 'identity' makes the network linear (thm1~linear-activation). Default 'relu'. */
  readonly activation?: 'relu' | 'identity';
}

export interface SeparationConfig {
  readonly task: { readonly kind: TaskKind; readonly d: number; readonly alpha: number };
  /** Training samples per seed. */
  readonly N: number;
  /** Test samples per seed. */
  readonly nTest: number;
  readonly resnet: ResNetSpec;
  /** Ridge grid: mu = lam * N. */
  readonly lambdas: readonly number[];
  /** Feature counts D of the 'random-features' learner (thm4 takes the best of them). */
  readonly featureCounts: readonly number[];
  /** Number of seeds R. */
  readonly seeds: number;
  readonly baseSeed: number;
}

export type Learner = 'rbf' | 'relu-ntk' | 'own-ntk' | 'last-layer' | 'random-features';

export interface NetRisk {
  readonly mse: number;
  /** Training loss (summed squared error) averaged over the last epoch. */
  readonly trainMse: number;
  readonly diverged: boolean;
}

export interface LearnerRisk {
  readonly mse: number;
  /** The ridge lam chosen on the test set (mu = lam * N). */
  readonly lambda: number;
}

export function seedKey(cfg: SeparationConfig, r: number): Key {
  return fold(keyFromSeed(cfg.baseSeed), r);
}

/** The task of seed r ('smooth' draws its F and G per seed). */
export function seedTask(cfg: SeparationConfig, r: number): Task {
  return makeTask({ ...cfg.task, key: fold(seedKey(cfg, r), 'task') });
}

export function seedData(cfg: SeparationConfig, r: number): { task: Task; train: TaskSample; test: TaskSample } {
  const task = seedTask(cfg, r);
  const key = seedKey(cfg, r);
  return { task, train: task.sample(cfg.N, fold(key, 'train')), test: task.sample(cfg.nTest, fold(key, 'test')) };
}

function modelOptions(cfg: SeparationConfig) {
  return { inputDim: cfg.task.d, width: cfg.resnet.width, outputDim: cfg.task.d / 2, activation: cfg.resnet.activation ?? 'relu' } as const;
}

/** The ResNet's initial parameters for seed r (unbatched; caller disposes). */
export function seedInit(cfg: SeparationConfig, r: number): Params {
  return bottleneckResNet(modelOptions(cfg)).init(fold(seedKey(cfg, r), 'init'));
}

const flat = (rows: readonly (readonly number[])[]) => Float32Array.from(rows.flat());

export interface TrainedNets {
  /** Trained params per seed (float32 values widened to float64), null when diverged. */
  readonly params: (BottleneckParams64 | null)[];
  readonly trainMse: number[];
}

const netCache = runCache<TrainedNets>();
const learnerCache = runCache<LearnerRisk>();
const riskCache = runCache<NetRisk[]>();

/** Trains the ResNet of every seed (one chain per seed, `bottleneckTrainer.ts`); memoised. */
export function trainNets(cfg: SeparationConfig): TrainedNets {
  return netCache.get(cfg, () => trainNetsOnce(cfg));
}

function trainNetsOnce(cfg: SeparationConfig): TrainedNets {
  const seeds = Array.from({ length: cfg.seeds }, (_, r) => r);
  const inits = seeds.map((r) => seedInit(cfg, r));
  let trained: Params[] = [];
  try {
    const res = trainBottleneck({
      model: modelOptions(cfg),
      inits,
      data: seeds.map((r) => {
        const { train } = seedData(cfg, r);
        return { X: flat(train.X), Y: flat(train.Y), n: cfg.N };
      }),
      epochs: cfg.resnet.epochs,
      batchSize: cfg.resnet.batchSize,
      optimizer: cfg.resnet.optimizer,
      keys: seeds.map((r) => fold(seedKey(cfg, r), 'sgd')),
    });
    trained = res.params;
    return {
      params: trained.map((p, r) => (res.diverged[r] ? null : (paramsToArrays(p) as unknown as BottleneckParams64))),
      trainMse: res.lastEpochLoss.map((l) => 2 * l),
    };
  } finally {
    inits.forEach(disposeParams);
    trained.forEach(disposeParams);
  }
}

/** Test MSE (float64 forward pass) of the trained ResNet on every seed; Infinity if diverged. */
export function resnetRisks(cfg: SeparationConfig): NetRisk[] {
  return riskCache.get(cfg, () => {
    const nets = trainNets(cfg);
    return nets.params.map((p, r): NetRisk => {
      if (p === null) return { mse: Infinity, trainMse: Infinity, diverged: true };
      const { test } = seedData(cfg, r);
      const pred = bottleneckResNetForward64(p, test.X, cfg.resnet.activation ?? 'relu');
      return { mse: summedMse(pred, test.Y), trainMse: nets.trainMse[r], diverged: false };
    });
  });
}

/**
 * Population risk E||out(x) - H(x)||^2 of the trained ResNet on every seed, exactly: the mean
 * over all 2^d points of the hypercube, in float64 ('parity' targets, d <= 16).
 */
export function resnetPopulationRisks(cfg: SeparationConfig): number[] {
  const { d } = cfg.task;
  if (cfg.task.kind !== 'parity' || d > 16)
    throw new RangeError(`resnetPopulationRisks: needs the parity task with d <= 16 (2^d points), got ${cfg.task.kind}, d = ${d}`);
  const nets = trainNets(cfg);
  const task = seedTask(cfg, 0);
  const all = hypercube(d);
  const Y = all.map((x) => {
    const F = Array.from({ length: task.k }, (_, j) => x[2 * j] * x[2 * j + 1]);
    const G = parityG(F);
    return F.map((f, j) => f + cfg.task.alpha * G[j]);
  });
  return nets.params.map((p) => (p === null ? Infinity : summedMse(bottleneckResNetForward64(p, all, cfg.resnet.activation ?? 'relu'), Y)));
}

/** Every point of {-1, 1}^d. */
export function hypercube(d: number): number[][] {
  return Array.from({ length: 2 ** d }, (_, i) => Array.from({ length: d }, (_, j) => ((i >> j) & 1 ? 1 : -1)));
}

/** mse of predictions = Phi W (float64 loops) against the test targets. */
function float64Mse(A: FlatMatrix, W: FlatMatrix, Y: readonly (readonly number[])[]): number {
  return summedMse(flatMatMul(A, W, { mode: 'float64' }).data as Float64Array, Y);
}

function krrRisk(K: Gram, Kt: Gram, train: TaskSample, test: TaskSample, lambdas: readonly number[]): LearnerRisk {
  const r = krr({
    K_train: K,
    y_train: train.Y,
    K_test_train: Kt,
    lambdas,
    selection: { kind: 'validation', K_val_train: Kt, y_val: test.Y },
    // A relative residual of 1e-4 moves a test MSE by far less than any margin judged here.
    solver: 'cg',
    cg: { tol: 1e-4 },
  });
  return { mse: float64Mse(Kt, r.alpha, test.Y), lambda: r.lambda };
}

const targets = (s: TaskSample): FlatMatrix => ({ rows: s.Y.length, cols: s.Y[0].length, data: Float64Array.from(s.Y.flat()) });

/** Ridge regression on fixed features (primal, accurate Gram: `primalRidge.ts`). */
function featureRisk(Phi: FlatMatrix, train: TaskSample, PhiTest: FlatMatrix, test: TaskSample, lambdas: readonly number[]): LearnerRisk {
  const fit = primalRidgeOnTest(Phi, targets(train), PhiTest, targets(test), lambdas);
  return { mse: fit.mse, lambda: fit.lambda };
}

/** H(x) = h1 + h2 of the ResNet at params p, for the rows of X (float32). */
function resnetFeatures(p: Params, X: Float32Array, n: number, d: number): FlatMatrix {
  const H = tf.tidy(() => {
    const P1 = tf.add(tf.matMul(tf.tensor2d(X, [n, d]), p.W), p.b1);
    const H1 = tf.relu(P1);
    return tf.add(H1, tf.relu(tf.add(tf.matMul(H1, p.U), p.b2)));
  });
  const out = allocGram(n, H.shape[1] as number, 'float32');
  out.data.set(H.dataSync() as Float32Array);
  H.dispose();
  return out;
}

/**
 * Test MSE of one fixed-representation learner on seed r (memoised). `D` is the number of random
 * features for 'random-features'.
 */
export function learnerRisk(cfg: SeparationConfig, r: number, learner: Learner, D = 1024): LearnerRisk {
  const { task, N, nTest, lambdas, baseSeed } = cfg;
  return learnerCache.get({ task, N, nTest, lambdas, baseSeed, r, learner, D, width: cfg.resnet.width }, () =>
    learnerRiskOnce(cfg, r, learner, D),
  );
}

function learnerRiskOnce(cfg: SeparationConfig, r: number, learner: Learner, D: number): LearnerRisk {
  const { task, N, nTest, lambdas } = cfg;
  const { train, test } = seedData(cfg, r);
  const d = task.d;
  let out: LearnerRisk;
  switch (learner) {
    case 'rbf':
      out = krrRisk(rbfGram(train.X, undefined, { form: 'catalog' }), rbfGram(test.X, train.X, { form: 'catalog' }), train, test, lambdas);
      break;
    case 'relu-ntk':
      out = krrRisk(sphereReluNtkGram(train.X), sphereReluNtkGram(test.X, train.X), train, test, lambdas);
      break;
    case 'own-ntk':
    case 'last-layer': {
      const p = seedInit(cfg, r);
      try {
        const Xtr = flat(train.X);
        const Xte = flat(test.X);
        if (learner === 'own-ntk') {
          // Scaled to unit mean diagonal, like the RBF (1) and the sphere NTK (2), so the ridge
          // grid lam * N means the same for every kernel (a fixed kernel either way).
          const K = bottleneckNtkGram(p, Xtr, N, Xtr, N);
          const Kt = bottleneckNtkGram(p, Xte, nTest, Xtr, N);
          let diag = 0;
          for (let i = 0; i < N; i++) diag += K.data[i * N + i] / N;
          for (const G of [K, Kt]) for (let i = 0; i < G.data.length; i++) G.data[i] /= diag;
          out = krrRisk(K, Kt, train, test, lambdas);
        } else {
          out = featureRisk(resnetFeatures(p, Xtr, N, d), train, resnetFeatures(p, Xte, nTest, d), test, lambdas);
        }
      } finally {
        disposeParams(p);
      }
      break;
    }
    case 'random-features': {
      const map = reluRandomFeatures(d, D, fold(seedKey(cfg, r), 'random-features'));
      out = featureRisk(map.map(train.X), train, map.map(test.X), test, lambdas);
      break;
    }
  }
  return out;
}

/** Forget memoised results (tests). */
export function clearSeparationCache(): void {
  netCache.clear();
  learnerCache.clear();
  riskCache.clear();
}
