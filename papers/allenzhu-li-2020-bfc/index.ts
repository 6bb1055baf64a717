/**
 * Allen-Zhu & Li, "Backward Feature Correction: How Deep Learning Performs Deep (Hierarchical)
 * Learning" (arXiv 2001.04413; COLT 2023). Catalog: shared/claims/allenzhu-li-2020-bfc.md. Four
 * claims and four mutants. This file only declares; the numbers come from
 * src/core/experiments/bfc*.ts (toy target, hand-written float64 network and Adam, staged
 * training, e(K1), degree-2 least squares, kernel baselines).
 *
 * The instance is the catalog's toy (L = 3) [R design]: x ~ N(0, I_d), k = 4,
 * y = P2 + alpha3 P3 (each part normalised on a 50 000-point reference sample drawn from the
 * seed), learner F = c0 + c1 Sum((K1 x)^2) + c2 Sum((K2 (K1 x)^2)^2). Stage 1 trains K1, c1, c0;
 * stage 2 is either joint (everything) or layer-wise (K1, c1 frozen), from the same stage-1
 * result and with the same step budget (paired). E_hier := stage-1 test MSE per seed.
 *
 * L = 2 (y = P2, alpha3 = 0) is not registered as a sanity example: stage 1 then fits y
 * exactly, E_hier -> 0 and every rule stated as a fraction of E_hier is void.
 *
 * Scale. quick / ci run the pinned examples (d = 24, N = 5000, alpha3 = 0.3, R = 5 seeds, pass
 * rule 5/5: one-sided sign-test p = 0.031; the kernel screen R = 1); thorough adds two cases at
 * the catalog's scale and schedule (R = 10, 8/10, full-batch Adam lr 3e-3, 3000 + 6000 steps,
 * alpha3 drawn from {0.1, 0.3}). Quick schedule [C, deviation]: Adam lr 1e-2, 1000 + 1000 steps,
 * because the catalog's schedule costs ~20 s per seed here and a claim has 60 s (+30 s grace).
 *
 * Calibration [C] (this machine, loaded by two other engineers, so seconds vary 2-3x; float64 JS;
 * base seed 777, never the pinned 2020; d = 24, N = 5000, 2000 test points; "joint" and "lw" are
 * final test MSEs over E_hier; e1 -> e2 is e(K1) after stage 1 -> after joint stage 2):
 *
 *   lr, s1 + s2        alpha3  seeds  E_hier          joint / E_hier         lw / E_hier  e1 -> e2 (joint)          s / seed
 *   3e-3, 3000 + 6000  0.3     2      0.025, 0.029    0, 0                   0.91, 0.74   0.49, 0.38 -> 0, 0         20
 *   3e-3, 3000 + 6000  0.1     3      0.0025-0.0032   0, 0, 0                0.73-1.01    0.40-0.64 -> 0             13-26 (loaded, after the k = 4 fast path)
 *   1e-2, 1000 + 2000  0.3     3      0.022-0.029     0, 0, 0                0.78-1.03    0.41-0.62 -> 0             6.7
 *   1e-2,  600 + 1200  0.3     3      0.022-0.029     0.05, 0, 0             0.78-1.03    0.41-0.62 -> 0             4.0
 *   1e-2, 1000 + 1000  0.3     10     0.011-0.029     <= 0.115 (10/10 pass)  0.78-1.08    0.35-0.62 -> 0-0.32 (e2/e1 <= 0.55)  4.1-6.2  <- QUICK
 *   1e-2, 1000 + 1000  0.1     5      0.0019-0.0032   0.015-0.46 (4/5 pass)  0.80-0.98    0.39-0.57 -> 0-0.43        4.5
 *   1e-2, 1000 + 2000  0.1     5      0.0019-0.0032   <= 0.05                0.81-0.98*   0.39-0.57 -> 0-0.027       9-12 (loaded)
 *   (* layer-wise after 3000 stage-2 steps: this row is the 2000-step checkpoint of a 3000-step run; constant lr, so identical.)
 *   Seconds before the k = 4 fast path of bfcNetwork.ts; with it the QUICK row takes 2.6-2.7 s per seed (load average ~4).
 *   d = 16, N = 2500, 1e-2, 1000 + 1000, alpha3 0.3 / 0.1, 5 seeds each: joint <= 0.021 / <= 0.29 E_hier, lw 0.84-1.07 E_hier,
 *     e2/e1 0-0.39 / 0.004-0.80, lw > joint on every seed; 2.3-2.9 s per seed.
 *   d = 12, N = 2000, 1e-2, alpha3 0.3 (1000 + 1000) / 0.1 (1000 + 2000), 5 / 7 seeds: e2/e1 0-0.26 / 0-0.59, lw > joint on
 *     every seed; 1.5-9 s per seed (load).
 *
 *   Degree-2 least squares (325 monomials) vs E_hier, seed 0, alpha3 = 0.3: 0.0263 vs 0.0253 (catalog: within ~10%).
 *   Kernels at d = 24, N = 5000, alpha3 = 0.3, lam in {1e-6, ..., 1e-2}: base 777 seed 0: degree-4 polynomial 0.0334
 *   (1.32 E_hier, lam 1e-5), RBF 0.101 (lam 1e-5); base 2020 seeds 0-1: polynomial 0.046, 0.041 (lam 1e-4), RBF 0.097, 0.090
 *   (lam 1e-5), best kernel 1.40-1.43 E_hier. 25-35 s per seed for both kernels (CG, float32 matvecs, float64 refinement).
 */
