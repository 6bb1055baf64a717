/**
 * Nichani, Damian & Lee, "Provable Guarantees for Nonlinear Feature Learning in Three-Layer
 * Neural Networks" (NeurIPS 2023, arXiv 2305.06986; v3 of 1 Apr 2025 revised Theorem 1).
 * Catalog: shared/claims/nichani-damian-lee-2023.md. Five claims and eight mutants. This file only
 * declares; the numbers come from this folder: the targets (task.ts), stage 1 (stage1.ts: closed
 * form for He2, activations.ts: float32 products for the centred ReLU and the identity), stage 2
 * and the random-feature baseline (stage2.ts + ridge.ts), the kernel baselines
 * (kernelBaselines.ts), the gradient-trained two-layer network (twoLayerNet.ts), the paired per-seed experiment (layerwise.ts, memoised per process),
 * thresholds (sampleThreshold.ts), the configuration-level statistics (association.ts) and the
 * Spearman test (stats.ts).
 *
 * Algorithm 1 as the catalog's reference implementation [C]: D1 = the first n/2 training rows,
 * phi(x) = sigma2(V x)^T u with u = mean over D1 of (y - ybar) sigma2(V x); D2 = the other n/2:
 * 400 features ReLU(c_i phi_std + b_i), c_i = +-1, b_i ~ U(-3, 3), ridge. Two-layer baseline:
 * ReLU(W x + b), W ~ N(0, I/d), b ~ N(0, 1), width 3000, ridge on all n rows. NMSE = test MSE /
 * Var(y_test) on 4000 test points. Choices [R]: lambda in {1e-6, 1e-4, 1e-2} x (rows fitted),
 * chosen for each learner on one holdout of 4000 fresh rows per seed (neither training nor test
 * data; the paper tunes lambda on a 2^15 holdout), the model fitted on all of the learner's
 * training rows; the intercept is unpenalised (y centred); eta1 is not tuned because it only
 * scales phi, which stage 2 standardises (the catalog's "eta1 tuned on a holdout" is void here).
 * The baseline's Gram is float32 per 512-row block, summed in float64 (ndlRidge.ts).
 *
 * Seeds and strength. Every statistical and scaling claim declares a design (ndlDesign): its
 * thresholds were fixed on calibration base seeds (CALIBRATION_SEEDS, CALIBRATION.md), never
 * verdict seeds; quick replays the pinned base seed PINNED (a regression check, strength
 * `replay`); ci and thorough rerun the same configurations on fresh base seeds drawn from the run
 * seed (design.reseed), which is where a verdict reads `test` or `screen`. A first-stage failure
 * is confirmed on another fresh base seed. `runs` adds fresh base seeds at thorough (and at every
 * profile for the cheap mechanism claim). Calibration logs: CALIBRATION.md.
 */
import {
  FLOAT32_TRAINED_BASELINE,
  defineClaim,
  defineMutant,
  exactThreshold,
  fc,
  ge,
  le,
  skipCase,
  type Evidence,
  type PaperRef,
  type StatisticalDesign,
} from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { fitLogLogSlope, median, pairedSummary, rangeQuantities, spearman } from 'claimcheck/core';
import { lineWithIntercept, permutationSpearman } from './association.js';
import { degree4Monomials, evenDegree4Monomials, kernelBaseline, type KernelBaseline } from './kernelBaselines.js';
import { correlationCurve, threeLayer, twoLayerBaseline, type NdlConfig } from './layerwise.js';
import { crossing, doublingGrid, firstReaching, medianCurve } from './sampleThreshold.js';
import { netBaseline } from './twoLayerNet.js';
import type { InnerActivation } from './stage1.js';

export const paper: PaperRef = {
  key: 'nichani-damian-lee-2023',
  title: 'Provable Guarantees for Nonlinear Feature Learning in Three-Layer Neural Networks',
  authors: 'Eshaan Nichani, Alex Damian, Jason D. Lee',
  venue: 'NeurIPS 2023 (arXiv v3, 2025)',
  arxiv: '2305.06986',
  confidence: 'medium',
};

/**
 * Pinned base seed of every quick example, chosen on 2026-12-06 and never examined before it was
 * pinned. The former pinned seed 2305 was looked at while the thresholds were set, so it is now a
 * calibration seed like the others (CALIBRATION.md).
 */
const PINNED = 48_611;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
/**
 * Base seeds examined while calibrating this paper's thresholds: never verdict seeds. 9301-9330:
 * the single-index recalibration of 2026-12-06; 9331-9336: the separation's; 9337: the
 * centred-ReLU power mutant of Thm 1 (calibrate.ts, CALIBRATION.md).
 */
const CALIBRATION_SEEDS = [1, 2, 3, 77, 2305, 9001, ...range(9301, 9337)];

interface BaseSeeded {
  readonly baseSeed: number;
}

/**
 * The pre-declared design shared by this paper's statistical and scaling claims: a case's seeds
 * are its base seed (per-seed keys are folds of it), ci and the confirmation stage rerun the same
 * configuration on a fresh base seed, and the thresholds were fixed on CALIBRATION_SEEDS.
 */
function ndlDesign<H extends BaseSeeded>(
  note: string,
  falseAlarm: { stageRate: number; how: string },
  extra: Omit<StatisticalDesign<H>, 'seeds' | 'reseed' | 'calibration' | 'falseAlarm'> = {},
): StatisticalDesign<H> {
  return {
    seeds: (h: H) => [h.baseSeed],
    reseed: (h: H, seed: number): H => ({ ...h, baseSeed: seed }),
    calibration: { seeds: CALIBRATION_SEEDS, note },
    falseAlarm,
    ...extra,
  };
}

/** The same for a mutant: confirm a first-stage survival on a fresh base seed. */
const mutantReseed = <H extends BaseSeeded>(): StatisticalDesign<H> => ({
  seeds: (h: H) => [h.baseSeed],
  reseed: (h: H, seed: number): H => ({ ...h, baseSeed: seed }),
});
/** Drift allowance in `claimcheck ci` for results whose numbers are float32: stage 1 uses float32 TF.js products and every ridge a Gram of float32 wasm-GEMM blocks. */
const TRAINED_BASELINE = { default: FLOAT32_TRAINED_BASELINE };

const N_TEST = 4000;
const LEVEL = 0.8;
const baseSeedArb = seedArb();
/** Expensive claims: pinned example at every profile, fresh base seeds only at thorough. */
const RUNS = { quick: 0, ci: 0, thorough: 1 };

const seedsOf = (R: number) => Array.from({ length: R }, (_, r) => r);
const quadratic = (d: number, m2: number, sigma2: InnerActivation, n = 0): NdlConfig => ({
  target: 'quadratic',
  d,
  n,
  m2,
  sigma2,
  nTest: N_TEST,
});

// ---------------------------------------------------------------------------------------------
// Thm 1 (mechanism): the learned feature phi ~ K f* tracks h* as n grows.

interface MechanismCase {
  readonly d: number;
  readonly m2: number;
  readonly ns: readonly number[];
  readonly seeds: number;
  readonly baseSeed: number;
  /** Inner activation; He2 (the claim's) when absent. */
  readonly sigma2?: InnerActivation;
}

const MECHANISM: MechanismCase = { d: 16, m2: 8000, ns: [1000, 2000, 4000, 8000], seeds: 5, baseSeed: PINNED };

