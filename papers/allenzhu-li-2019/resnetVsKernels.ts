/**
 * Allen-Zhu & Li 2019 as an experiment: per seed, one training set and one test set of the
 * composite target H = F + alpha G(F) (`azl2019Task.ts`), shared by every learner (paired
 * design), and the test MSE (mean over test points of the squared error summed over outputs) of
 *
 * - the bottleneck ResNet, all layers trained (`bottleneckTrainer.ts`), evaluated in float64;
 * - kernel ridge regression with a ridge grid lam * N, lam chosen on a validation sample drawn
 *   independently of the training and test sets (never on the test set):
 *   'rbf' exp(-||x - x'||^2 / d), 'relu-ntk' the catalog's two-layer ReLU NTK on the sphere,
 *   'poly' the polynomial kernel (1 + <x, x'> / d)^8 of the target's degree (alpha G(F) is a
 *   degree-8 parity; the strongest classical baseline here), 'own-ntk' the ResNet's own empirical
 *   NTK at its initialisation (`bottleneckNtk.ts`);
 * - 'last-layer': ridge regression on the ResNet's features at initialisation (only A trained:
 *   the conjugate kernel of the network at initialisation);
 * - 'monomials': ridge regression on all monomials of degree <= 2 of x in {-1, 1}^d
 *   (1 + d + d(d-1)/2 features): a fixed feature map that contains F exactly (thm4);
 * - 'oracle-monomials': the same plus the one degree-8 monomial x_1 ... x_8 that alpha G(F) is
 *   made of (thm4's power mutant: the feature a fixed map can only hold by spending
 *   D ~ C(d, 8) features on every candidate support).
 *
 * Seed r uses the key `seedKey` (base seed, r and alpha) for its data, initialisation and
 * minibatch order, so a seed's numbers do not depend on which other seeds run.
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
  polynomialGram,
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
  /** Validation samples per seed, on which every ridge is chosen (independent of train and test). */
  readonly nVal: number;
  /** Number of seeds R. */
  readonly seeds: number;
  readonly baseSeed: number;
}

export type Learner = 'rbf' | 'relu-ntk' | 'poly' | 'own-ntk' | 'last-layer' | 'monomials' | 'oracle-monomials';

export interface NetRisk {
  readonly mse: number;
  /** Training loss (summed squared error) averaged over the last epoch. */
  readonly trainMse: number;
  readonly diverged: boolean;
}

export interface LearnerRisk {
  readonly mse: number;
  /** The ridge lam chosen on the validation sample (mu = lam * N). */
  readonly lambda: number;
  /** Feature maps only: test MSE of the same predictor against F alone (did it learn F?). */
  readonly mseF?: number;
}

/**
 * The key of seed r. It folds in alpha, so the runs of one base seed at different alphas (thm1's
 * scan) are independent units; every learner of one configuration still shares the seed's data.
 */