import { defineClaim, defineMutant, exactThreshold, fc, ge, le, skipCase, type Evidence, type PaperRef } from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { pairedSummary, rangeQuantities, riskRange, wilcoxonSignedRank } from 'claimcheck/core';
import { degree2LeastSquares } from './degree2.js';
import { bfcKernelRisk, degree4MonomialCount } from './kernels.js';
import { bfcRuns, bfcSeedData, trainStage1, type BfcConfig, type BfcSeedRun } from './staged.js';

export const paper: PaperRef = {
  key: 'allenzhu-li-2020-bfc',
  title: 'Backward Feature Correction: How Deep Learning Performs Deep (Hierarchical) Learning',
  authors: 'Zeyuan Allen-Zhu, Yuanzhi Li',
  venue: 'COLT 2023',
  arxiv: '2001.04413',
  confidence: 'headlines high, details low',
};

/** The quick-profile instance [C]; base seed 2020 was never used in calibration. */
const QUICK: BfcConfig = {
  d: 24,
  k: 4,
  alpha3: 0.3,
  N: 5000,
  nTest: 2000,
  referenceSize: 50_000,
  lr: 0.01,
  stage1Steps: 1000,
  stage2Steps: 1000,
  checkpoints: [100, 250, 500, 750],
  seeds: 5,
  baseSeed: 2020,
};
/** alpha3 = 0.1 (used by the mechanism mutants at d <= 16): the weaker level needs 2000 stage-2 steps (calibration table). */
const QUICK_LOW: BfcConfig = { ...QUICK, alpha3: 0.1, stage2Steps: 2000, checkpoints: [100, 250, 500, 1000, 1500] };

/** The catalog's scale and schedule (thorough only): R = 10 fresh seeds, alpha3 in {0.1, 0.3}. */
const catalogScale = () =>
  fc.record({ alpha3: fc.constantFrom(0.3, 0.1), baseSeed: seedArb() }).map(({ alpha3, baseSeed }): BfcConfig => ({
    ...QUICK,
    alpha3,
    lr: 3e-3,
    stage1Steps: 3000,
    stage2Steps: 6000,
    checkpoints: [300, 750, 1500, 3000, 4500],
    seeds: 10,
    baseSeed,
  }));

/** Pinned examples at every profile; random catalog-scale cases (alpha3 drawn from {0.3, 0.1}) only at thorough. */
const RUNS = { quick: 0, ci: 0, thorough: 2 };

/** Seed-count rules fixed before any run: 5/5 at R = 5 (sign p = 0.031), the catalog's 8/10 at R = 10 (p = 0.055), 1/1 for the one-seed kernel screen. */
const REQUIRED: Readonly<Record<number, number>> = { 1: 1, 5: 5, 10: 8 };
function required(R: number): number {
  const need = REQUIRED[R];
  if (need === undefined) throw new RangeError(`allenzhu-li-2020-bfc: no pass rule for R = ${R} seeds (rules exist for R = 1, 5, 10)`);
  return need;
}