function mechanismEvidence(h: MechanismCase, labels: 'true' | 'shuffled'): Evidence {
  const sigma2 = h.sigma2 ?? 'he2';
  const curves = seedsOf(h.seeds).map((r) => correlationCurve({ ...quadratic(h.d, h.m2, sigma2), labels }, h.baseSeed, r, h.ns));
  const med = medianCurve(curves);
  const last = med.length - 1;
  const steps = med.slice(1).map((m, k) => m - med[k]);
  const margins = curves.map((c) => (Number.isNaN(c[last]) ? 0 : c[last]) - LEVEL);
  const s = pairedSummary(
    margins,
    margins.map((m) => m >= 0),
  );
  const quantities: Record<string, number> = {
    seeds: h.seeds,
    signP: s.signP,
    ...rangeQuantities(
      `corr.n${h.ns[last]}`,
      curves.map((c) => c[last]),
    ),
  };
  h.ns.forEach((n, k) => {
    quantities[`corr@${n}`] = med[k];
  });
  return {
    conditions: [
      ge('smallest change of the median corr between consecutive n (drops <= 0.02 allowed)', Math.min(...steps), -0.02),
      ge(`median corr(phi, h*) at n = ${h.ns[last]}`, med[last], LEVEL),
    ],
    test: {
      name: 'median over seeds (catalog rule); one-sided sign test on per-seed corr - 0.8 at the largest n; Wilson interval of seeds with corr >= 0.8',
      pValue: s.signP,
      interval: s.wilson,
      confidence: 0.95,
      effect: { name: `median corr(phi, h*) at n = ${h.ns[last]}`, value: med[last] },
      scale: `quadratic target, ${sigma2 === 'he2' ? 'He2' : 'centred ReLU'}, d = ${h.d}, m2 = ${h.m2}, n in {${h.ns.join(', ')}}, R = ${h.seeds} seeds${labels === 'shuffled' ? ', labels shuffled' : ''}`,
      units: h.seeds,
    },
    quantities,
  };
}

export const thm1 = defineClaim({
  id: 'nichani-damian-lee-2023/thm1/learned-feature-tracks-kf',
  paper,
  theorem: 'Theorem 1 (NeurIPS and v3)',
  confidence: 'V2, R, C',
  kind: 'statistical',
  statement:
    'After stage 1 (one gradient step on W from W0 = 0) the learned feature is phi ~ etabar K f*; for f* = g*(x^T A x) it ' +
    'tracks h* once n >~ ||K f*||^{-2} (NeurIPS; v3: a condition involving ||K||_op [R]). Check (both versions: the ' +
    'mechanism is common to them): quadratic target, He2 sigma2, d = 16, m2 = 8000, n in {1000, 2000, 4000, 8000}, 5 seeds: ' +
    'the median corr(phi, h*) is non-decreasing in n (drops <= 0.02) and >= 0.8 at n = 8000 (~30 d^2).',
  notes:
    "The catalog's configuration. Training data are nested in n (one stream per seed; D1 = the first n/2 rows). corr on 4000 " +
    'fresh test points. The optional Monte-Carlo K f* comparison is not run. The sign test on per-seed corr - 0.8 at n = 8000 is ' +
    "reported, the verdict rests on the catalog's median rule.",
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): MechanismCase => ({ ...MECHANISM, baseSeed })),
  examples: [MECHANISM],
  runs: { quick: 1, ci: 2, thorough: 5 },
  design: ndlDesign<MechanismCase>('base seeds 1, 2, 3, 77, 2305, 9001 were examined (catalog configuration; CALIBRATION.md)', {
    stageRate: 1e-3,
    how:
      'per-seed corr at n = 8000 on calibration base seeds 77, 1, 3: 0.932 / 0.945 / 0.950 (medians 0.942-0.946 on 77, 1, 2), ' +
      '0.13 above 0.8 against a seed spread of ~0.01; the median rises by +0.02 to +0.03 per doubling of n between 2000 ' +
      'and 8000 on base seed 1 (doubling grid), 0.04-0.05 above the -0.02 allowance; a stage fails only with several ' +
      'seeds off by many spreads: declared 1e-3 as a conservative bound',
  }),
  check: (h: MechanismCase): Evidence => mechanismEvidence(h, 'true'),
  tolerance: exactThreshold('catalog thresholds fixed before the run: median corr >= 0.8 at the largest n, drops <= 0.02'),
  plot: { x: 'n (training samples)' },
  describe: (h: MechanismCase) =>
    `quadratic, He2, d = ${h.d}, m2 = ${h.m2}, n in {${h.ns.join(', ')}}, ${N_TEST} test points, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
});

interface LinearInnerCase {
  readonly halfD: number;
  readonly structure: 'diagonal' | 'random';
  readonly n: number;
  readonly m2: number;
  readonly baseSeed: number;
}

const LINEAR_N_TEST = 20_000;

export const thm1LinearInner = defineMutant({
  of: thm1,
  id: 'nichani-damian-lee-2023/thm1/learned-feature-tracks-kf~linear-inner-activation',
  baselineTolerance: TRAINED_BASELINE,
  change: 'sigma2(z) = z: the same guarantee (corr(phi, h*) >= 0.8) with linear inner features',
  status: 'safe',
  expected:
    'd = 2, A = diag(1, -1)/sqrt(2), any n and m2: phi is linear in x, so its population correlation with the even h* is exactly 0; |corr| on 20000 test points ~ 0.007',
  hypotheses: fc.record({
    halfD: fc.integer({ min: 1, max: 4 }),
    structure: fc.constantFrom('diagonal' as const, 'random' as const),
    n: fc.constantFrom(1000, 4000),
    m2: fc.constantFrom(200, 2000),
    baseSeed: baseSeedArb,
  }),
  runs: { quick: 3, ci: 5, thorough: 10 },
  design: mutantReseed<LinearInnerCase>(),
  check: (h: LinearInnerCase): Evidence => {
    const d = 2 * h.halfD;
    const c: NdlConfig = { target: 'quadratic', d, n: 0, m2: h.m2, sigma2: 'linear', nTest: LINEAR_N_TEST, structure: h.structure };
    const [corr] = correlationCurve(c, h.baseSeed, 0, [h.n]);
    if (Number.isNaN(corr)) return skipCase('phi is constant on the test set (u = 0): no correlation is defined');
    // Khat(x', x) = x'^T V^T V x / m2: phi is linear; x -> -x leaves h* and the law of x unchanged.
    const noise = 1 / Math.sqrt(LINEAR_N_TEST);
    return {
      conditions: [ge('corr(phi, h*) with linear inner features', corr, LEVEL)],
      test: {
        name: 'Pearson corr on fresh test points; the population value is exactly 0 (odd feature, even target, symmetric law)',
        interval: [corr - 4 * noise, corr + 4 * noise],
        confidence: 0.9999,
        effect: { name: 'corr(phi, h*)', value: corr },
        scale: `d = ${d}, n = ${h.n}, m2 = ${h.m2}, ${LINEAR_N_TEST} test points, 1 seed`,
      },
      quantities: { d, corr, absCorr: Math.abs(corr), samplingNoise: noise },
    };
  },
  tolerance: exactThreshold("threshold 0.8 fixed before the run (the claim's); the statistic is 0 in population"),
  describe: (h: LinearInnerCase) =>
    `sigma2(z) = z, quadratic target with ${h.structure === 'diagonal' ? `A = diag(1, -1, ...)/sqrt(${2 * h.halfD})` : 'a random trace-free A'}, d = ${2 * h.halfD}, n = ${h.n}, m2 = ${h.m2}, ${LINEAR_N_TEST} test points, base seed ${h.baseSeed}`,
});

export const thm1ShuffledLabels = defineMutant({
  of: thm1,
  id: 'nichani-damian-lee-2023/thm1/learned-feature-tracks-kf~shuffled-labels',
  change: 'the same check on a stage 1 that sees permuted labels (y independent of x): the learned feature still tracks h*',
  status: 'safe',
  purpose: 'power',
  expected:
    "the claim's configuration with the D1 labels permuted: u is then an average of noise times sigma2(V x), the population " +
    'K f* term vanishes, and corr(phi, h*) stays near 0 (|corr| ~ 0.1) at every n, far below 0.8',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): MechanismCase => ({ ...MECHANISM, baseSeed })),
  examples: [MECHANISM],
  runs: { quick: 0, ci: 1, thorough: 2 },
  design: mutantReseed<MechanismCase>(),
  check: (h: MechanismCase): Evidence => mechanismEvidence(h, 'shuffled'),
  tolerance: exactThreshold("the claim's thresholds (median corr >= 0.8 at the largest n, drops <= 0.02)"),
  describe: (h: MechanismCase) =>
    `quadratic, He2, d = ${h.d}, m2 = ${h.m2}, n in {${h.ns.join(', ')}}, training labels permuted, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
});