export function seedKey(cfg: SeparationConfig, r: number): Key {
  return fold(fold(keyFromSeed(cfg.baseSeed), r), `alpha=${cfg.task.alpha}`);
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

/** The validation sample of seed r, on which ridges are chosen (independent of train and test). */
function seedValidation(cfg: SeparationConfig, r: number): TaskSample {
  return seedTask(cfg, r).sample(cfg.nVal, fold(seedKey(cfg, r), 'validation'));
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

interface Split {
  readonly train: TaskSample;
  readonly val: TaskSample;
  readonly test: TaskSample;
}

function krrRisk(K: Gram, Kv: Gram, Kt: Gram, { train, val, test }: Split, lambdas: readonly number[]): LearnerRisk {
  const r = krr({
    K_train: K,
    y_train: train.Y,
    lambdas,
    selection: { kind: 'validation', K_val_train: Kv, y_val: val.Y },
    // A relative residual of 1e-4 moves a test MSE by far less than any margin judged here.
    solver: 'cg',
    cg: { tol: 1e-4 },
  });
  return { mse: float64Mse(Kt, r.alpha, test.Y), lambda: r.lambda };
}

const targets = (s: TaskSample): FlatMatrix => ({ rows: s.Y.length, cols: s.Y[0].length, data: Float64Array.from(s.Y.flat()) });

const fTargets = (s: TaskSample): FlatMatrix => ({ rows: s.F.length, cols: s.F[0].length, data: Float64Array.from(s.F.flat()) });

/**
 * Ridge regression on fixed features (primal, accurate Gram: `primalRidge.ts`): lam chosen on the
 * validation sample, then the fit at that lam scored on the test set, against H and against F.
 */
function featureRisk(
  map: (X: readonly (readonly number[])[]) => FlatMatrix,
  { train, val, test }: Split,
  lambdas: readonly number[],
): LearnerRisk {
  const Phi = map(train.X);
  const { lambda } = primalRidgeOnTest(Phi, targets(train), map(val.X), targets(val), lambdas);
  const PhiTest = map(test.X);
  const fit = primalRidgeOnTest(Phi, targets(train), PhiTest, targets(test), [lambda]);
  const onF = primalRidgeOnTest(Phi, targets(train), PhiTest, fTargets(test), [lambda]);
  return { mse: fit.mse, lambda, mseF: onF.mse };
}

/** All monomials of degree <= 2 of x (1, x_i, x_i x_j for i < j), plus x_1 ... x_8 with `oracle`. */
export function monomialFeatures(X: readonly (readonly number[])[], oracle: boolean): FlatMatrix {
  const d = X[0].length;
  const D = 1 + d + (d * (d - 1)) / 2 + (oracle ? 1 : 0);
  const out = allocGram(X.length, D);
  X.forEach((x, n) => {
    const row = out.data.subarray(n * D, (n + 1) * D);
    let c = 0;
    row[c++] = 1;
    for (let i = 0; i < d; i++) row[c++] = x[i];
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) row[c++] = x[i] * x[j];
    if (oracle) row[c++] = x.slice(0, 8).reduce((p, v) => p * v, 1);
  });
  return out;
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

/** Test MSE of one fixed-representation learner on seed r (memoised). */
export function learnerRisk(cfg: SeparationConfig, r: number, learner: Learner): LearnerRisk {
  const { task, N, nTest, nVal, lambdas, baseSeed } = cfg;
  return learnerCache.get({ task, N, nTest, nVal, lambdas, baseSeed, r, learner, width: cfg.resnet.width }, () =>
    learnerRiskOnce(cfg, r, learner),
  );
}

/** The degree of the target's highest-degree part (alpha G(F) = +-x_1 ... x_8 for 'parity'). */
const TARGET_DEGREE = 8;

function learnerRiskOnce(cfg: SeparationConfig, r: number, learner: Learner): LearnerRisk {
  const { task, N, nTest, lambdas } = cfg;
  const { train, test } = seedData(cfg, r);
  const val = seedValidation(cfg, r);
  const split: Split = { train, val, test };
  const d = task.d;
  let out: LearnerRisk;
  switch (learner) {
    case 'rbf': {
      const k = (A: number[][], B?: number[][]) => rbfGram(A, B, { form: 'catalog' });
      out = krrRisk(k(train.X), k(val.X, train.X), k(test.X, train.X), split, lambdas);
      break;
    }
    case 'relu-ntk':
      out = krrRisk(sphereReluNtkGram(train.X), sphereReluNtkGram(val.X, train.X), sphereReluNtkGram(test.X, train.X), split, lambdas);
      break;
    case 'poly': {
      const k = (A: number[][], B?: number[][]) => polynomialGram(A, B, { degree: TARGET_DEGREE });
      out = krrRisk(k(train.X), k(val.X, train.X), k(test.X, train.X), split, lambdas);
      break;
    }
    case 'own-ntk':
    case 'last-layer': {
      const p = seedInit(cfg, r);
      try {
        const Xtr = flat(train.X);
        if (learner === 'own-ntk') {
          // Scaled to unit mean diagonal, like the RBF (1) and the sphere NTK (2), so the ridge
          // grid lam * N means the same for every kernel (a fixed kernel either way).
          const K = bottleneckNtkGram(p, Xtr, N, Xtr, N);
          const Kv = bottleneckNtkGram(p, flat(val.X), cfg.nVal, Xtr, N);
          const Kt = bottleneckNtkGram(p, flat(test.X), nTest, Xtr, N);
          let diag = 0;
          for (let i = 0; i < N; i++) diag += K.data[i * N + i] / N;
          for (const G of [K, Kv, Kt]) for (let i = 0; i < G.data.length; i++) G.data[i] /= diag;
          out = krrRisk(K, Kv, Kt, split, lambdas);
        } else {
          out = featureRisk((X) => resnetFeatures(p, flat(X), X.length, d), split, lambdas);
        }
      } finally {
        disposeParams(p);
      }
      break;
    }
    case 'monomials':
    case 'oracle-monomials':
      out = featureRisk((X) => monomialFeatures(X, learner === 'oracle-monomials'), split, lambdas);
      break;
  }
  return out;
}

/** Forget memoised results (tests). */
export function clearSeparationCache(): void {
  netCache.clear();
  learnerCache.clear();
  riskCache.clear();
}
