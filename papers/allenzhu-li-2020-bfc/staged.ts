/**
 * Staged training of the BFC toy learner (catalog allenzhu-li-2020-bfc.md, "Toy instance"):
 *
 * - stage 1: K1, c1, c0 trained with block 2 switched off (K1 init N(0, 0.01), i.e. std 0.1);
 * - stage 2, from the same stage-1 result (paired): (a) joint: everything trained, K2 init
 *   N(0, 0.09), c2 = 0.1; (b) layer-wise: K1 and c1 frozen, K2, c2, c0 trained; same step budget.
 *
 * Two more stage-2 variants run on request (`bfcVariant`): layer-wise from the Procrustes-aligned
 * K1 (the rotation removed: the same stage-1 model, its basis moved onto W2) and one-block
 * continuation (block 2 stays off, K1, c1, c0 keep training for the stage-2 budget: no higher
 * layer to correct K1).
 *
 * Full-batch Adam per stage (core's minimizeAdam64). Recorded per seed: test MSE and the feature
 * errors (e(K1) = the rotation-invariant `gramError`; the superseded span metric as `spanErr`)
 * after stage 1 (E_hier := the stage-1 test MSE, the plateau of one quadratic block) and at
 * checkpoints during and at the end of each stage-2 variant. Seed r uses fold(keyFromSeed(baseSeed), r) for its
 * task, data and initialisation, so a seed's numbers do not depend on the other seeds.
 * Memoised in-process by configuration (every claim reads the same runs); each entry is a pure
 * function of its key.
 */
import { runCache } from 'claimcheck';
import { fold, keyFromSeed, meanSquaredDifference, minimizeAdam64, rngFrom, type Key } from 'claimcheck/core';
import { featureError, gramError, procrustesAligned, rowSpaceError } from './featureError.js';
import { bfcLoss, bfcPredict, firstBlock, layout, type BfcShape } from './network.js';
import { makeBfcTask, sampleBfc, type BfcSample, type BfcTask } from './task.js';

export interface BfcConfig {
  readonly d: number;
  readonly k: number;
  readonly alpha3: number;
  /** Training samples per seed. */
  readonly N: number;
  readonly nTest: number;
  /** Reference sample for the normalisation of P2 and P3. */
  readonly referenceSize: number;
  readonly lr: number;
  readonly stage1Steps: number;
  readonly stage2Steps: number;
  /** Stage-2 steps after which e(K1) and the test MSE are recorded (the end is always recorded). */
  readonly checkpoints: readonly number[];
  readonly seeds: number;
  readonly baseSeed: number;
  /** false: the non-hierarchical target of the power mutant (task.ts); default true. */
  readonly hierarchical?: boolean;
  /** Hidden width of the learner (rows of K1, K2 is square); default k (the target's width). */
  readonly learnerK?: number;
}

const learnerWidth = (c: BfcConfig) => c.learnerK ?? c.k;

/**
 * Feature errors of K1 against W2: the rotation-invariant gramError, and the superseded span
 * metric and row-space error, which need as many rows as W2 (NaN for a wider learner).
 */
function featureErrors(c: BfcConfig, K1: Float64Array, W2: Float64Array): { eK1: number; spanErr: number; rowErr: number } {
  const kL = learnerWidth(c);
  if (kL !== c.k) return { eK1: gramError(K1, W2, kL, c.d, c.k), spanErr: NaN, rowErr: NaN };
  return { eK1: gramError(K1, W2, c.k, c.d), spanErr: featureError(K1, W2, c.k, c.d), rowErr: rowSpaceError(K1, W2, c.k, c.d) };
}

/**
 * joint: everything trains. layerwise: K1 and c1 frozen (the catalog's variant). layerwise-aligned:
 * K1 frozen after the Procrustes rotation onto W2 (the rotation removed), output weights c0, c1, c2
 * and K2 train. layerwise-oracle: K1 replaced by W2 scaled to the same trace (the alpha3-induced
 * bias removed as well), same trainable set. one-block: block 2 off, K1, c1, c0 train on.
 */
export type Stage2Variant = 'joint' | 'layerwise' | 'layerwise-aligned' | 'layerwise-oracle' | 'one-block';

export interface Checkpoint {
  readonly step: number;
  /** Rotation-invariant feature error gramError(K1). */
  readonly eK1: number;
  /** The superseded span metric featureError(K1) (not rotation-invariant; reported for comparison). */
  readonly spanErr: number;
  readonly testMse: number;
}

export interface Stage2Run {
  readonly testMse: number;
  readonly trainMse: number;
  readonly eK1: number;
  readonly spanErr: number;
  readonly series: readonly Checkpoint[];
  readonly diverged: boolean;
}

