/**
 * Theorem 2 of Allen-Zhu, Li & Liang 2018: the three-layer learner reaches (1 + gamma) OPT + eps0
 * on a realizable three-layer concept, checked without label noise (OPT = 0) and with it (OPT =
 * s^2). Numbers in CALIBRATION.md.
 */
import { defineClaim, defineMutant, exactThreshold, fc, le, runCache, seedCountEvidence, skipCase, type Evidence } from 'claimcheck';
import { clopperPearsonUpper, fold, keyFromSeed, meanSquaredDifference, rangeQuantities, rngFrom } from 'claimcheck/core';
import { variance } from './concepts.js';
import { quadraticFit } from './quadratic.js';
import { initTwoLayer, predictTwoLayer, sgdTwoLayer } from './twoLayer.js';
import { THREE_LAYER_TRAIN, describeThreeLayer, taskData, threeLayerRun, type Data, type ThreeLayerRunConfig } from './threeLayerRuns.js';
import { PINNED, RUNS, baseSeedArb, medianRuleFailure, paper, perSeed, seedDesign, seedsOf, type Seeds } from './shared.js';

/** Norm of the concept's inner weights: at norm 1 degree-2 least squares reaches NMSE ~0.007 (CALIBRATION.md). */
const CONCEPT_R = 5;
const THM2_CLEAN: ThreeLayerRunConfig = {
  task: { kind: 'concept', d: 10, p1: 3, p2: 3, noise: 0, R: CONCEPT_R },
  m: 64,
  N: 2000,
  nTest: 5000,
  epsA: 0.1,
  train: THREE_LAYER_TRAIN,
};
/**
 * Label noise xi = +-s: OPT = s^2 (labels of unit variance before the noise). s = 0.6 makes the
 * noise-induced excess (~0.15 s^2 at N = 2000) exceed what eps0 alone allows on most seeds, so
 * the gamma OPT term is needed, while staying below gamma s^2 + eps0 with a wide margin.
 */
const NOISE = 0.6;
const GAMMA = 0.25;
/** eps0 in units of Var F* (= 1), fixed on calibration seeds. */
const EPS0 = 0.1;
const THM2_SEEDS = 5;

interface Thm2Config {
  readonly clean: ThreeLayerRunConfig;
  readonly noise: number;
}
const THM2: Thm2Config = { clean: THM2_CLEAN, noise: NOISE };
const noisy = (c: Thm2Config): ThreeLayerRunConfig => ({
  ...c.clean,
  task: { ...c.clean.task, noise: c.noise } as ThreeLayerRunConfig['task'],
});

/** Per seed: test NMSE without noise, and excess loss E(F - F*)^2 when trained on noisy labels. */
interface Thm2Result {
  readonly nmse: number;
  readonly excess: number;
}
type Learner = (c: Thm2Config, baseSeed: number, r: number) => Thm2Result | undefined;

const threeLayer: Learner = (c, baseSeed, r) => {
  const a = threeLayerRun(c.clean, baseSeed, r),
    b = threeLayerRun(noisy(c), baseSeed, r);
  return a.diverged || b.diverged ? undefined : { nmse: a.nmse, excess: b.excess };
};

/** Test predictions of `fit` on the clean and the noisy data of seed r, as a Thm2Result. */
function onBothTasks(c: Thm2Config, baseSeed: number, r: number, fit: (d: Data, key: string) => Float64Array): Thm2Result {
  const clean = taskData(c.clean, baseSeed, r),
    dirty = taskData(noisy(c), baseSeed, r);
  return {
    nmse: meanSquaredDifference(fit(clean, 'clean'), clean.yTest) / variance(clean.yTest),
    excess: meanSquaredDifference(fit(dirty, 'noisy'), dirty.fTest),
  };
}

const baselineMemo = runCache<Thm2Result>({ maxEntries: 256 });