const SEED_RULE = exactThreshold(
  'pass rules fixed before the run: 5 of 5 seeds (R = 5), 8 of 10 (R = 10, catalog), 1 of 1 (R = 1, kernel screen)',
);
const P_RULE = exactThreshold('significance level 0.05 and effect thresholds fixed before the run (catalog)');

const scaleWords = (c: BfcConfig) =>
  `toy L = 3, d = ${c.d}, k = ${c.k}, alpha3 = ${c.alpha3}, N = ${c.N}, ${c.nTest} test points, full-batch Adam lr ${c.lr}, ` +
  `${c.stage1Steps} + ${c.stage2Steps} steps, R = ${c.seeds} seeds from base seed ${c.baseSeed}`;

const med = (xs: readonly number[]) => riskRange(xs).median;

/** Runs of every seed, or the reason the case cannot be judged (stage 1 diverged: E_hier undefined). */
function runsOrSkip(c: BfcConfig): BfcSeedRun[] | Evidence {
  const runs = bfcRuns(c);
  const bad = runs.findIndex((r) => r.stage1Diverged || !(r.eHier > 0));
  if (bad >= 0) return skipCase(`stage 1 diverged or fitted exactly on seed ${bad}: E_hier is undefined`);
  return runs;
}

/**
 * Risks and e(K1) per stage (median and range over seeds), and the stage-2 series of medians.
 * Wall-clock seconds are left out on purpose: evidence must be a pure function of the case (baselines).
 */
function stageQuantities(runs: readonly BfcSeedRun[]): Record<string, number> {
  const q: Record<string, number> = {
    ...rangeQuantities(
      'E_hier',
      runs.map((r) => r.eHier),
    ),
    ...rangeQuantities(
      'mse.joint',
      runs.map((r) => r.joint.testMse),
    ),
    ...rangeQuantities(
      'mse.layerwise',
      runs.map((r) => r.layerwise.testMse),
    ),
    ...rangeQuantities(
      'eK1@stage1',
      runs.map((r) => r.eK1Stage1),
    ),
    ...rangeQuantities(
      'eK1@stage2.joint',
      runs.map((r) => r.joint.eK1),
    ),
    ...rangeQuantities(
      'eK1@stage2.layerwise',
      runs.map((r) => r.layerwise.eK1),
    ),
    ...rangeQuantities(
      'rowSpaceError@stage1',
      runs.map((r) => r.rowErrStage1),
    ),
  };
  q['eK1.joint.median@0'] = q['eK1.layerwise.median@0'] = med(runs.map((r) => r.eK1Stage1));
  q['mse.joint.median@0'] = q['mse.layerwise.median@0'] = med(runs.map((r) => r.eHier));
  for (const variant of ['joint', 'layerwise'] as const) {
    const steps = runs[0][variant].series.map((p) => p.step);
    steps.forEach((step, i) => {
      q[`eK1.${variant}.median@${step}`] = med(runs.map((r) => r[variant].series[i]?.eK1 ?? NaN));
      q[`mse.${variant}.median@${step}`] = med(runs.map((r) => r[variant].series[i]?.testMse ?? Infinity));
    });
  }
  return q;
}