export interface BfcSeedRun {
  /** Stage-1 test MSE (the plateau E_hier of the catalog). */
  readonly eHier: number;
  readonly stage1TrainMse: number;
  /** e(K1) (gramError) after stage 1; the span metric and the row-space error (diagnostics). */
  readonly eK1Stage1: number;
  readonly spanErrStage1: number;
  readonly rowErrStage1: number;
  readonly stage1Diverged: boolean;
  readonly joint: Stage2Run;
  readonly layerwise: Stage2Run;
  /** Wall-clock seconds this seed took (not part of any verdict). */
  readonly seconds: number;
}

export function bfcSeedKey(c: BfcConfig, r: number): Key {
  return fold(keyFromSeed(c.baseSeed), r);
}

// Bounded: a shrinking mutant visits many configurations; old samples are cheap to redraw.
const dataCache = runCache<{ task: BfcTask; train: BfcSample; test: BfcSample }>({ maxEntries: 64 });

/** Task, training and test sample of seed r (memoised: training, kernels and degree-2 fits share them). */
export function bfcSeedData(c: BfcConfig, r: number): { task: BfcTask; train: BfcSample; test: BfcSample } {
  return dataCache.get([c.d, c.k, c.alpha3, c.N, c.nTest, c.referenceSize, c.baseSeed, r, c.hierarchical ?? true], () => {
    const key = bfcSeedKey(c, r);
    const task = makeBfcTask({
      d: c.d,
      k: c.k,
      alpha2: 1,
      alpha3: c.alpha3,
      referenceSize: c.referenceSize,
      key: fold(key, 'task'),
      hierarchical: c.hierarchical ?? true,
    });
    return { task, train: sampleBfc(task, c.N, fold(key, 'train')), test: sampleBfc(task, c.nTest, fold(key, 'test')) };
  });
}

const failed: Stage2Run = { testMse: Infinity, trainMse: Infinity, eK1: NaN, spanErr: NaN, series: [], diverged: true };

function stage2(c: BfcConfig, s1: Stage1Result, variant: Stage2Variant, task: BfcTask, train: BfcSample, test: BfcSample): Stage2Run {
  const shape = s1.shape;
  const L = layout(shape);
  const theta = Float64Array.from(s1.theta);
  if ((variant === 'layerwise-aligned' || variant === 'layerwise-oracle') && learnerWidth(c) !== c.k) {
    throw new RangeError(`stage 2 '${variant}' needs a learner as wide as the target (learnerK = ${learnerWidth(c)}, k = ${c.k})`);
  }
  if (variant === 'layerwise-aligned') theta.set(procrustesAligned(theta.subarray(0, L.K2), task.W2, c.k, c.d), L.K1);
  if (variant === 'layerwise-oracle') {
    let tr = 0;
    for (let i = 0; i < L.K2; i++) tr += theta[i] ** 2;
    const scale = Math.sqrt(tr / c.k);
    theta.set(
      task.W2.map((w) => w * scale),
      L.K1,
    );
  }
  const block2 = variant !== 'one-block';
  const frozen = variant !== 'joint' && variant !== 'one-block';
  const mask = new Uint8Array(L.size);
  if (variant === 'joint') mask.fill(1);
  else if (variant === 'one-block') {
    mask.fill(1, L.K1, L.K2);
    mask[L.c0] = 1;
    mask[L.c1] = 1;
  } else {
    mask.fill(1, L.K2, L.c0 + 1);
    mask[L.c2] = 1;
    if (variant !== 'layerwise') mask[L.c1] = 1;
  }
  const frozenS = frozen ? firstBlock(shape, theta, train.X, c.N) : undefined;
  const series: Checkpoint[] = [];
  const record = (step: number, th: Float64Array) => {
    const { eK1, spanErr } = featureErrors(c, th.subarray(0, L.K2), task.W2);
    series.push({
      step,
      eK1,
      spanErr,
      testMse: meanSquaredDifference(bfcPredict(shape, th, test.X, c.nTest, block2), test.y),
    });
  };
  const res = minimizeAdam64(theta, (th, g) => bfcLoss(shape, th, train.X, train.y, c.N, block2, g, frozenS), {
    mask,
    lr: c.lr,
    steps: c.stage2Steps,
    checkpoints: c.checkpoints.filter((s) => s < c.stage2Steps),
    onCheckpoint: record,
  });
  if (res.diverged) return failed;
  record(c.stage2Steps, theta);
  const end = series[series.length - 1];
  return {
    testMse: end.testMse,
    trainMse: bfcLoss(shape, theta, train.X, train.y, c.N, block2),
    eK1: end.eK1,
    spanErr: end.spanErr,
    series,
    diverged: false,
  };
}

