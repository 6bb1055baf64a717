/**
 * Allen-Zhu, Li & Liang, "Learning and Generalization in Overparameterized Neural Networks, Going
 * Beyond Two Layers" (NeurIPS 2019, arXiv 1811.04918). Catalog:
 * shared/claims/allenzhu-li-liang-2018.md. Four claims and four mutants. This file only declares;
 * the numbers come from src/core/experiments/azll*.ts (concepts, the W-only two-layer learner,
 * the three-layer learner, its NTK and last-layer baselines, memoised per-seed runs).
 *
 * Scale. Checks cannot see the profile, so each claim runs a pinned QUICK configuration as
 * `examples` (every profile) and the catalog's scale as a random case only at thorough
 * (`runs = { quick: 0, ci: 0, thorough: 1 }`), as in allenzhu-li-2019.ts.
 *
 * Calibration [C] (this machine, hand-written float64, base seed 777, never the pinned 1811; CPU
 * seconds per seed measured while two other engineers loaded the 2 cores, before the d = 10 fast
 * path and the skipped-zeros loops, which left every number bit-identical and cut time ~2x):
 *
 *   Two-layer, d = 10, p = 4, eps_a = 0.05, 10 passes, 20 000 test points; test NMSE per seed
 *   config                          seeds  NMSE median [min, max]            s / seed
 *   m = 1000, N = 5000, c = 3        2     0.016, 0.053                       2.6
 *   m = 1000, N = 5000, c = 6        4     0.013 [0.0040, 0.032]              2.6
 *   m = 1000, N = 5000, c = 10      10     0.0033 [0.0009, 0.022]  10/10 <= 0.05   2.5-9.8  <- thm1
 *   m = 2,    N = 5000, c = 10       5     0.41 [0.18, 1.00]      0/5 <= 0.05    < 0.2    (~tiny-width)
 *   N = 2000, c = 10, m = 100 / 300 / 1000 / 3000, 5 seeds: medians 0.023 / 0.022 / 0.015 / 0.015;
 *     NMSE(100) > NMSE(3000) on 5/5 seeds; 0.2 / 0.5 / 1.3-2.1 / 3.7-5.7 s per width  <- gen
 *
 *   Three-layer, m1 = m2 = m, Adam, batch 32, lr x0.1 at 75% of the steps; NMSE per seed
 *   config                                          seeds  net              NTK              last layer       s / seed (net + kernels)
 *   exp, m = 64, N = 1000, lr 3e-3, 200 ep, raw y     2    0.32, 0.33       0.16, 0.32       0.73, 0.89       3.4 + 3.2
 *   exp, m = 64, N = 1000, lr 3e-3, 200 ep            2    0.096, 0.10      (not run)                         3.0
 *   exp, m = 64, N = 1000, lr 1e-2, 200 ep            2    0.025, 0.024     0.16, 0.32       0.73, 0.89       2.8 + 3.7
 *   exp, m = 64, N = 1000, lr 1e-2, 100 ep           10    0.059 [0.042, 0.097]  0.25 [0.17, 0.45]  0.81 [0.71, 0.95]  2.2 + 3.6  <- exp1
 *   exp, m = 64, N = 2000, lr 1e-2, 100 ep            2    0.015, 0.016     0.078, 0.18      0.69, 0.88       4 + 25  <- exp1 thorough
 *   exp, N = 250 / 500, m = 16 / 32, 100 ep, 4 seeds each: net better than NTK by > 10% on 1/4 (250, 16),
 *     2/4 (250, 32), 3/4 (500, 16), 4/4 (500, 32)  (~ntk-matches-three-layer)
 *   concept d = 10, p1 = p2 = 3, m = 64, N = 2000     3    0.0018 [0.0018, 0.0026]                          3.4-4
 *   concept d = 10, p1 = p2 = 3, m = 64, N = 1000     5    0.0037 [0.0034, 0.0041]                          2.6  <- thm2
 *   concept d = 10, p1 = p2 = 3, m = 128, N = 5000    2    0.0004, 0.0004                                   30-36  <- thm2 thorough
 *   ("raw y": before dividing the experiment's labels by their standard deviation, ~5.7.)
 *
 * Not registered: the catalog's NOT-safe variants (large output init, removing Algorithm 1's
 * smoothing / signs / dropout, width m = 10).
 */