export const thm1CentredRelu = defineMutant({
  of: thm1,
  id: 'nichani-damian-lee-2023/thm1/learned-feature-tracks-kf~centred-relu-below-sample-condition',
  baselineTolerance: TRAINED_BASELINE,
  change:
    "the claim's check with a centred-ReLU sigma2 (nonzero degree-0 and degree-1 Hermite parts) at the same n <= 8000: the " +
    'learned feature still tracks h* (median corr >= 0.8 at n = 8000)',
  status: 'safe [C]',
  purpose: 'power',
  expected:
    "the theorem's sample condition is not met: with the centred ReLU the population K f* is dominated by the kernel's " +
    'constant and linear parts, so the feature is learned only once n >~ d^4 (= 65536 at d = 16; catalog [C]: corr 0.50 at ' +
    'n = 16000), far above 8000. Calibration (base seed 9337, seeds 0-4, m2 = 8000): corr at n = 8000 0.41-0.50 (median ' +
    '0.44), rising with n (median 0.17 / 0.23 / 0.34 / 0.44 at n = 1000 ... 8000): the curve climbs, but too slowly for 0.8',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): MechanismCase => ({ ...MECHANISM, sigma2: 'relu', baseSeed })),
  examples: [{ ...MECHANISM, sigma2: 'relu' }],
  runs: { quick: 0, ci: 1, thorough: 2 },
  design: mutantReseed<MechanismCase>(),
  check: (h: MechanismCase): Evidence => mechanismEvidence(h, 'true'),
  tolerance: exactThreshold("the claim's thresholds (median corr >= 0.8 at the largest n, drops <= 0.02)"),
  describe: (h: MechanismCase) =>
    `quadratic, centred-ReLU sigma2, d = ${h.d}, m2 = ${h.m2}, n in {${h.ns.join(', ')}}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
});

// ---------------------------------------------------------------------------------------------
// Scaling: n_0.8(d) on a doubling grid, fitted log-log slope.

interface ThresholdCase {
  readonly target: 'single-index' | 'quadratic';
  readonly sigma2: InnerActivation;
  readonly ds: readonly number[];
  readonly grid: readonly number[];
  readonly m2: number;
  readonly seeds: number;
  readonly baseSeed: number;
}

interface ThresholdResult {
  /** Interpolated crossings of the median curve (log-linear between grid points); undefined if censored. */
  readonly n08: readonly (number | undefined)[];
  /** First grid point reaching the level (the catalog's raw n_0.8), for the report. */
  readonly rawN08: readonly (number | undefined)[];
  readonly medians: readonly (readonly number[])[];
}

function thresholds(h: ThresholdCase): ThresholdResult {
  const medians = h.ds.map((d) =>
    medianCurve(
      seedsOf(h.seeds).map((r) =>
        correlationCurve({ target: h.target, d, n: 0, m2: h.m2, sigma2: h.sigma2, nTest: N_TEST }, h.baseSeed, r, h.grid),
      ),
    ),
  );
  return {
    medians,
    n08: medians.map((m) => crossing(h.grid, m, LEVEL)),
    rawN08: medians.map((m) => firstReaching(h.grid, m, LEVEL)),
  };
}

interface SlopeBound {
  readonly name: string;
  readonly max?: number;
  readonly min?: number;
}

/** The fitted slope as evidence, or a skip naming the censored dimensions. */
function slopeEvidence(h: ThresholdCase, bounds: readonly SlopeBound[]): Evidence {
  const { n08, rawN08, medians } = thresholds(h);
  const censored = h.ds.filter((_, i) => n08[i] === undefined);
  if (censored.length > 0) {
    return skipCase(
      `n_0.8 censored: the median corr never reaches 0.8 up to n = ${h.grid[h.grid.length - 1]} at d = ${censored.join(', ')}`,
    );
  }
  const ns = n08 as number[];
  const fit = fitLogLogSlope(h.ds, ns);
  const quantities: Record<string, number> = { slope: fit.slope, slopeLow: fit.ciLow, slopeHigh: fit.ciHigh, r2: fit.r2 };
  h.ds.forEach((d, i) => {
    quantities[`n08@${d}`] = ns[i];
    quantities[`gridN08@${d}`] = rawN08[i] as number;
    quantities[`corrAtGridN08@${d}`] = medians[i][h.grid.indexOf(rawN08[i] as number)];
  });
  return {
    conditions: bounds.flatMap((b) => [
      ...(b.max !== undefined ? [le(b.name, fit.slope, b.max)] : []),
      ...(b.min !== undefined ? [ge(b.name, fit.slope, b.min)] : []),
    ]),
    test: {
      name:
        `least-squares slope of log n_0.8 on log d (n_0.8: where the median corr over ${h.seeds} seeds crosses 0.8, ` +
        'interpolated in log n between the doubling-grid points around it); t interval over the dimensions',
      interval: [fit.ciLow, fit.ciHigh],
      confidence: 0.95,
      effect: { name: 'fitted exponent of n_0.8(d)', value: fit.slope },
      scale: `${h.target}, ${h.sigma2} sigma2, d in {${h.ds.join(', ')}}, m2 = ${h.m2}, n in {${h.grid[0]}, ..., ${h.grid[h.grid.length - 1]}}, R = ${h.seeds} seeds`,
      units: h.seeds,
      gridPoints: h.ds.length,
    },
    quantities,
  };
}

const describeThreshold = (h: ThresholdCase) =>
  `${h.target} target, ${h.sigma2} sigma2, d in {${h.ds.join(', ')}}, m2 = ${h.m2}, doubling grid n = ${h.grid[0]} ... ${h.grid[h.grid.length - 1]}, ` +
  `${N_TEST} test points, R = ${h.seeds} seeds from base seed ${h.baseSeed}`;

const SINGLE_INDEX: ThresholdCase = {
  target: 'single-index',
  sigma2: 'relu',
  ds: [16, 24, 32, 64, 128],
  grid: doublingGrid(8, 2048),
  m2: 2000,
  seeds: 5,
  baseSeed: PINNED,
};

export const singleIndex = defineClaim({
  id: 'nichani-damian-lee-2023/single-index/near-linear-sample-complexity',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'single-index corollary',
  confidence: 'R (NeurIPS rate), V2 (v3 rate), C',
  kind: 'scaling',
  statement:
    'f* = g*(beta^T x), x ~ N(0, I_d): n = O~(d^2) samples suffice (NeurIPS version) and n = Theta~(d) (v3). Check: ReLU g*, ' +
    'centred-ReLU sigma2, m2 = 2000, d in {16, 24, 32, 64, 128} (5 grid points): the fitted log-log slope of n_0.8(d) is ' +
    '<= 2 + 0.5 (NeurIPS) and <= 1 + 0.5 (v3), and its 95% interval excludes 0.25 (n flat in d, the ~constant-samples rate).',
  notes:
    'Targets both versions (one condition each). n_0.8 is where the median corr over 5 seeds crosses 0.8, interpolated in ' +
    'log n between the doubling-grid points around it (raw grid values: gridN08@d): on the raw doubling grid the slope moved ' +
    'in steps of ~0.3 and the t interval collapsed to [1, 1]; interpolated, calibration (base seeds 1, 2, 3) gives slopes ' +
    "0.96 / 1.02 / 1.21 with 95% intervals [0.78, 1.14] / [0.73, 1.30] / [0.92, 1.50]: the v3 margin (1.5) is ~0.3-0.5. Deviation: stage 1 uses n/2 rows (Algorithm 1's split), " +
    "so n_0.8 is 2x the catalog's calibration. A constant phi (all D1 labels equal, possible at n = 8) counts as corr 0. " +
    'Censored grids are skipped, never extrapolated.',
  plot: {
    x: 'd',
    references: [
      { series: 'n08', exponent: 2, label: 'd^2 (NeurIPS)' },
      { series: 'n08', exponent: 1, label: 'd (v3)' },
    ],
  },
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): ThresholdCase => ({ ...SINGLE_INDEX, baseSeed })),
  examples: [SINGLE_INDEX],
  runs: RUNS,
  design: ndlDesign<ThresholdCase>(
    'interpolated crossings on base seeds 1, 2, 3 (slopes 0.96, 1.02, 1.21) and 9301-9330 (30 base seeds, calibrate.ts); raw grids on 1, 2, 77, 2305 (CALIBRATION.md)',
    {
      stageRate: 1e-3,
      how:
        "calibration slopes on the claim's exact configuration (5 dimensions, interpolated crossings): base seeds 1, 2, 3: " +
        '0.96 / 1.02 / 1.21; 30 further base seeds 9301-9330 (calibrate.ts, 2026-12-06): median 1.13, range 1.00-1.28, none ' +
        'above 1.5 or censored; all 33: mean 1.12, sd 0.084. A stage fails if the slope exceeds 1.5 (the v3 bound; 2.5 is ' +
        'weaker): the Student-t predictive tail (32 df) above 1.5 is 5.3e-5 (30 new seeds alone: 3.6e-5, 29 df). Declared ' +
        '1e-3, 20x the t tail, as a cushion for tails heavier than normal (no slope within 0.2 of 1.5 in 33). The interval ' +
        'lower ends (0.50-1.12) are far above the alternative 0.25',
    },
    {
      alternative: { value: 0.25, label: 'n_0.8 flat in d (the ~constant-samples mutant: slope <= 0.25)' },
    },
  ),
  check: (h: ThresholdCase) =>
    slopeEvidence(h, [
      { name: 'fitted slope of log n_0.8 on log d (NeurIPS: 2 + 0.5)', max: 2.5 },
      { name: 'fitted slope of log n_0.8 on log d (v3: 1 + 0.5)', max: 1.5 },
    ]),
  tolerance: exactThreshold('catalog bounds on the exponent fixed before the run: 2 + 0.5 (NeurIPS), 1 + 0.5 (v3)'),
  describe: describeThreshold,
});

interface ConstantSamplesCase {
  readonly dSmall: number;
  readonly ratioLog2: number;
  readonly baseSeed: number;
}

const CONSTANT_GRID = doublingGrid(8, 2048);

export const singleIndexConstant = defineMutant({
  of: singleIndex,
  id: 'nichani-damian-lee-2023/single-index/near-linear-sample-complexity~constant-samples',
  baselineTolerance: TRAINED_BASELINE,
  change: 'a number of samples independent of d suffices: n_0.8(d) flat (fitted slope <= 0.25)',
  status: 'safe [C]',
  purpose: 'power',
  expected:
    'two dimensions, d = 32 vs d = 128, 5 seeds: n_0.8(32) = 256 on the doubling grid, and d = 128 stays below 0.8 at the n = 256 (128/32)^0.25 = 363 that a slope of 0.25 allows',
  hypotheses: fc.record({
    dSmall: fc.constantFrom(32, 16, 64),
    ratioLog2: fc.constantFrom(2, 1, 3),
    baseSeed: baseSeedArb,
  }),
  runs: { quick: 2, ci: 3, thorough: 6 },
  design: mutantReseed<ConstantSamplesCase>(),
  check: (h: ConstantSamplesCase): Evidence => {
    const dLarge = h.dSmall * 2 ** h.ratioLog2;
    const config = (d: number): NdlConfig => ({ target: 'single-index', d, n: 0, m2: 2000, sigma2: 'relu', nTest: N_TEST });
    const smallCurve = medianCurve(seedsOf(5).map((r) => correlationCurve(config(h.dSmall), h.baseSeed, r, CONSTANT_GRID)));
    const nSmall = firstReaching(CONSTANT_GRID, smallCurve, LEVEL);
    if (nSmall === undefined) return skipCase(`n_0.8(${h.dSmall}) censored: the median corr never reaches 0.8 up to n = 2048`);
    // Two points with slope <= 0.25 mean n_0.8(dLarge) <= n_0.8(dSmall) (dLarge/dSmall)^0.25.
    const nLarge = Math.ceil(nSmall * 2 ** (0.25 * h.ratioLog2));
    const large = seedsOf(5)
      .map((r) => correlationCurve(config(dLarge), h.baseSeed, r, [nLarge])[0])
      .map((v) => (Number.isNaN(v) ? 0 : v));
    const s = pairedSummary(
      large.map((v) => v - LEVEL),
      large.map((v) => v >= LEVEL),
    );
    return {
      conditions: [
        ge(
          `median corr at d = ${dLarge}, n = ${nLarge} (n_0.8(${h.dSmall}) = ${nSmall} times the ratio a slope of 0.25 allows)`,
          median(large),
          LEVEL,
        ),
      ],
      test: {
        name: 'median over 5 seeds; one-sided sign test on per-seed corr - 0.8 at the larger d',
        pValue: s.signP,
        interval: s.wilson,
        confidence: 0.95,
        effect: { name: `median corr at d = ${dLarge}`, value: median(large) },
        scale: `single-index, centred ReLU, m2 = 2000, n_0.8(${h.dSmall}) = ${nSmall}, d = ${dLarge} at n = ${nLarge}, 5 seeds`,
      },
      quantities: {
        dSmall: h.dSmall,
        dLarge,
        nSmall,
        nLarge,
        corrSmallAtN08: smallCurve[CONSTANT_GRID.indexOf(nSmall)],
        ...rangeQuantities('corrLarge', large),
      },
    };
  },
  tolerance: exactThreshold("the level 0.8 and the exponent 0.25 are the mutant statement's, fixed before the run"),
  describe: (h: ConstantSamplesCase) =>
    `single-index, centred ReLU, m2 = 2000: n_0.8(${h.dSmall}) on the doubling grid 8 ... 2048 vs d = ${h.dSmall * 2 ** h.ratioLog2} at n_0.8(${h.dSmall}) (${2 ** h.ratioLog2})^0.25, 5 seeds from base seed ${h.baseSeed}`,
});

const QUADRATIC_HE2: ThresholdCase = {
  target: 'quadratic',
  sigma2: 'he2',
  ds: [8, 12, 16, 24, 32],
  grid: doublingGrid(8, 16384),
  m2: 8000,
  seeds: 5,
  baseSeed: PINNED,
};

/** He2's exponent (the ||K||_op regime, n ~ d^2) with a two-sided band, fixed on calibration seeds (slopes 2.05-2.24). */
const HE2_BAND = { min: 1.5, max: 2.5 };

export const quadraticD4 = defineClaim({
  id: 'nichani-damian-lee-2023/quadratic/d4-sample-complexity',
  paper,
  theorem: 'quadratic-feature corollary',
  confidence: 'V2, C',
  kind: 'scaling',
  statement:
    'f* = g*(x^T A x) is learned with n = Theta~(d^4) samples (NeurIPS version); with an inner activation without degree-0 ' +
    'and degree-1 Hermite parts (He2) the feature is learned with n ~ d^2 (the ||K||_op improvement; v3 reports Theta~(d^2) ' +
    '[V2]). Check: ReLU g*, He2 sigma2, m2 = 8000, d in {8, 12, 16, 24, 32}: the fitted log-log slope of n_0.8(d) lies in ' +
    `the two-sided band [${HE2_BAND.min}, ${HE2_BAND.max}] around 2 (so also <= 4 + 0.5, the NeurIPS bound), and its 95% ` +
    'interval excludes 1 (linear in d).',
  notes:
    'The NeurIPS bound (slope <= 4.5) alone cannot fail for He2 (slope ~2): the two-sided band around 2 is what the check ' +
    'asserts, and the fitted interval must exclude the ~linear-in-d rate. n_0.8 is the crossing of 0.8 interpolated in log n ' +
    'between doubling-grid points (the raw grid values are reported as gridN08@d); calibration (base seeds 1, 2, 3, 77): ' +
    'slopes 2.24 / 2.08 / 2.05 / 2.09, 95% intervals of half-width 0.12-0.31. The centred-ReLU witness is not run: its ' +
    'curve needs n of order d^4 (~1e6 at d = 32; corr 0.50 at d = 16, n = 16000 here), beyond the budgets (a deviation). ' +
    'm2 = 8000 at every d (catalog: >= 8000); m2 = 16000 moved the d = 24 and 32 medians by <= 0.02 in calibration.',
  plot: {
    x: 'd',
    references: [
      { series: 'n08', exponent: 4, label: 'd^4 (NeurIPS)' },
      { series: 'n08', exponent: 2, label: 'd^2' },
    ],
  },
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): ThresholdCase => ({ ...QUADRATIC_HE2, baseSeed })),
  examples: [QUADRATIC_HE2],
  runs: RUNS,
  design: ndlDesign<ThresholdCase>(
    'He2 crossings on base seeds 1, 2, 3, 77 (slopes 2.05-2.24); 2305 and 9001 were examined earlier (CALIBRATION.md)',
    {
      stageRate: 0.018,
      how:
        'calibration slopes 2.24 / 2.08 / 2.05 / 2.09 (mean 2.11, sd 0.08): the Student-t predictive tail (3 df) outside the band ' +
        '[1.5, 2.5] is 0.017 (a normal tail would say < 1e-6, but four seeds cannot pin it); the largest interval (upper ' +
        'half-width 0.31) stays 0.7 above 1',
    },
    { alternative: { value: 1, label: 'linear in d (the ~linear-in-d mutant)' } },
  ),
  check: (h: ThresholdCase) =>
    slopeEvidence(h, [
      { name: 'fitted slope of log n_0.8 on log d (NeurIPS: <= 4 + 0.5)', max: 4.5 },
      { name: `fitted slope of log n_0.8 on log d (He2: band [${HE2_BAND.min}, ${HE2_BAND.max}] around 2)`, ...HE2_BAND },
    ]),
  tolerance: exactThreshold(`bounds on the exponent fixed before the run: 4 + 0.5 (NeurIPS); He2 band [${HE2_BAND.min}, ${HE2_BAND.max}]`),
  describe: describeThreshold,
});

interface LinearInDCase {
  readonly d: number;
  readonly baseSeed: number;
}

export const quadraticLinearInD = defineMutant({
  of: quadraticD4,
  id: 'nichani-damian-lee-2023/quadratic/d4-sample-complexity~linear-in-d',
  baselineTolerance: TRAINED_BASELINE,
  change: 'n = O(d) samples suffice for quadratic features with He2 sigma2: median corr >= 0.8 at n = 32 d',
  status: 'safe [C]',
  purpose: 'power',
  expected:
    "He2 sigma2 (the claim's setting), m2 = 8000, 5 seeds: d = 32, n = 32 d = 1024 gives median corr ~0.6 (n_0.8 ~ 3400, " +
    'calibration) and d = 24, n = 768 ~0.66: the feature needs ~d^2 samples',
  // d >= 24: at d = 8, n = 32 d = 256 is already past n_0.8 ~ 190 (32 d > 3 d^2 only for d < 11).
  hypotheses: fc.record({ d: fc.constantFrom(32, 24), baseSeed: baseSeedArb }),
  examples: [{ d: 32, baseSeed: PINNED }],
  runs: { quick: 0, ci: 1, thorough: 3 },
  design: mutantReseed<LinearInDCase>(),
  check: ({ d, baseSeed }: LinearInDCase): Evidence => {
    const n = 32 * d;
    const corr = seedsOf(5)
      .map((r) => correlationCurve(quadratic(d, 8000, 'he2'), baseSeed, r, [n])[0])
      .map((v) => (Number.isNaN(v) ? 0 : v));
    const s = pairedSummary(
      corr.map((v) => v - LEVEL),
      corr.map((v) => v >= LEVEL),
    );
    return {
      conditions: [ge(`median corr(phi, h*) at n = 32 d = ${n}`, median(corr), LEVEL)],
      test: {
        name: 'median over 5 seeds; one-sided sign test on per-seed corr - 0.8',
        pValue: s.signP,
        interval: s.wilson,
        confidence: 0.95,
        effect: { name: 'median corr(phi, h*)', value: median(corr) },
        scale: `quadratic, He2, d = ${d}, n = ${n}, m2 = 8000, 5 seeds`,
        units: 5,
      },
      quantities: { d, n, ...rangeQuantities('corr', corr) },
    };
  },
  tolerance: exactThreshold("the level 0.8 and n = 32 d are the mutant statement's, fixed before the run"),
  describe: ({ d, baseSeed }: LinearInDCase) =>
    `quadratic target, He2 sigma2, d = ${d}, n = 32 d = ${32 * d}, m2 = 8000, 5 seeds from base seed ${baseSeed}`,
});

// ---------------------------------------------------------------------------------------------
// Separation (proxy): the three-layer learner against a panel of two-layer baselines.

type Baseline = 'rf' | 'nn' | KernelBaseline;

const BASELINE_LABEL: Record<Baseline, string> = {
  rf: 'ReLU random features (width 3000, ridge)',
  nn: 'gradient-trained two-layer ReLU network (width 512, float64 Adam; rate and steps chosen on the holdout)',
  poly2: 'degree-2 polynomial kernel ridge',
  poly4: 'degree-4 polynomial kernel ridge',
  rbf: 'RBF kernel ridge (lengthscale sqrt(d))',
};

interface SeparationCase {
  readonly d: number;
  readonly n: number;
  readonly m2: number;
  readonly seeds: number;
  /** Seeds in which the three-layer learner must beat each asserted baseline. */
  readonly need: number;
  /** The baselines the check asserts the three-layer learner beats (named in the verdict). */
  readonly beat: readonly Baseline[];
  readonly baseSeed: number;
}

function baselineNmse(b: Baseline, c: NdlConfig, baseSeed: number, r: number): number {
  if (b === 'rf') return twoLayerBaseline(c, baseSeed, r).nmse;
  return b === 'nn' ? netBaseline(c, baseSeed, r).nmse : kernelBaseline(b, c, baseSeed, r).nmse;
}

/**
 * Per asserted baseline, the seeds where the three-layer learner's test NMSE is lower (paired
 * data) and the one-sided sign test of each; "beats every asserted baseline" is an intersection
 * of one-sided tests, so its p-value is the largest of theirs (intersection-union). Seeds run in
 * order and stop once the rule can no longer hold (more than R - need losses against a baseline):
 * the seed-count verdict is then decided, and the remaining seeds would cost minutes of kernel
 * ridge for nothing.
 */
function separationEvidence(h: SeparationCase, role: string): Evidence {
  const c = quadratic(h.d, h.m2, 'he2', h.n);
  const three: number[] = [];
  const corr: number[] = [];
  const other: number[][] = h.beat.map(() => []);
  for (let r = 0; r < h.seeds; r++) {
    const t = threeLayer(c, h.baseSeed, r);
    three.push(t.nmse);
    corr.push(t.corr);
    h.beat.forEach((b, i) => other[i].push(baselineNmse(b, c, h.baseSeed, r)));
    const lost = other.some((o) => o.filter((v, k) => !(v - three[k] > 0)).length > h.seeds - h.need);
    if (lost) break;
  }
  const ran = three.length;
  const quantities: Record<string, number> = {
    seeds: h.seeds,
    seedsRun: ran,
    need: h.need,
    degree4Monomials: degree4Monomials(h.d),
    evenDegree4Monomials: evenDegree4Monomials(h.d),
    ...rangeQuantities('nmse3', three),
    ...rangeQuantities('corr', corr),
  };
  const per = h.beat.map((b, i) => {
    const margins = other[i].map((o, r) => o - three[r]);
    const s = pairedSummary(
      margins.map((m) => (Number.isNaN(m) ? 0 : m)),
      margins.map((m) => m > 0),
    );
    Object.assign(quantities, rangeQuantities(`nmse.${b}`, other[i]), { [`wins.${b}`]: s.passes, [`signP.${b}`]: s.signP });
    return { b, s };
  });
  const worst = per.reduce((w, x) => (x.s.signP > w.s.signP ? x : w));
  return {
    conditions: per.map((x) =>
      ge(`seeds with NMSE_3-layer < NMSE of the ${BASELINE_LABEL[x.b]} (need ${h.need} of ${h.seeds})`, x.s.passes, h.need),
    ),
    test: {
      name: `one-sided sign test per asserted baseline on per-seed NMSE_baseline - NMSE_3-layer; p = the largest (intersection-union test); ${role}`,
      pValue: worst.s.signP,
      interval: worst.s.wilson,
      confidence: 0.95,
      effect: { name: `median NMSE_${worst.b} - NMSE_3-layer`, value: worst.s.medianDifference },
      scale: `quadratic, He2, d = ${h.d}, n = ${h.n} (< C(d + 4, 4) = ${degree4Monomials(h.d)} monomials of degree <= 4; ${evenDegree4Monomials(h.d)} of degree 0, 2, 4), m2 = ${h.m2}, ${ran} of R = ${h.seeds} paired seeds run`,
      units: ran,
    },
    quantities,
  };
}

const describeSeparation = (h: SeparationCase) =>
  `quadratic target, He2 sigma2, d = ${h.d}, n = ${h.n}, m2 = ${h.m2}, m1 = 400; against ${h.beat.map((b) => BASELINE_LABEL[b]).join(', ')}; ` +
  `${N_TEST} test points, ridge chosen on a 4000-row holdout, R = ${h.seeds} paired seeds from base seed ${h.baseSeed}`;

const SEPARATION: SeparationCase = { d: 16, n: 4096, m2: 8000, seeds: 5, need: 5, beat: ['rf'], baseSeed: PINNED };

export const separation = defineClaim({
  id: 'nichani-damian-lee-2023/separation/three-layer-beats-two-layer',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'depth separation (abstract)',
  confidence: 'V (abstract), R (construction), C (proxy)',
  kind: 'statistical',
  statement:
    'A function efficiently learnable by gradient descent on a three-layer network that no efficient two-layer network learns ' +
    '(NeurIPS and v3). Proxy, and all this check shows: quadratic target, He2 sigma2, d = 16, m2 = 8000, n = 4096 below the ' +
    "C(20, 4) = 4845 monomials of degree <= 4 (but above the 4013 of degree 0, 2 and 4, which suffice for this even target): the three-layer learner's test NMSE is below that of the ReLU random-feature model " +
    '(width 3000, ridge) in 5 of 5 paired seeds. Verdict: it beats random features, and that is all the check asserts. ' +
    'On 10 calibration seeds (not re-run in a verdict) it also beat degree-2 polynomial kernel ridge (10 of 10), but NOT ' +
    'RBF or degree-4 polynomial kernel ridge (3 of 10 each; the ~beats-best-kernel power mutant is refuted) nor a ' +
    'gradient-trained two-layer ReLU network (6 of 10, margins -0.016 to +0.045), so no separation from the best two-layer ' +
    'baseline is shown.',
  notes:
    'Baselines, each with its ridge (or, for the network, learning rate and step count) chosen on the same 4000-row holdout ' +
    "(never the test set): random features ReLU(W x + b) (width 3000), kernel ridge with (1 + <x, x'>/d)^2, (1 + <x, x'>/d)^4 " +
    "and exp(-||x - x'||^2 / (2d)), and a gradient-trained two-layer network c + sum a_j ReLU(w_j . x + b_j) (width 512, all " +
    'parameters trained by minibatch float64 Adam on all n rows, batch 128, learning rate in {1e-3, 3e-3, 1e-2} and up to 3000 ' +
    "steps, early-stopped on the holdout every 100 steps; twoLayerNet.ts). Panel at the claim's configuration (d = 16, " +
    'n = 4096, calibration base seeds 9331 and 9332, seeds 0-4 each; CALIBRATION.md), test NMSE, median (range) over 10 ' +
    'seeds: three-layer 0.159 (0.136-0.196); random features 0.247 (0.224-0.263); degree-2 0.232 (0.206-0.252); degree-4 ' +
    '0.149 (0.133-0.161); RBF 0.148 (0.133-0.161); network 0.172 (0.145-0.195). The three-layer learner has the lower NMSE ' +
    'against random features in 10/10 (and 35/35 over all calibration seeds), degree-2 10/10, the network 6/10, degree-4 and ' +
    'RBF 3/10 each. The network chose rate 1e-2 at 1700-3000 steps every time: a wider grid could only lower its NMSE. Only ' +
    'the random-feature comparison is checked (the network costs 40-60 s per seed, the kernels 10-50 s). Earlier (base seeds 9001, 77): d = 12, n = 1152 (3 seeds): the best kernel wins 3 of 3; d = 16, n = 2048 (3 ' +
    'seeds): ratio of the three-layer NMSE to the best kernel 0.88-1.13. The RF comparison at the catalog n = 8000 (> 4845) ' +
    'was 10/10 on base seed 2305 (that R was cut after seeing 10/10: the seed is now a calibration seed). Seeds run in order ' +
    'and stop once the seed-count rule is decided.',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): SeparationCase => ({ ...SEPARATION, baseSeed })),
  examples: [SEPARATION],
  runs: { quick: 0, ci: 0, thorough: 1 },
  design: ndlDesign<SeparationCase>(
    'd = 16, n = 4096: base seeds 9001 (1 seed), 77 (4 seeds) and 9331-9336 (30 seeds, calibrate.ts); the panel on 9001, 9331 and 9332 (CALIBRATION.md)',
    {
      stageRate: 0.005,
      how:
        "per-seed margins NMSE_RF - NMSE_3-layer at the claim's configuration (d = 16, n = 4096, m2 = 8000, He2) on 35 " +
        'calibration seeds: 0.065 / 0.094 / 0.062 / 0.104 (base seed 77), 0.081 (9001), and 30 seeds of base seeds 9331-9336 ' +
        '(calibrate.ts, 2026-12-06): median 0.091, range 0.030-0.120; all 35: mean 0.086, sd 0.021, no seed lost. Student-t ' +
        'predictive chance that a new seed is lost (margin <= 0; 34 df): 1.5e-4, so the 5-of-5 rule fails with probability ' +
        '<= 5 x 1.5e-4 = 7.3e-4 (union bound; the 30 new seeds alone: 2.3e-4 per seed, 1.2e-3 per stage). Declared 0.005, ' +
        '~7x that, as a cushion for non-normal tails (was 0.037 from 5 margins, 4 df)',
    },
  ),
  check: (h: SeparationCase): Evidence => separationEvidence(h, 'the claim'),
  tolerance: exactThreshold('seed-count rule fixed before the run: 5 of 5 paired seeds'),
  describe: describeSeparation,
});

export const separationBeatsBestKernel = defineMutant({
  of: separation,
  id: 'nichani-damian-lee-2023/separation/three-layer-beats-two-layer~beats-best-kernel',
  change: 'the same check against the strongest baseline of the panel: the three-layer learner also beats RBF kernel ridge',
  status: 'expected',
  purpose: 'power',
  expected:
    'calibration at d = 16, n = 4096: base seed 9001: three-layer 0.177 vs RBF 0.160 (and degree-4 polynomial 0.160); base ' +
    'seeds 9331 and 9332, seeds 0-4 each: RBF has the lower NMSE in 7 of 10 (three-layer 0.136-0.196, RBF 0.133-0.161); at ' +
    'n = 2048, 3 seeds: RBF wins 1 of 3; at d = 12, n = 1152, 3 seeds: RBF wins 3 of 3. The first seed the three-layer ' +
    'learner loses decides the 5-of-5 rule',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): SeparationCase => ({ ...SEPARATION, beat: ['rbf'], baseSeed })),
  examples: [{ ...SEPARATION, beat: ['rbf'] }],
  runs: { quick: 0, ci: 0, thorough: 1 },
  design: mutantReseed<SeparationCase>(),
  check: (h: SeparationCase): Evidence => separationEvidence(h, 'power mutant: the strongest baseline'),
  tolerance: exactThreshold("the claim's seed-count rule"),
  describe: describeSeparation,
});

// ---------------------------------------------------------------------------------------------
// Experiments: test loss goes to 0 as corr(phi, h*) goes to 1.

interface LayerwiseConfig {
  readonly d: number;
  readonly n: number;
  readonly m2: number;
  readonly sigma2: InnerActivation;
}

interface AssociationCase {
  readonly configs: readonly LayerwiseConfig[];
  readonly seeds: number;
  readonly baseSeed: number;
}

const ASSOCIATION: AssociationCase = {
  configs: [16, 32].flatMap((d) => [
    { d, n: 2000, m2: 2000, sigma2: 'he2' as const },
    { d, n: 8000, m2: 8000, sigma2: 'he2' as const },
    { d, n: 4000, m2: 2000, sigma2: 'relu' as const },
    { d, n: 16000, m2: 2000, sigma2: 'relu' as const },
  ]),
  seeds: 5,
  baseSeed: PINNED,
};

const configLabel = (c: LayerwiseConfig) => `${c.sigma2}/d${c.d}/n${c.n}/m${c.m2}`;

function associationPairs(h: AssociationCase, stage2: 'relu' | 'linear' = 'relu') {
  return h.configs.map((c) => seedsOf(h.seeds).map((r) => threeLayer(quadratic(c.d, c.m2, c.sigma2, c.n), h.baseSeed, r, stage2)));
}

/** Upper bound on the loss extrapolated to corr = 1 (calibration: upper bounds 0.062-0.068; linear stage 2: 0.21). */
const INTERCEPT_MAX = 0.1;

/**
 * Configuration-level evidence: Spearman over configurations (exact permutation p-value) and the
 * loss extrapolated to a perfect feature (association.ts).
 */
function associationEvidence(h: AssociationCase, stage2: 'relu' | 'linear'): Evidence {
  const table = associationPairs(h, stage2);
  const medCorr = table.map((rows) => median(rows.map((t) => (Number.isFinite(t.corr) ? t.corr : 0))));
  const medNmse = table.map((rows) => median(rows.map((t) => (Number.isFinite(t.nmse) ? t.nmse : 1))));
  const sp = permutationSpearman(medCorr, medNmse);
  const line = lineWithIntercept(
    medCorr.map((c) => 1 - c * c),
    medNmse,
  );
  const best = medCorr.indexOf(Math.max(...medCorr));
  const quantities: Record<string, number> = {
    configurations: h.configs.length,
    seeds: h.seeds,
    rho: sp.rho,
    pNegative: sp.pNegative,
    nmseAtPerfectFeature: line.intercept,
    nmseAtPerfectFeatureUpper: line.interceptUpper,
    slopeIn1MinusCorr2: line.slope,
    bestNmse: medNmse[best],
    bestCorr: medCorr[best],
  };
  h.configs.forEach((c, i) => {
    quantities[`corr.${configLabel(c)}`] = medCorr[i];
    quantities[`nmse.${configLabel(c)}`] = medNmse[i];
  });
  return {
    conditions: [
      le('Spearman rho(median corr, median NMSE) over configurations', sp.rho, -0.7),
      le(
        'one-sided 95% upper bound of the NMSE extrapolated to corr = 1 (intercept of median NMSE on 1 - corr^2 over configurations)',
        line.interceptUpper,
        INTERCEPT_MAX,
      ),
      ge('slope of median NMSE in 1 - corr^2 (the loss falls as corr rises)', line.slope, 0),
    ],
    test: {
      name: `exact one-sided permutation test of Spearman rho < 0 over ${h.configs.length} configurations (medians over ${h.seeds} seeds each)`,
      pValue: sp.pNegative,
      effect: { name: 'Spearman rho over configurations', value: sp.rho },
      scale: `${h.configs.length} configurations x ${h.seeds} seeds (${h.configs.map(configLabel).join(', ')})${stage2 === 'linear' ? ', linear stage 2' : ''}`,
      units: h.configs.length,
    },
    quantities,
  };
}

export const lossTracksCorrelation = defineClaim({
  id: 'nichani-damian-lee-2023/exp/loss-tracks-feature-correlation',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'experiments (Sec. 5)',
  confidence: 'V2, C',
  kind: 'statistical',
  statement:
    'The test loss goes to 0 as corr(phi, h*) approaches 1 (NeurIPS experiments). Check: quadratic target, d in {16, 32}, He2 ' +
    '(n, m2) in {(2000, 2000), (8000, 8000)} and centred ReLU (n, m2) in {(4000, 2000), (16000, 2000)}, 5 seeds per ' +
    'configuration; per configuration the medians over seeds: Spearman rho(corr, NMSE) over the 8 configurations <= -0.7 ' +
    '(exact permutation test, one-sided), and the trend toward 0: the intercept of the least-squares line of NMSE on ' +
    `1 - corr^2 (the loss at a perfect feature) has a one-sided 95% upper bound <= ${INTERCEPT_MAX}, with a positive slope.`,
  notes:
    "Configurations [R] (the catalog leaves the (n, m2) grid open): they span the calibration table's range of corr (0.25-0.95). " +
    'The unit is the configuration (8), not the (configuration, seed) pair (40): the seeds of one configuration are repeated ' +
    'measurements, so the p-value is the exact permutation p over 8! orderings (1/40320 at rho = -1). "Goes to 0" is tested as ' +
    'a trend: the extrapolated loss at corr = 1 is bounded, not only the best configuration\'s loss (the former "<= 0.3"). The ' +
    'extrapolation is linear in 1 - corr^2 (the unexplained share of a Gaussian feature), an assumption [R] that the ' +
    'configurations fit with small residuals; no configuration reaches corr = 1, so the statement is about the trend, not a ' +
    'measured zero loss. A constant phi (NMSE undefined) counts as corr 0, NMSE 1.',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): AssociationCase => ({ ...ASSOCIATION, baseSeed })),
  examples: [ASSOCIATION],
  runs: RUNS,
  design: ndlDesign<AssociationCase>('configuration medians on base seeds 77, 1, 2 (CALIBRATION.md); 2305 examined earlier', {
    stageRate: 0.01,
    how:
      'calibration base seeds 77 / 1 / 2: rho -0.98 each (permutation p 2e-4), extrapolated NMSE 0.037 / 0.038 / 0.041 with ' +
      'upper bounds 0.062 / 0.068 / 0.068 against 0.1; a stage fails only if the upper bound moves by 0.03, about 10 times ' +
      'its seed-to-seed spread (0.003), or rho rises above -0.7; declared 0.01 because three seeds cannot pin the tail',
  }),
  check: (h: AssociationCase): Evidence => associationEvidence(h, 'relu'),
  tolerance: exactThreshold(
    `thresholds fixed before the run: rho <= -0.7 over configurations, extrapolated NMSE upper bound <= ${INTERCEPT_MAX}`,
  ),
  describe: (h: AssociationCase) =>
    `quadratic target, configurations ${h.configs.map(configLabel).join(', ')}, ${N_TEST} test points, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
});