const quadratic: Learner = (c, baseSeed, r) =>
  baselineMemo.get(['quadratic', c, baseSeed, r], () => onBothTasks(c, baseSeed, r, (d) => quadraticFit(d.train, d.y, d.test)));

/** Theorem 1's learner and step rule (m = 1000, eps_a = 0.05, eta = 10 / (eps_a m), 10 passes) on the same data. */
const twoLayer: Learner = (c, baseSeed, r) =>
  baselineMemo.get(['two-layer', c, baseSeed, r], () =>
    onBothTasks(c, baseSeed, r, (d, task) => {
      const key = fold(fold(keyFromSeed(baseSeed), r), `two-layer-${task}`);
      const net = initTwoLayer(rngFrom(key, 'init'), 1000, d.train.d, 0.05);
      return sgdTwoLayer(net, d.train, d.y, 10 / (0.05 * 1000), 10, rngFrom(key, 'sgd'))
        ? predictTwoLayer(net, d.test)
        : new Float64Array(d.test.n).fill(Infinity);
    }),
  );

function thm2Evidence(h: Seeds<Thm2Config>, learner: Learner, name: string): Evidence {
  const res = Array.from({ length: h.seeds }, (_, r) => learner(h.config, h.baseSeed, r));
  if (res.some((x) => x === undefined)) return skipCase('training diverged on some seed (non-finite loss)');
  const ok = res as Thm2Result[];
  const nmse = ok.map((x) => x.nmse),
    excess = ok.map((x) => x.excess);
  const s2 = h.config.noise ** 2;
  const bar = GAMMA * s2 + EPS0;
  // Per seed, the smaller of the two margins (both in units of Var F* = 1): positive iff the seed
  // meets both E L <= eps0 without noise and E L = excess + s^2 <= (1 + gamma) s^2 + eps0 with it.
  const margins = ok.map((x) => Math.min(EPS0 - x.nmse, bar - x.excess));
  return seedCountEvidence({
    rule: `${name}: NMSE <= ${EPS0} without noise and E L <= (1 + ${GAMMA}) OPT + ${EPS0} with noise +-${h.config.noise} (OPT = ${s2})`,
    margins,
    passes: margins.map((m) => m >= 0),
    need: Math.ceil(h.seeds / 2),
    on: 'per-seed min(eps0 - NMSE_clean, gamma s^2 + eps0 - excess_noisy)',
    effect: { name: 'median per-seed margin', value: [...margins].sort((a, b) => a - b)[Math.floor(margins.length / 2)] },
    scale: `${describeThreeLayer(h.config.clean)}; noisy copy +-${h.config.noise}; R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
    quantities: {
      ...rangeQuantities('nmseClean', nmse),
      ...rangeQuantities('excessNoisy', excess),
      lossNoisyBound: (1 + GAMMA) * s2 + EPS0,
      opt: s2,
      ...perSeed('nmseClean', nmse),
      ...perSeed('excessNoisy', excess),
    },
  });
}

// 0 of 20 calibration seeds failed either condition (max NMSE 0.036, max excess 0.132 against
// 0.19): exact 95% upper bound 0.139; the rule fails only if 3 of 5 seeds fail.
const THM2_STAGE_RATE = medianRuleFailure(THM2_SEEDS, clopperPearsonUpper(0, 20));

export const thm2 = defineClaim({
  id: 'allenzhu-li-liang-2018/thm2/three-layer-one-plus-gamma-opt',
  paper,
  theorem: 'Theorem 2',
  confidence: 'M, C',
  kind: 'statistical',
  statement:
    'For gamma in (0, 1/4], eps0 in (0, 1/100] and m1 = m2 = m >= poly(C_eps(Phi, .), 1/eps), Algorithm 1 outputs a three-layer ' +
    'network with E L(F(x), y) <= (1 + gamma) OPT + eps0. At small scale (three-layer concept d = 10, p1 = p2 = 3, inner weights of ' +
    'norm 5, unit variance; m = 64, N = 2000): on at least 3 of R = 5 seeds both E L <= eps0 = 0.1 without label noise (OPT = 0, NMSE) ' +
    'and E L <= (1 + 1/4) OPT + 0.1 with label noise +-0.6 (OPT = 0.36); degree-2 least squares and the two-layer learner of ' +
    'Theorem 1 fail the same check (power mutants).',
  notes:
    'What it shows: plain Adam on W, b1, V, b2 (a fixed; a declared proxy for Algorithm 1, whose smoothing, random signs and ' +
    'regularisers are proof devices) fits a three-layer concept that neither a quadratic fit nor the NTK-regime two-layer learner ' +
    'reaches, and with label noise stays within (1 + gamma) OPT + eps0 where eps0 alone would not suffice (17 of 20 ' +
    'calibration seeds have excess above eps0). E L with noise is computed as excess + s^2 (the noise is independent of x and ' +
    'zero-mean), the excess on 5000 noiseless test targets. Concept [R]: Phi = tanh, phi_1 = sin, phi_2 = tanh, a* ~ U(-1, 1), inner ' +
    'weights of norm 5 (at unit norm degree-2 least squares reaches 0.006-0.008); eps0 = 0.1 in units of Var F* (catalog eps0 <= ' +
    "1/100: our m and N are far below the theorem's). Deviation: m = 64, N = 2000 (catalog m = 1000, N = 5000; a hand-written " +
    'float64 m = 1000 net costs ~250x more per step). R = 5 seeds: 5 of 5 gives the sign test p = 1/32 (test); 3 or 4 of 5 pass as ' +
    'a screen. History: at N = 1000 with noise +-0.3 the noisy margin was thin (the first ci baseline read a screen, 4 of 5); ' +
    'redesigned at N = 2000 and recalibrated on base seed 777 (CALIBRATION.md).',
  hypotheses: seedsOf(THM2, 10),
  examples: [{ config: THM2, seeds: THM2_SEEDS, baseSeed: PINNED }],
  runs: RUNS,
  // One case trains the three-layer net on every seed and cannot be interrupted inside: 62 s at quick
  // in the whole quick profile on two workers beside another job (load 4), near the 60 s default.
  budgetSeconds: { quick: 240, ci: 600 },
  design: seedDesign<Seeds<Thm2Config>>('20 seeds (r = 0..19) of base seed 777, clean and noisy; see CALIBRATION.md', {
    stageRate: THM2_STAGE_RATE,
    how: `0 of 20 calibration seeds failed either condition: exact 95% upper bound 0.139 on the per-seed rate; P(>= 3 of 5 fail) = ${THM2_STAGE_RATE.toFixed(4)}`,
  }),
  check: (h: Seeds<Thm2Config>) => thm2Evidence(h, threeLayer, 'three-layer net'),
  tolerance: exactThreshold('pass rule fixed on calibration seeds before any verdict run (eps0, gamma, noise, seed count)'),
  describe: (h: Seeds<Thm2Config>) =>
    `${describeThreeLayer(h.config.clean)}, noise +-${h.config.noise}, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

export const thm2Quadratic = defineMutant({
  of: thm2,
  id: 'allenzhu-li-liang-2018/thm2/three-layer-one-plus-gamma-opt~quadratic',
  change: 'degree-2 least squares (ridge chosen on held-out rows) in place of the three-layer learner',
  status: 'safe [C]',
  purpose: 'power',
  expected: 'fails both conditions on every seed (calibration: NMSE 0.36-0.57 clean, excess 0.37-0.58 noisy)',
  hypotheses: seedsOf(THM2, THM2_SEEDS),
  check: (h: Seeds<Thm2Config>) => thm2Evidence(h, quadratic, 'degree-2 least squares'),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: (h: Seeds<Thm2Config>) => `degree-2 least squares on thm2's data, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

export const thm2TwoLayer = defineMutant({
  of: thm2,
  id: 'allenzhu-li-liang-2018/thm2/three-layer-one-plus-gamma-opt~two-layer',
  change: "Theorem 1's W-only two-layer learner (m = 1000, eta = 10 / (eps_a m), 10 passes) in place of the three-layer learner",
  status: 'safe [C]',
  purpose: 'power',
  expected:
    'fails the clean condition on every seed (calibration at N = 1000: NMSE 0.18-0.30; its first refutation at N = 2000 measured 0.14-0.22; bar 0.1)',
  hypotheses: seedsOf(THM2, THM2_SEEDS),
  check: (h: Seeds<Thm2Config>) => thm2Evidence(h, twoLayer, 'two-layer learner'),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: (h: Seeds<Thm2Config>) => `two-layer W-only learner on thm2's data, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

interface BelowOptCase {
  readonly d: number;
  readonly p1: number;
  readonly p2: number;
  readonly s: number;
  readonly gamma: number;
  readonly baseSeed: number;
}

/** A small trained network is enough: the bound E L >= OPT = s^2 holds for every predictor. */
const belowOptConfig = ({ d, p1, p2, s }: BelowOptCase): ThreeLayerRunConfig => ({
  task: { kind: 'concept', d, p1, p2, noise: s },
  m: 16,
  N: 500,
  nTest: 100_000,
  epsA: 0.1,
  train: { ...THREE_LAYER_TRAIN, epochs: 30 },
});

/** One-sided 99.9% normal quantile: the test MSE's lower confidence bound. */
const Z999 = 3.09;

export const thm2BelowOpt = defineMutant({
  of: thm2,
  id: 'allenzhu-li-liang-2018/thm2/three-layer-one-plus-gamma-opt~below-opt',
  change: 'the output beats OPT by a factor: E L(F(x), y) <= (1 - gamma) OPT (false for every predictor: a harness check)',
  status: 'safe',
  purpose: 'sanity',
  expected: 'd = 2, p1 = p2 = 1, s = 0.5, gamma = 0.1, any trained network: test loss ~ s^2 + E(F - F*)^2 >= s^2 > (1 - gamma) s^2',
  hypotheses: fc.record({
    d: fc.integer({ min: 2, max: 10 }),
    p1: fc.integer({ min: 1, max: 3 }),
    p2: fc.integer({ min: 1, max: 3 }),
    s: fc.constantFrom(0.5, 1, 2),
    gamma: fc.constantFrom(0.1, 0.15, 0.2, 0.25),
    baseSeed: baseSeedArb,
  }),
  check: (h: BelowOptCase): Evidence => {
    const run = threeLayerRun(belowOptConfig(h), h.baseSeed, 0);
    if (run.diverged) return skipCase('training diverged (non-finite loss)');
    const opt = h.s * h.s;
    // Labels y = F*(x) + xi, xi = +-s independent of x: OPT = s^2 and every predictor's population
    // loss is E(F - F*)^2 + s^2. It checks the harness (noise, test loss), not the theorem.
    return {
      conditions: [
        le('lower 99.9% bound of the test loss (MSE - 3.09 SE) <= (1 - gamma) OPT', run.mse - Z999 * run.mseStdErr, (1 - h.gamma) * opt),
      ],
      quantities: {
        testLoss: run.mse,
        testLossStdErr: run.mseStdErr,
        opt,
        bound: (1 - h.gamma) * opt,
        excessOverOpt: run.mse - opt,
        trainNmse: run.trainNmse,
      },
    };
  },
  tolerance: exactThreshold('the test loss enters through its lower 99.9% confidence bound; the threshold (1 - gamma) s^2 is exact'),
  runs: { quick: 2, ci: 3, thorough: 10 },
  describe: (h: BelowOptCase) => `${describeThreeLayer(belowOptConfig(h))}, gamma = ${h.gamma}, base seed ${h.baseSeed}`,
});