import { defineClaim, defineMutant, exactThreshold, fc, ge, le, skipCase, type Evidence, type PaperRef } from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { fitSemiLogSlope, pairedSummary, rangeQuantities, riskRange, signTest } from 'claimcheck/core';
import { twoLayerRuns, type TwoLayerRunConfig } from './twoLayerRuns.js';
import { baselineRuns, threeLayerRun, type ThreeLayerRunConfig } from './threeLayerRuns.js';

export const paper: PaperRef = {
  key: 'allenzhu-li-liang-2018',
  title: 'Learning and Generalization in Overparameterized Neural Networks, Going Beyond Two Layers',
  authors: 'Zeyuan Allen-Zhu, Yuanzhi Li, Yingyu Liang',
  venue: 'NeurIPS 2019',
  arxiv: '1811.04918',
  confidence: 'medium-low',
};

/** Pinned base seed of every QUICK example (calibration used 777). */
const PINNED = 1811;
const RUNS = { quick: 0, ci: 0, thorough: 1 };
const baseSeedArb = seedArb();

interface Seeds<C> {
  readonly config: C;
  readonly seeds: number;
  readonly baseSeed: number;
}

const perSeed = (name: string, xs: readonly number[]): Record<string, number> => Object.fromEntries(xs.map((x, r) => [`${name}[${r}]`, x]));

const SEED_RULE = exactThreshold('catalog pass rule fixed before the run (median NMSE threshold, seed counts)');

// ---------------------------------------------------------------------------------------------
// Thm 1: the W-only two-layer ReLU learner reaches OPT + eps on a realizable two-layer concept.

/** The catalog's learner and scale [C]: eta = c / (eps_a m); c = 10 chosen once on {3, 6, 10} (see notes). */
const TWO_LAYER: TwoLayerRunConfig = { d: 10, p: 4, m: 1000, N: 5000, passes: 10, epsA: 0.05, c: 10, nTest: 20_000 };
const THM1_THRESHOLD = 0.05;

const describeTwoLayer = (c: TwoLayerRunConfig) =>
  `two-layer concept d = ${c.d}, k = 1, p = ${c.p}; W-only ReLU learner m = ${c.m}, eps_a = ${c.epsA}, eta = ${c.c}/(eps_a m), ` +
  `online SGD, N = ${c.N}, ${c.passes} passes, ${c.nTest} test points`;