export interface Stage1Result {
  readonly shape: BfcShape;
  /** Packed parameters after stage 1 (K2 and c2 at their stage-2 initialisation). */
  readonly theta: Float64Array;
  readonly diverged: boolean;
  /** Stage-1 test MSE: E_hier. */
  readonly eHier: number;
  readonly trainMse: number;
}

const stage1Cache = runCache<Stage1Result>({ maxEntries: 256 });

/** Stage 1 of seed r: K1, c1, c0 with block 2 switched off (memoised; callers never mutate theta). */
export function trainStage1(c: BfcConfig, r: number, data = bfcSeedData(c, r)): Stage1Result {
  const { d, k, alpha3, N, nTest, referenceSize, lr, stage1Steps, baseSeed } = c;
  return stage1Cache.get(
    { d, k, alpha3, N, nTest, referenceSize, lr, stage1Steps, baseSeed, r, h: c.hierarchical ?? true, kL: c.learnerK },
    () => trainStage1Uncached(c, r, data),
  );
}

function trainStage1Uncached(c: BfcConfig, r: number, data: ReturnType<typeof bfcSeedData>): Stage1Result {
  const k = learnerWidth(c);
  const shape: BfcShape = { d: c.d, k };
  const L = layout(shape);
  const { train, test } = data;
  const init = rngFrom(bfcSeedKey(c, r), 'init');
  const theta = new Float64Array(L.size);
  theta.set(init.normals(k * c.d, 0.1), L.K1);
  theta.set(init.normals(k * k, 0.3), L.K2);
  // c1 = 1 at the start of stage 1 [R: the catalog does not fix it]; c2 = 0.1 (catalog).
  theta[L.c0] = 0;
  theta[L.c1] = 1;
  theta[L.c2] = 0.1;
  const mask = new Uint8Array(L.size);
  mask.fill(1, L.K1, L.K2);
  mask[L.c0] = 1;
  mask[L.c1] = 1;
  const s1 = minimizeAdam64(theta, (th, g) => bfcLoss(shape, th, train.X, train.y, c.N, false, g), {
    mask,
    lr: c.lr,
    steps: c.stage1Steps,
  });
  if (s1.diverged) return { shape, theta, diverged: true, eHier: Infinity, trainMse: Infinity };
  return {
    shape,
    theta,
    diverged: false,
    eHier: meanSquaredDifference(bfcPredict(shape, theta, test.X, c.nTest, false), test.y),
    trainMse: bfcLoss(shape, theta, train.X, train.y, c.N, false),
  };
}

/** One seed: stage 1, then both stage-2 variants from the same stage-1 parameters. */
export function runBfcSeed(c: BfcConfig, r: number): BfcSeedRun {
  const t0 = performance.now();
  const data = bfcSeedData(c, r);
  const { task, train, test } = data;
  const s1 = trainStage1(c, r, data);
  const seconds = () => (performance.now() - t0) / 1000;
  if (s1.diverged) {
    return {
      eHier: Infinity,
      stage1TrainMse: Infinity,
      eK1Stage1: NaN,
      spanErrStage1: NaN,
      rowErrStage1: NaN,
      stage1Diverged: true,
      joint: failed,
      layerwise: failed,
      seconds: seconds(),
    };
  }
  const K1 = s1.theta.subarray(0, layout(s1.shape).K2);
  return {
    eHier: s1.eHier,
    stage1TrainMse: s1.trainMse,
    ...((e) => ({ eK1Stage1: e.eK1, spanErrStage1: e.spanErr, rowErrStage1: e.rowErr }))(featureErrors(c, K1, task.W2)),
    stage1Diverged: false,
    joint: stage2(c, s1, 'joint', task, train, test),
    layerwise: stage2(c, s1, 'layerwise', task, train, test),
    seconds: seconds(),
  };
}

const runs = runCache<BfcSeedRun>();

/** Every seed of the configuration, memoised per seed (a config with more seeds reuses the first ones). */
export function bfcRuns(c: BfcConfig): BfcSeedRun[] {
  return Array.from({ length: c.seeds }, (_, r) => runs.get({ ...c, seeds: undefined, r }, () => runBfcSeed(c, r)));
}

const variants = runCache<Stage2Run>();

/** Stage-2 variant `variant` of seed r from the same (memoised) stage-1 result, or a diverged run if stage 1 diverged. */
export function bfcVariant(c: BfcConfig, r: number, variant: Stage2Variant): Stage2Run {
  if (variant === 'joint' || variant === 'layerwise') return bfcRuns({ ...c, seeds: r + 1 })[r][variant];
  return variants.get({ ...c, seeds: undefined, r, variant }, () => {
    const data = bfcSeedData(c, r);
    const s1 = trainStage1(c, r, data);
    return s1.diverged ? failed : stage2(c, s1, variant, data.task, data.train, data.test);
  });
}