export const lossLinearStage2 = defineMutant({
  of: lossTracksCorrelation,
  id: 'nichani-damian-lee-2023/exp/loss-tracks-feature-correlation~linear-stage-2',
  change: 'the same check with stage 2 reduced to a linear function of phi: the loss still goes to 0 as corr approaches 1',
  status: 'safe',
  purpose: 'power',
  expected:
    "the claim's configurations and seeds with a linear top layer: at corr = 1 the best linear function of h* leaves the " +
    'non-linear part of ReLU(h*) (NMSE 1 - (1/4) / (1/2 - 1/(2 pi)) = 0.27 for a Gaussian h*); calibration (base seeds 77, ' +
    '1, 2): extrapolated NMSE 0.19 with upper bounds 0.21 > 0.1',
  hypotheses: fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }): AssociationCase => ({ ...ASSOCIATION, baseSeed })),
  examples: [ASSOCIATION],
  runs: { quick: 0, ci: 0, thorough: 1 },
  design: mutantReseed<AssociationCase>(),
  check: (h: AssociationCase): Evidence => associationEvidence(h, 'linear'),
  tolerance: exactThreshold("the claim's thresholds"),
  describe: (h: AssociationCase) =>
    `linear stage 2, quadratic target, configurations ${h.configs.map(configLabel).join(', ')}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
});

export const lossNoAssociation = defineMutant({
  of: lossTracksCorrelation,
  id: 'nichani-damian-lee-2023/exp/loss-tracks-feature-correlation~no-association',
  baselineTolerance: TRAINED_BASELINE,
  change: 'the test NMSE does not improve as the feature correlation increases (Spearman rho(corr, NMSE) >= 0)',
  status: 'safe [C]',
  expected:
    'two configurations at d = 16, centred ReLU (n = 8000, m2 = 2000) and He2 (n = m2 = 8000), 5 seeds: the higher-corr one (He2) has the lower NMSE in every seed',
  hypotheses: fc.record({ d: fc.constantFrom(16, 32), baseSeed: baseSeedArb }),
  runs: { quick: 1, ci: 2, thorough: 4 },
  design: mutantReseed<{ d: number; baseSeed: number }>(),
  check: ({ d, baseSeed }: { d: number; baseSeed: number }): Evidence => {
    const configs: LayerwiseConfig[] = [
      { d, n: 8000, m2: 2000, sigma2: 'relu' },
      { d, n: 8000, m2: 8000, sigma2: 'he2' },
    ];
    const table = associationPairs({ configs, seeds: 5, baseSeed });
    const pairs = table.flat().filter((t) => Number.isFinite(t.corr) && Number.isFinite(t.nmse));
    if (pairs.length < 3) return skipCase('fewer than 3 finite (corr, NMSE) pairs');
    const sp = spearman(
      pairs.map((t) => t.corr),
      pairs.map((t) => t.nmse),
    );
    // Per seed: does the configuration with the higher corr have the lower NMSE?
    const agree = seedsOf(5).filter((r) => (table[1][r].corr - table[0][r].corr) * (table[1][r].nmse - table[0][r].nmse) < 0).length;
    return {
      conditions: [ge('Spearman rho(corr, NMSE) over (configuration, seed) pairs', sp.rho, 0)],
      test: {
        name: 'Spearman rank correlation, one-sided (t approximation)',
        pValue: sp.pNegative,
        effect: { name: 'Spearman rho', value: sp.rho },
        scale: `d = ${d}, 2 configurations x 5 seeds`,
      },
      quantities: {
        d,
        rho: sp.rho,
        pNegative: sp.pNegative,
        seedsWhereHigherCorrHasLowerNmse: agree,
        ...rangeQuantities(
          'corrRelu',
          table[0].map((t) => t.corr),
        ),
        ...rangeQuantities(
          'nmseRelu',
          table[0].map((t) => t.nmse),
        ),
        ...rangeQuantities(
          'corrHe2',
          table[1].map((t) => t.corr),
        ),
        ...rangeQuantities(
          'nmseHe2',
          table[1].map((t) => t.nmse),
        ),
      },
    };
  },
  tolerance: exactThreshold("the mutant's bound rho >= 0, fixed before the run"),
  describe: ({ d, baseSeed }: { d: number; baseSeed: number }) =>
    `quadratic target, d = ${d}: centred ReLU (n = 8000, m2 = 2000) vs He2 (n = m2 = 8000), ${N_TEST} test points, 5 seeds from base seed ${baseSeed}`,
});