function thm1Evidence(h: Seeds<TwoLayerRunConfig>, threshold: number): Evidence {
  const runs = twoLayerRuns(h.config, h.baseSeed, h.seeds);
  const nmse = runs.map((r) => r.nmse);
  const s = pairedSummary(
    nmse.map((v) => threshold - v),
    nmse.map((v) => v <= threshold),
  );
  const med = riskRange(nmse).median;
  return {
    conditions: [le(`median test NMSE over ${h.seeds} seeds <= ${threshold}`, med, threshold)],
    test: {
      name: `median over seeds against the catalog threshold; one-sided sign test on per-seed ${threshold} - NMSE; Wilson interval of the per-seed pass rate`,
      pValue: s.signP,
      interval: s.wilson,
      confidence: 0.95,
      effect: { name: 'median test NMSE', value: med },
      scale: `${describeTwoLayer(h.config)}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
    },
    quantities: {
      ...rangeQuantities('nmse', nmse),
      ...rangeQuantities(
        'trainNmse',
        runs.map((r) => r.trainNmse),
      ),
      ...perSeed('nmse', nmse),
      seedsPassing: s.passes,
      signP: s.signP,
      wilsonLow: s.wilson[0],
      wilsonHigh: s.wilson[1],
    },
  };
}

export const thm1 = defineClaim({
  id: 'allenzhu-li-liang-2018/thm1/two-layer-opt-plus-eps',
  paper,
  theorem: 'Theorem 1',
  confidence: 'M, C',
  kind: 'statistical',
  statement:
    'For m >= M0 and N >= N0, SGD on W only of F(x; W) = sum_i a_i relu(<w_i, x> + b_i) (a ~ N(0, eps_a^2), b ~ N(0, 1/m) fixed, ' +
    'eta = Theta(1/(eps k m))) reaches population loss <= OPT + eps. At small scale (realizable, OPT = 0): d = 10, k = 1, p = 4, ' +
    'm = 1000, N = 5000, 10 passes of online SGD: median test NMSE <= 0.05 over R = 10 seeds.',
  notes:
    'Learner exactly as the catalog specifies; loss (F - y)^2 / 2 [R]. Step constant c = 10 chosen once on the grid {3, 6, 10} ' +
    '(calibration base seed 777: per-seed NMSE 0.016, 0.053 at c = 3 (2 seeds), 0.004-0.032 at c = 6 and 0.003-0.022 at c = 10 ' +
    '(4 seeds); c = 3 with L = (F - y)^2 is c = 6 here) and frozen. Catalog scale and pass rule (R = 10, median <= 0.05) at every ' +
    'profile; the thorough profile adds a fresh base seed. Every draw float64, from the seed.',
  hypotheses: fc
    .record({ baseSeed: baseSeedArb })
    .map(({ baseSeed }): Seeds<TwoLayerRunConfig> => ({ config: TWO_LAYER, seeds: 10, baseSeed })),
  examples: [{ config: TWO_LAYER, seeds: 10, baseSeed: PINNED }],
  runs: RUNS,
  check: (h: Seeds<TwoLayerRunConfig>) => thm1Evidence(h, THM1_THRESHOLD),
  tolerance: SEED_RULE,
  describe: (h: Seeds<TwoLayerRunConfig>) => `${describeTwoLayer(h.config)}, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

interface TinyWidthCase {
  readonly d: number;
  readonly p: number;
  readonly seeds: number;
  readonly baseSeed: number;
}

export const thm1TinyWidth = defineMutant({
  of: thm1,
  id: 'allenzhu-li-liang-2018/thm1/two-layer-opt-plus-eps~tiny-width',
  change: 'the guarantee is claimed at width m = 2 (median test NMSE <= 0.05)',
  status: 'safe [C]',
  expected: 'm = 2, the smallest p and d and fewest seeds that keep the median NMSE above 0.05 (catalog: m = 2 gives 0.37-0.87)',
  // d >= 3: at d = 2 the catalog's inputs (sqrt(3)/2 u, 1/2) with u on the sphere of R^1 are only
  // two points, a degenerate distribution on which single seeds land at NMSE 0 or ~1.
  hypotheses: fc.record({
    d: fc.integer({ min: 3, max: 10 }),
    p: fc.integer({ min: 1, max: 4 }),
    seeds: fc.integer({ min: 1, max: 5 }),
    baseSeed: baseSeedArb,
  }),
  check: ({ d, p, seeds, baseSeed }: TinyWidthCase) =>
    thm1Evidence({ config: { ...TWO_LAYER, d, p, m: 2 }, seeds, baseSeed }, THM1_THRESHOLD),
  runs: { quick: 2, ci: 3, thorough: 10 },
  describe: ({ d, p, seeds, baseSeed }: TinyWidthCase) =>
    `${describeTwoLayer({ ...TWO_LAYER, d, p, m: 2 })}, R = ${seeds}, base seed ${baseSeed}`,
});

// ---------------------------------------------------------------------------------------------
// Thm 2: the three-layer learner reaches (1 + gamma) OPT + eps0 on a realizable three-layer concept.

const THREE_LAYER_TRAIN = { epochs: 100, batchSize: 32, optimizer: { kind: 'adam' as const, lr: 0.01 }, decayAt: [0.75] };
const THM2_QUICK: ThreeLayerRunConfig = {
  task: { kind: 'concept', d: 10, p1: 3, p2: 3, noise: 0 },
  m: 64,
  N: 1000,
  nTest: 5000,
  epsA: 0.1,
  train: THREE_LAYER_TRAIN,
};
const THM2_THOROUGH: ThreeLayerRunConfig = { ...THM2_QUICK, m: 128, N: 5000 };
const THM2_THRESHOLD = 0.1;

const describeThreeLayer = (c: ThreeLayerRunConfig) =>
  `${c.task.kind === 'experiment' ? 'experiment target on R^4' : `three-layer concept d = ${c.task.d}, k = 1, p1 = ${c.task.p1}, p2 = ${c.task.p2}${c.task.noise ? `, label noise +-${c.task.noise}` : ''}`}; ` +
  `three-layer ReLU learner m1 = m2 = ${c.m}, eps_a = ${c.epsA}, W, b1, V, b2 trained by ${c.train.optimizer.kind} lr ${c.train.optimizer.lr} ` +
  `(x0.1 at ${c.train.decayAt?.join(', ')} of the steps), batch ${c.train.batchSize}, ${c.train.epochs} epochs, N = ${c.N}, ${c.nTest} test points`;

export const thm2 = defineClaim({
  id: 'allenzhu-li-liang-2018/thm2/three-layer-one-plus-gamma-opt',
  paper,
  theorem: 'Theorem 2',
  confidence: 'M, C',
  kind: 'statistical',
  statement:
    'For gamma in (0, 1/4], eps0 in (0, 1/100] and m1 = m2 = m >= poly(C_eps(Phi, .), 1/eps), Algorithm 1 outputs a three-layer ' +
    'network with E L(F(x), y) <= (1 + gamma) OPT + eps0. At small scale (realizable, OPT = 0, target of unit variance): d = 10, ' +
    'p1 = p2 = 3, m = 64, N = 1000 (quick; m = 128, N = 5000 at thorough): median test NMSE <= 0.1 over R = 10 seeds.',
  notes:
    'Learner: plain minibatch Adam on W, b1, V, b2 (a fixed) as a declared proxy for Algorithm 1 (whose Gaussian smoothing, random ' +
    'signs and regularisers are proof devices, catalog); Adam instead of SGD [R] because one schedule then serves both three-layer ' +
    'claims. Concept [R]: Phi = tanh, phi_1 = sin, phi_2 = tanh, unit w* and v* rows, a* ~ U(-1, 1). Initialisation [R] in ' +
    'azllThreeLayer.ts. Deviation: m = 64 and N = 1000 at quick, m = 128, N = 5000 at thorough (catalog m = 1000, N = 5000; ' +
    'a hand-written float64 m = 1000 net costs ~250x more per step). Loss L = (F - y)^2, NMSE = test MSE / Var(test labels).',
  hypotheses: fc
    .record({ baseSeed: baseSeedArb })
    .map(({ baseSeed }): Seeds<ThreeLayerRunConfig> => ({ config: THM2_THOROUGH, seeds: 10, baseSeed })),
  examples: [{ config: THM2_QUICK, seeds: 10, baseSeed: PINNED }],
  runs: RUNS,
  check: (h: Seeds<ThreeLayerRunConfig>): Evidence => {
    const runs = Array.from({ length: h.seeds }, (_, r) => threeLayerRun(h.config, h.baseSeed, r));
    if (runs.some((r) => r.diverged)) return skipCase('training diverged on some seed (non-finite loss)');
    const nmse = runs.map((r) => r.nmse);
    const s = pairedSummary(
      nmse.map((v) => THM2_THRESHOLD - v),
      nmse.map((v) => v <= THM2_THRESHOLD),
    );
    const med = riskRange(nmse).median;
    return {
      conditions: [le(`median test NMSE over ${h.seeds} seeds <= ${THM2_THRESHOLD}`, med, THM2_THRESHOLD)],
      test: {
        name: `median over seeds against the catalog threshold; one-sided sign test on per-seed ${THM2_THRESHOLD} - NMSE; Wilson interval of the per-seed pass rate`,
        pValue: s.signP,
        interval: s.wilson,
        confidence: 0.95,
        effect: { name: 'median test NMSE', value: med },
        scale: `${describeThreeLayer(h.config)}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
      },
      quantities: {
        ...rangeQuantities('nmse', nmse),
        ...rangeQuantities(
          'trainNmse',
          runs.map((r) => r.trainNmse),
        ),
        ...perSeed('nmse', nmse),
        seedsPassing: s.passes,
        signP: s.signP,
        wilsonLow: s.wilson[0],
        wilsonHigh: s.wilson[1],
      },
    };
  },
  tolerance: SEED_RULE,
  describe: (h: Seeds<ThreeLayerRunConfig>) => `${describeThreeLayer(h.config)}, R = ${h.seeds}, base seed ${h.baseSeed}`,
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
  change: 'the output beats OPT by a factor: E L(F(x), y) <= (1 - gamma) OPT',
  status: 'safe',
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
    // loss is E(F - F*)^2 + s^2. The mutant is judged on the test MSE's lower 99.9% bound.
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

// ---------------------------------------------------------------------------------------------
// Gen: at fixed N the test loss is almost independent of the width.

interface WidthLadder {
  readonly config: TwoLayerRunConfig;
  readonly widths: readonly number[];
  readonly seeds: number;
  readonly baseSeed: number;
}

const GEN_CONFIG: TwoLayerRunConfig = { ...TWO_LAYER, N: 2000 };
const GEN_WIDTHS = [100, 300, 1000, 3000];
const GEN_REL = 0.02;

function ladder(h: WidthLadder): number[][] {
  return h.widths.map((m) => twoLayerRuns({ ...h.config, m }, h.baseSeed, h.seeds).map((r) => r.nmse));
}

export const gen = defineClaim({
  id: 'allenzhu-li-liang-2018/gen/width-independent-samples',
  paper,
  theorem: 'Theorems 1-2 (sample complexity)',
  confidence: 'V (abstract), M (form), C',
  kind: 'scaling',
  statement:
    'The sample complexity is almost independent of the number of parameters: min{N, T} = poly(k, p, log m) / eps^2 for two layers. ' +
    'At small scale (Theorem 1 setup, N = 2000 fixed, m in {100, 300, 1000, 3000}, eta = c/(eps_a m), R = 5 seeds): the ' +
    'least-squares slope of test NMSE against ln m, pooled over seeds, is <= +0.02 x the mean NMSE.',
  notes:
    'Setup of thm1 (same c = 10) with N = 2000; every width of one seed sees the same target and data (paired). Slope of NMSE ' +
    "(linear) on ln m over the 4 x R pooled points, with a t interval (n - 2 df). Pass rule is the catalog's (on the point " +
    'estimate); the interval is reported. R = 5 at quick (catalog R >= 5), 10 at thorough.',
  plot: { x: 'width m' },
  hypotheses: fc
    .record({ baseSeed: baseSeedArb })
    .map(({ baseSeed }): WidthLadder => ({ config: GEN_CONFIG, widths: GEN_WIDTHS, seeds: 10, baseSeed })),
  examples: [{ config: GEN_CONFIG, widths: GEN_WIDTHS, seeds: 5, baseSeed: PINNED }],
  runs: RUNS,
  check: (h: WidthLadder): Evidence => {
    const table = ladder(h);
    if (table.some((row) => row.some((v) => !Number.isFinite(v)))) return skipCase('SGD diverged at some width');
    const xs = h.widths.flatMap((m, i) => table[i].map(() => m));
    const fit = fitSemiLogSlope(xs, table.flat());
    const q: Record<string, number> = {
      slope: fit.slope,
      slopeLow: fit.ciLow,
      slopeHigh: fit.ciHigh,
      meanNmse: fit.meanY,
      slopeOverMean: fit.slope / fit.meanY,
    };
    h.widths.forEach((m, i) =>
      Object.assign(q, {
        [`nmse@${m}`]: riskRange(table[i]).median,
        [`nmseMin@${m}`]: riskRange(table[i]).min,
        [`nmseMax@${m}`]: riskRange(table[i]).max,
      }),
    );
    return {
      conditions: [le(`slope of test NMSE against ln m <= ${GEN_REL} x mean NMSE`, fit.slope, GEN_REL * fit.meanY)],
      test: {
        name: 'least-squares slope of test NMSE against ln m pooled over seeds, 95% t interval',
        interval: [fit.ciLow, fit.ciHigh],
        confidence: 0.95,
        effect: { name: 'slope / mean NMSE', value: fit.slope / fit.meanY },
        scale: `${describeTwoLayer(h.config)}, m in {${h.widths.join(', ')}}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
      },
      quantities: q,
    };
  },
  tolerance: exactThreshold('catalog pass rule fixed before the run: slope <= 0.02 x mean NMSE'),
  describe: (h: WidthLadder) => `${describeTwoLayer(h.config)}, m in {${h.widths.join(', ')}}, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

interface GrowthCase {
  readonly seeds: number;
  readonly baseSeed: number;
}

const GROWTH_ALPHA = 0.05;

export const genLossGrowsWithWidth = defineMutant({
  of: gen,
  id: 'allenzhu-li-liang-2018/gen/width-independent-samples~loss-grows-with-width',
  change: 'at fixed N the generalisation gap grows like m d / N, so the test loss increases from m = 100 (m d / N = 0.5) to m = 3000 (15)',
  status: 'safe [C]',
  kind: 'statistical',
  expected:
    'the paired comparison m = 100 vs m = 3000 with the fewest seeds keeping the one-sided sign test significant (5 of 5 seeds, p = 1/32)',
  // Five seeds is the fewest at which a one-sided sign test can reach p < 0.05 (1/32; four never can),
  // so the catalog's "fewest seeds keeping significance" is 5 by construction and fewer are not generated.
  // One case costs 5 x (m = 100 + m = 3000) runs, ~20-50 s on a loaded 2-core machine: a sixth seed would
  // not fit the quick budget reliably.
  hypotheses: fc.record({ seeds: fc.constant(5), baseSeed: baseSeedArb }),
  check: ({ seeds, baseSeed }: GrowthCase): Evidence => {
    const [small, large] = ladder({ config: GEN_CONFIG, widths: [100, 3000], seeds, baseSeed });
    const diff = small.map((v, r) => v - large[r]);
    const p = signTest(diff);
    return {
      // The mutant survives unless the data show, significantly, the opposite direction.
      conditions: [
        ge(`one-sided sign-test p-value for NMSE(m = 100) > NMSE(m = 3000) >= ${GROWTH_ALPHA} (no significant decrease)`, p, GROWTH_ALPHA),
      ],
      test: {
        name: 'one-sided sign test on per-seed NMSE(m = 100) - NMSE(m = 3000)',
        pValue: p,
        effect: { name: 'median NMSE(100) - NMSE(3000)', value: riskRange(diff).median },
        scale: `${describeTwoLayer(GEN_CONFIG)}, m in {100, 3000}, R = ${seeds} seeds from base seed ${baseSeed}`,
      },
      quantities: { signP: p, ...perSeed('nmse100', small), ...perSeed('nmse3000', large), ...rangeQuantities('difference', diff) },
    };
  },
  tolerance: exactThreshold('significance level fixed before the run'),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: ({ seeds, baseSeed }: GrowthCase) => `${describeTwoLayer(GEN_CONFIG)}, m = 100 vs 3000, R = ${seeds}, base seed ${baseSeed}`,
});

// ---------------------------------------------------------------------------------------------
// Exp 1: the trained three-layer net beats its NTK and last-layer-only training.

const EXP1_QUICK: ThreeLayerRunConfig = { task: { kind: 'experiment' }, m: 64, N: 1000, nTest: 2000, epsA: 0.1, train: THREE_LAYER_TRAIN };
/** N = 2000, not the catalog's 5000: float64 kernel ridge at N = 5000 costs minutes per ridge value (see notes). */
const EXP1_THOROUGH: ThreeLayerRunConfig = { ...EXP1_QUICK, N: 2000, nTest: 5000 };
/** Catalog: at least 8 of 10 seeds. */
const needOf = (R: number) => Math.ceil(0.8 * R);

function exp1Table(h: Seeds<ThreeLayerRunConfig>) {
  const net = Array.from({ length: h.seeds }, (_, r) => threeLayerRun(h.config, h.baseSeed, r));
  const base = Array.from({ length: h.seeds }, (_, r) => baselineRuns(h.config, h.baseSeed, r));
  return {
    diverged: net.some((n) => n.diverged),
    net: net.map((n) => n.nmse),
    ntk: base.map((b) => b.ntk.nmse),
    last: base.map((b) => b.last.nmse),
    ntkLambda: base.map((b) => b.ntk.lambda),
    lastLambda: base.map((b) => b.last.lambda),
  };
}

export const exp1 = defineClaim({
  id: 'allenzhu-li-liang-2018/exp1/three-layer-beats-ntk',
  paper,
  theorem: 'Experiment (Figure 1, Appendix)',
  confidence: 'V2 (target, comparison), V (technique), C',
  kind: 'statistical',
  statement:
    'On F*(x) = (sin 3x1 + sin 3x2 + sin 3x3 - 2)^2 cos 7x4, x uniform on the sphere of R^4, the three-layer network with trained ' +
    'hidden weights has lower test error than its NTK (the network linearised at initialisation, ridge fit) and than output-layer-only ' +
    'training, on the same data and initialisation. At small scale: m = 64, N = 1000 (N = 5000 at thorough), R = 10 paired seeds; pass ' +
    'if the trained net beats both in >= 8 of 10 seeds.',
  notes:
    'Inputs x = g / ||g|| [R]; labels divided by their standard deviation (estimated on 20 000 separate inputs) [R], which leaves ' +
    'every NMSE unchanged but puts the target on the scale of the small-output network. Trained net: W, b1, V, b2 by Adam (declared proxy, ' +
    'as in thm2). NTK: closed-form finite-width NTK over the trained groups (W, b1, V, b2) at the same initialisation, kernel ridge on ' +
    'y - f0 (first-order Taylor expansion). Last layer: kernel ridge on y - f0 with the features relu(n_i + b2_i) and a constant. Ridge ' +
    'lam x mean diagonal x N, lam in {1e-9, 1e-8, ..., 1e-3}, chosen on the test set (favours the baselines). NMSE = test MSE / Var(test labels). ' +
    'Deviation: only N = 1000 at quick, N = 5000 at thorough (catalog N in {1000, 5000}); width 64 is our choice [C].',
  hypotheses: fc
    .record({ baseSeed: baseSeedArb })
    .map(({ baseSeed }): Seeds<ThreeLayerRunConfig> => ({ config: EXP1_THOROUGH, seeds: 10, baseSeed })),
  examples: [{ config: EXP1_QUICK, seeds: 10, baseSeed: PINNED }],
  runs: RUNS,
  check: (h: Seeds<ThreeLayerRunConfig>): Evidence => {
    const t = exp1Table(h);
    if (t.diverged) return skipCase('training diverged on some seed (non-finite loss)');
    const margin = t.net.map((v, r) => Math.min(t.ntk[r], t.last[r]) - v);
    const s = pairedSummary(
      margin,
      margin.map((m) => m > 0),
    );
    const need = needOf(h.seeds);
    return {
      conditions: [ge(`seeds where the trained net beats both the NTK and the last layer (need ${need} of ${h.seeds})`, s.passes, need)],
      test: {
        name: 'one-sided sign test on per-seed min(NMSE_ntk, NMSE_last) - NMSE_net; Wilson interval of the per-seed pass rate',
        pValue: s.signP,
        interval: s.wilson,
        confidence: 0.95,
        effect: { name: 'median NMSE_ntk / NMSE_net', value: riskRange(t.ntk.map((v, r) => v / t.net[r])).median },
        scale: `${describeThreeLayer(h.config)}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
      },
      quantities: {
        ...rangeQuantities('net', t.net),
        ...rangeQuantities('ntk', t.ntk),
        ...rangeQuantities('last', t.last),
        ...rangeQuantities('ntkLambda', t.ntkLambda),
        ...rangeQuantities('lastLambda', t.lastLambda),
        ...perSeed('net', t.net),
        ...perSeed('ntk', t.ntk),
        ...perSeed('last', t.last),
        seedsPassing: s.passes,
        signP: s.signP,
        wilcoxonP: s.wilcoxonP,
        wilsonLow: s.wilson[0],
        wilsonHigh: s.wilson[1],
      },
    };
  },
  tolerance: SEED_RULE,
  describe: (h: Seeds<ThreeLayerRunConfig>) => `${describeThreeLayer(h.config)}, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

interface NtkMatchCase {
  readonly N: number;
  readonly m: number;
  readonly baseSeed: number;
}

const ntkMatchConfig = ({ N, m }: NtkMatchCase): ThreeLayerRunConfig => ({ ...EXP1_QUICK, N, m });

export const exp1NtkMatches = defineMutant({
  of: exp1,
  id: 'allenzhu-li-liang-2018/exp1/three-layer-beats-ntk~ntk-matches-three-layer',
  change: "the linearised model (NTK at initialisation) has test loss within 10% of the trained three-layer net's, or lower",
  status: 'expected',
  expected:
    'refuted when the trained net is better by more than 10% in >= 8 of 10 seeds; shrinks to the smallest N and width where that still holds',
  // N <= 500 and m <= 32 keep one case (10 seeds, net + NTK) at a few seconds inside the quick budget;
  // the claim's own scale (N = 1000, m = 64) is far from the boundary (median NTK / net ratio ~4).
  hypotheses: fc.record({ N: fc.constantFrom(250, 500), m: fc.constantFrom(16, 32), baseSeed: baseSeedArb }),
  check: (h: NtkMatchCase): Evidence => {
    const t = exp1Table({ config: ntkMatchConfig(h), seeds: 10, baseSeed: h.baseSeed });
    if (t.diverged) return skipCase('training diverged on some seed (non-finite loss)');
    const better = t.ntk.map((v, r) => v > 1.1 * t.net[r]);
    const s = pairedSummary(
      t.ntk.map((v, r) => v - 1.1 * t.net[r]),
      better,
    );
    return {
      conditions: [le('seeds where NMSE_ntk > 1.1 NMSE_net (the mutant survives at <= 7 of 10)', s.passes, 7)],
      test: {
        name: 'one-sided sign test on per-seed NMSE_ntk - 1.1 NMSE_net',
        pValue: s.signP,
        interval: s.wilson,
        confidence: 0.95,
        effect: { name: 'median NMSE_ntk / NMSE_net', value: riskRange(t.ntk.map((v, r) => v / t.net[r])).median },
        scale: `${describeThreeLayer(ntkMatchConfig(h))}, R = 10 seeds from base seed ${h.baseSeed}`,
      },
      quantities: { ...rangeQuantities('net', t.net), ...rangeQuantities('ntk', t.ntk), seedsNetBetterBy10: s.passes, signP: s.signP },
    };
  },
  tolerance: exactThreshold('catalog seed count fixed before the run'),
  runs: { quick: 4, ci: 6, thorough: 10 },
  describe: (h: NtkMatchCase) => `${describeThreeLayer(ntkMatchConfig(h))}, R = 10, base seed ${h.baseSeed}`,
});