function seedCountEvidence(
  c: BfcConfig,
  rule: string,
  passes: boolean[],
  margins: number[],
  testName: string,
  effect: { name: string; value: number },
  quantities: Record<string, number>,
): Evidence {
  const s = pairedSummary(margins, passes);
  const need = required(c.seeds);
  return {
    conditions: [ge(`seeds with ${rule} (need ${need} of ${c.seeds})`, s.passes, need)],
    test: {
      name: `${testName}; Wilson interval of the per-seed pass rate`,
      pValue: s.signP,
      interval: s.wilson,
      confidence: 0.95,
      effect,
      scale: scaleWords(c),
    },
    quantities: {
      seeds: c.seeds,
      passes: s.passes,
      signP: s.signP,
      wilcoxonP: s.wilcoxonP,
      wilsonLow: s.wilson[0],
      wilsonHigh: s.wilson[1],
      ...quantities,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Main upper bound: the deep learner (joint staged training) reaches a small fraction of E_hier.

export const sgdLearnsHierarchy = defineClaim({
  id: 'allenzhu-li-2020-bfc/main-upper/sgd-learns-hierarchy',
  paper,
  theorem: 'main theorem (upper bound, abstract)',
  confidence: 'V (abstract), R (toy instance), C',
  kind: 'statistical',
  statement:
    'SGD on an omega(1)-layer quadratic network learns the hierarchical concept class to 1/poly(d) error in poly(d) time and samples. ' +
    'Toy proxy (L = 3, d = 24, N = 5000): after joint staged training, test MSE <= 0.25 E_hier (E_hier = the stage-1, one-block plateau) ' +
    'on 5 of 5 seeds (quick: alpha3 = 0.3) or 8 of 10 (thorough: catalog schedule, alpha3 drawn from {0.1, 0.3}).',
  notes:
    'Toy target, learner, initialisations and stages follow the catalog\'s "Toy instance" [R]; c1 = 1 at the start of stage 1 is ours [R]. ' +
    'Deviation: quick uses Adam lr 1e-2 with 1000 + 1000 steps, R = 5 with a 5/5 rule and alpha3 = 0.3 only, instead of lr 3e-3, ' +
    '3000 + 6000 steps, R = 10, 8/10 and alpha3 in {0.1, 0.3} (thorough runs that). alpha3 = 0.1 is left to thorough because it needs ' +
    '2000 stage-2 steps (calibration: 4/5 seeds pass at 1000, 5/5 at 2000) and a claim has 60 s at quick; the mechanism mutants still ' +
    'draw alpha3 = 0.1 at d <= 16. Calibration in the file header. Cross-check: degree-2 least ' +
    'squares on the same data (quantity deg2Mse) should match E_hier within ~10% (catalog).',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  check: (c: BfcConfig): Evidence => {
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const joint = runs.map((r) => r.joint.testMse);
    const deg2 = runs.map((_, r) => {
      const { train, test } = bfcSeedData(c, r);
      return degree2LeastSquares(train, test, c.d).testMse;
    });
    return seedCountEvidence(
      c,
      'MSE_joint <= 0.25 E_hier',
      runs.map((r) => r.joint.testMse <= 0.25 * r.eHier),
      runs.map((r) => 0.25 * r.eHier - r.joint.testMse),
      'one-sided sign test on per-seed 0.25 E_hier - MSE_joint',
      { name: 'median MSE_joint / E_hier', value: med(runs.map((r, i) => joint[i] / r.eHier)) },
      {
        ...stageQuantities(runs),
        ...rangeQuantities('deg2Mse', deg2),
        ...rangeQuantities(
          'E_hier/deg2Mse',
          runs.map((r, i) => r.eHier / deg2[i]),
        ),
      },
    );
  },
  tolerance: SEED_RULE,
  describe: scaleWords,
});

interface Depth1Case {
  readonly d: number;
  readonly k: number;
  readonly alpha3: number;
  readonly N: number;
  readonly seed: number;
}

export const depthOneSuffices = defineMutant({
  of: sgdLearnsHierarchy,
  id: 'allenzhu-li-2020-bfc/main-upper/sgd-learns-hierarchy~depth-one-suffices',
  change: 'a single quadratic block suffices: degree-2 least squares on all monomials of degree <= 2 reaches test MSE <= 0.25 E_hier',
  status: 'safe',
  kind: 'statistical',
  expected:
    'smallest d, k (k = 1: y = P2 + alpha3 P3 with P3 ~ (w^T x)^4 up to centring), N large enough for a stable plateau; degree-2 MSE ~ E_hier',
  // d and k shrink toward 1; N >= 2000 keeps the plateau estimate stable (and >= the 325 monomials at d = 24).
  hypotheses: fc
    .record({
      d: fc.integer({ min: 1, max: 24 }),
      k: fc.integer({ min: 1, max: 4 }),
      alpha3: fc.constantFrom(0.3, 0.1),
      N: fc.constantFrom(2000, 5000),
      seed: seedArb(),
    })
    .map((h): Depth1Case => ({ ...h, k: Math.min(h.k, h.d) })),
  check: (h: Depth1Case): Evidence => {
    const c: BfcConfig = { ...QUICK, d: h.d, k: h.k, alpha3: h.alpha3, N: h.N, seeds: 1, baseSeed: h.seed };
    const data = bfcSeedData(c, 0);
    const s1 = trainStage1(c, 0, data);
    if (s1.diverged || !(s1.eHier > 0)) return skipCase('stage 1 diverged or fitted exactly: E_hier undefined');
    const deg2 = degree2LeastSquares(data.train, data.test, h.d).testMse;
    // Exact argument: y's degree-4 Hermite part (nonzero for alpha3 > 0) is orthogonal to every
    // degree-2 polynomial, so no degree-2 learner beats its energy, which is ~E_hier on the toy.
    return {
      conditions: [le('degree-2 least-squares test MSE <= 0.25 E_hier', deg2, 0.25 * s1.eHier)],
      quantities: { d: h.d, k: h.k, alpha3: h.alpha3, N: h.N, deg2Mse: deg2, E_hier: s1.eHier, ratio: deg2 / s1.eHier },
    };
  },
  tolerance: exactThreshold("the 0.25 E_hier threshold is the claim's own, fixed before the run"),
  runs: { quick: 3, ci: 5, thorough: 10 },
  describe: (h: Depth1Case) =>
    `degree-2 least squares vs the stage-1 plateau, d = ${h.d}, k = ${h.k}, alpha3 = ${h.alpha3}, N = ${h.N}, seed ${h.seed}`,
});

// ---------------------------------------------------------------------------------------------
// Main lower bound: kernels stay near the plateau on the same data where the network learns.

/**
 * Ridge grid lam (mu = lam * N), picked on the test set. Calibration [C] with the wider grid {1e-6, ..., 1e-2} (6 fits: seed 0 of
 * base 777, seeds 0-1 of base 2020): RBF always chose 1e-5, the polynomial kernel 1e-5 or 1e-4; 1e-6 and 1e-2 were never chosen and
 * 1e-6 costs the most CG iterations, so quick and thorough use the three middle values.
 */
const LAMBDAS = [1e-5, 1e-4, 1e-3];
/** Kernel screen at quick: one seed (the two kernel fits cost 25-30 s per seed at N = 5000). */
const KERNEL_QUICK: BfcConfig = { ...QUICK, seeds: 1 };

function kernelTable(c: BfcConfig, runs: readonly BfcSeedRun[]) {
  const rbf = runs.map((_, r) => bfcKernelRisk(c, r, 'rbf', LAMBDAS));
  const poly = runs.map((_, r) => bfcKernelRisk(c, r, 'poly4', LAMBDAS));
  const best = rbf.map((x, r) => Math.min(x.mse, poly[r].mse));
  return {
    best,
    quantities: {
      ...rangeQuantities(
        'rbf',
        rbf.map((x) => x.mse),
      ),
      ...rangeQuantities(
        'poly4',
        poly.map((x) => x.mse),
      ),
      ...rangeQuantities('bestKernel', best),
      ...rangeQuantities(
        'bestKernel/E_hier',
        best.map((b, r) => b / runs[r].eHier),
      ),
      'rbf.lambdaMedian': med(rbf.map((x) => x.lambda)),
      'poly4.lambdaMedian': med(poly.map((x) => x.lambda)),
      'C(d+4,4)': degree4MonomialCount(c.d),
    },
  };
}

export const nonHierarchicalLearnersFail = defineClaim({
  id: 'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail',
  paper,
  theorem: 'main theorem (lower bounds, abstract)',
  confidence: 'V (abstract), R (toy instance), C',
  kind: 'statistical',
  statement:
    'Kernel methods and NTKs (and non-hierarchical learners generally) need d^omega(1) samples or time to reach d^-0.01 error on the class. ' +
    'Toy proxy, same data per seed (d = 24, N = 5000 well below C(28, 4) = 20 475): best kernel ridge MSE (RBF gamma = 1/(2d), ' +
    "degree-4 polynomial (1 + <x, x'>/d)^4, ridge picked on the test set) >= 0.8 E_hier while the network reaches <= 0.25 E_hier; " +
    'one seed at quick (a screen, no significance: sign-test p = 0.5), 8 of 10 seeds at thorough.',
  notes:
    'Deviation: R = 1 at quick (not 10) because both kernel fits cost 25-30 s per seed on this machine (60-90 s under load) and a claim ' +
    'has 60 s (+30 s grace) at quick; with R = 2 the claim was stopped at 90 s on the loaded machine. Thorough runs ' +
    'R = 10 at the catalog schedule. Ridge mu = lam * N, lam in {1e-5, 1e-4, 1e-3} (see LAMBDAS for why), chosen on the test set (favours the kernels); CG with ' +
    'float64 refinement to relative residual 1e-4. NTKs and compositional kernels are not run [R: the degree-4 polynomial kernel is the ' +
    'catalog\'s "strongest natural competitor"].',
  hypotheses: catalogScale(),
  examples: [KERNEL_QUICK],
  // One catalog-scale case at thorough: 10 seeds x (20 s training + 30 s kernels) already uses ~40% of its 1200 s.
  runs: { quick: 0, ci: 0, thorough: 1 },
  check: (c: BfcConfig): Evidence => {
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const { best, quantities } = kernelTable(c, runs);
    return seedCountEvidence(
      c,
      'best kernel MSE >= 0.8 E_hier and MSE_joint <= 0.25 E_hier',
      runs.map((r, i) => best[i] >= 0.8 * r.eHier && r.joint.testMse <= 0.25 * r.eHier),
      runs.map((r, i) => best[i] - r.joint.testMse),
      'one-sided sign test on per-seed MSE_kernel - MSE_joint (best kernel per seed)',
      { name: 'median best kernel MSE / E_hier', value: med(best.map((b, r) => b / runs[r].eHier)) },
      {
        ...quantities,
        ...rangeQuantities(
          'E_hier',
          runs.map((r) => r.eHier),
        ),
        ...rangeQuantities(
          'mse.joint',
          runs.map((r) => r.joint.testMse),
        ),
      },
    );
  },
  tolerance: SEED_RULE,
  describe: scaleWords,
});

export const kernelSucceeds = defineMutant({
  of: nonHierarchicalLearnersFail,
  id: 'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail~kernel-succeeds',
  change: 'a fixed kernel reaches the hierarchical part: best kernel MSE <= 0.25 E_hier at N = 5000',
  status: 'safe [C]',
  expected: 'd = 24, N = 5000 (never below the C(d+4, 4) > 2N bound), one seed: best kernel (degree-4 polynomial) ~1.3 E_hier',
  // d = 24 and N = 5000 are fixed (catalog: the mutant is false only where C(d+4, 4) > 2N; smaller d
  // would let the kernel fit the target, larger d costs minutes). One seed per case: each costs ~30 s.
  hypotheses: fc.record({ baseSeed: seedArb() }),
  check: ({ baseSeed }: { baseSeed: number }): Evidence => {
    const c: BfcConfig = { ...QUICK, seeds: 1, baseSeed };
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const { best, quantities } = kernelTable(c, runs);
    return {
      conditions: [le('best kernel MSE <= 0.25 E_hier', best[0], 0.25 * runs[0].eHier)],
      quantities: { ...quantities, E_hier: runs[0].eHier },
    };
  },
  tolerance: exactThreshold("the 0.25 E_hier threshold is the catalog's, fixed before the run"),
  runs: { quick: 1, ci: 1, thorough: 3 },
  describe: ({ baseSeed }: { baseSeed: number }) =>
    `kernel ridge (RBF, degree-4 polynomial), d = 24, N = 5000, alpha3 = 0.3, one seed from base seed ${baseSeed}`,
});

// ---------------------------------------------------------------------------------------------
// Principle: backward feature correction of the lower block during joint training.

export const lowerFeaturesCorrected = defineClaim({
  id: 'allenzhu-li-2020-bfc/principle/lower-features-corrected',
  paper,
  theorem: 'principle (backward feature correction, abstract)',
  confidence: 'V (principle), R (toy metric), C',
  kind: 'statistical',
  statement:
    'The errors in the lower-level features are corrected when training together with the higher-level layers. Toy proxy (d = 24, ' +
    'N = 5000, alpha3 = 0.3): e(K1) = mean sin^2 of the principal angles between span{k_i k_i^T} and span{w_i w_i^T}; e1 after stage 1, ' +
    'e2 after joint stage 2: one-sided Wilcoxon signed-rank of e1 - e2 > 0 with p < 0.05 and median e2/e1 <= 0.5.',
  notes:
    "The metric is the catalog's span{k_i k_i^T} (symmetric-matrix space), not row-space angles: the degree-2 part of y lies in " +
    'rowspace(W2) even for alpha3 > 0, so stage 1 recovers the row space almost exactly (quantity rowSpaceError@stage1: 3e-4 to 5e-4 on the quick seeds) and that ' +
    'metric cannot see what BFC corrects. Harness sanity check (not evidence): in the layer-wise variant e(K1) stays at e1 exactly ' +
    '(eK1@stage2.layerwise). e(K1) is recorded after stage 1 (@0) and at stage-2 checkpoints (eK1.joint.median@step). With R = 5 the ' +
    'smallest one-sided Wilcoxon p is 1/32, so every seed must improve. Quick schedule as in main-upper (deviation; thorough = catalog).',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  check: (c: BfcConfig): Evidence => {
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const e1 = runs.map((r) => r.eK1Stage1),
      e2 = runs.map((r) => r.joint.eK1);
    const diffs = e1.map((v, i) => (Number.isFinite(e2[i]) ? v - e2[i] : 0));
    const p = wilcoxonSignedRank(diffs);
    const ratio = med(e1.map((v, i) => (Number.isFinite(e2[i]) ? e2[i] / v : Infinity)));
    return {
      conditions: [le('one-sided Wilcoxon p of e1 - e2 > 0', p, 0.05), le('median e2 / e1', ratio, 0.5)],
      test: {
        name: 'one-sided Wilcoxon signed-rank on per-seed e1 - e2 (joint)',
        pValue: p,
        confidence: 0.95,
        effect: { name: 'median e2 / e1', value: ratio },
        scale: scaleWords(c),
      },
      quantities: { seeds: c.seeds, wilcoxonP: p, 'median e2/e1': ratio, ...stageQuantities(runs) },
    };
  },
  tolerance: P_RULE,
  describe: scaleWords,
});

interface MechanismCase {
  readonly d: number;
  readonly N: number;
  readonly seeds: number;
  readonly alpha3: number;
  readonly baseSeed: number;
}

/**
 * Small-first generator for the mechanism mutants: d, N and the seed count shrink toward the calibrated minimum.
 * d <= 16 and N <= 2500 keep a case (and its shrinking, which re-trains) inside the claim budget; no kernel is
 * involved, so the C(d+4, 4) bound does not apply.
 */
const mechanismCase = (minSeeds: number, maxSeeds: number) =>
  fc.record({
    d: fc.constantFrom(12, 16),
    N: fc.constantFrom(2000, 2500),
    seeds: fc.integer({ min: minSeeds, max: maxSeeds }),
    alpha3: fc.constantFrom(0.3, 0.1),
    baseSeed: seedArb(),
  });

const mechanismConfig = (h: MechanismCase): BfcConfig => ({
  ...(h.alpha3 === 0.1 ? QUICK_LOW : QUICK),
  d: h.d,
  N: h.N,
  seeds: h.seeds,
  baseSeed: h.baseSeed,
});

const describeMechanism = (h: MechanismCase) => scaleWords(mechanismConfig(h));

export const noCorrection = defineMutant({
  of: lowerFeaturesCorrected,
  id: 'allenzhu-li-2020-bfc/principle/lower-features-corrected~no-correction',
  change: 'joint stage-2 training leaves the lower-feature error where stage 1 left it: median e2 / e1 >= 0.9',
  status: 'safe [C]',
  expected:
    'smallest d, N and seed set with e2 < 0.5 e1 in every seed (here d = 12, N = 2000, one seed; catalog: d = 16, N = 20 000 also works)',
  hypotheses: mechanismCase(1, 3),
  check: (h: MechanismCase): Evidence => {
    const c = mechanismConfig(h);
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const ratios = runs.map((r) => (Number.isFinite(r.joint.eK1) ? r.joint.eK1 / r.eK1Stage1 : Infinity));
    return {
      conditions: [ge('median e2 / e1 (joint)', med(ratios), 0.9)],
      quantities: { ...stageQuantities(runs), ...rangeQuantities('e2/e1', ratios) },
    };
  },
  tolerance: exactThreshold("the 0.9 threshold is the catalog's, fixed before the run"),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: describeMechanism,
});

// ---------------------------------------------------------------------------------------------
// Open question, tested as a hypothesis: layer-wise training ends worse than joint training.

export const layerwiseTrainingFails = defineClaim({
  id: 'allenzhu-li-2020-bfc/open/layerwise-training-fails',
  paper,
  theorem: 'open (abstract: no known efficient algorithm including layer-wise training)',
  confidence: 'V (that it is open), C (toy)',
  kind: 'statistical',
  // Verdicts read 'consistent / inconsistent with the hypothesis at this scale' (claims/README.md).
  subject: 'hypothesis',
  statement:
    'HYPOTHESIS TEST, NOT A THEOREM (the paper only says no efficient layer-wise algorithm is known). Hypothesis: with alpha3/alpha2 in ' +
    '{0.1, 0.3}, layer-wise training (K1 frozen after stage 1) ends with a clearly higher test error than joint training at equal budget. ' +
    'Verdict = "consistent / inconsistent with the hypothesis at this scale": paired seeds (same data, same stage-1 result, same stage-2 ' +
    'steps), one-sided Wilcoxon signed-rank on MSE_layerwise - MSE_joint with p < 0.05 (d = 24, N = 5000, alpha3 = 0.3, R = 5 at quick; ' +
    'alpha3 drawn from {0.1, 0.3}, R = 10 at thorough).',
  notes:
    'Caveat (catalog): in this toy layer-wise training is handicapped mainly because stage 1 fixes K1 only up to a rotation and block 2 ' +
    "has no lifting layer to undo it; the paper's learner (lifting R_l) may behave differently. Do not transfer toy results to the paper. " +
    'Quick schedule as in main-upper (deviation; thorough = catalog). The layer-wise-equals-joint mutant tests alpha3 = 0.1 at d <= 16.',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  check: (c: BfcConfig): Evidence => {
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const diffs = runs.map((r) =>
      Number.isFinite(r.layerwise.testMse) && Number.isFinite(r.joint.testMse) ? r.layerwise.testMse - r.joint.testMse : 0,
    );
    const p = wilcoxonSignedRank(diffs);
    const ratio = runs.map((r) => r.layerwise.testMse / r.eHier);
    return {
      conditions: [le('one-sided Wilcoxon p of MSE_layerwise - MSE_joint > 0', p, 0.05)],
      test: {
        name: 'one-sided Wilcoxon signed-rank on per-seed MSE_layerwise - MSE_joint (hypothesis test)',
        pValue: p,
        confidence: 0.95,
        effect: { name: 'median MSE_layerwise - MSE_joint', value: med(diffs) },
        scale: scaleWords(c),
      },
      quantities: { seeds: c.seeds, wilcoxonP: p, ...rangeQuantities('mse.layerwise/E_hier', ratio), ...stageQuantities(runs) },
    };
  },
  tolerance: P_RULE,
  describe: scaleWords,
});

export const layerwiseEqualsJoint = defineMutant({
  of: layerwiseTrainingFails,
  id: 'allenzhu-li-2020-bfc/open/layerwise-training-fails~layerwise-equals-joint',
  change: 'on the toy, layer-wise training reaches the same final error as joint training (no significant one-sided difference, p >= 0.05)',
  status: 'hypothesis',
  expected:
    'smallest d, N and fewest seeds keeping the Wilcoxon p < 0.05 (five seeds: p = 1/32), MSE_layerwise >= 2 MSE_joint per seed while e(K1) shrinks only in the joint run',
  hypotheses: mechanismCase(5, 6),
  check: (h: MechanismCase): Evidence => {
    const c = mechanismConfig(h);
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const diffs = runs.map((r) =>
      Number.isFinite(r.layerwise.testMse) && Number.isFinite(r.joint.testMse) ? r.layerwise.testMse - r.joint.testMse : 0,
    );
    const p = wilcoxonSignedRank(diffs);
    return {
      conditions: [ge('one-sided Wilcoxon p of MSE_layerwise - MSE_joint > 0', p, 0.05)],
      quantities: {
        wilcoxonP: p,
        seedsWithLayerwiseAtLeast2xJoint: runs.filter((r) => r.layerwise.testMse >= 2 * r.joint.testMse).length,
        ...stageQuantities(runs),
      },
    };
  },
  tolerance: P_RULE,
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: describeMechanism,
});
