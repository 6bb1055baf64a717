/**
 * Theorem 1 of Allen-Zhu, Li & Liang 2018: the W-only two-layer ReLU learner reaches OPT + eps on
 * a realizable two-layer concept. Numbers in CALIBRATION.md.
 */
import { defineClaim, defineMutant, exactThreshold, fc, le, type Evidence } from 'claimcheck';
import { clopperPearsonUpper, meanSquaredDifference, pairedSummary, rangeQuantities, riskRange } from 'claimcheck/core';
import { variance } from './concepts.js';
import { quadraticFit } from './quadratic.js';
import { TWO_LAYER, describeTwoLayer, twoLayerData, twoLayerRuns, type TwoLayerRunConfig } from './twoLayerRuns.js';
import { PINNED, RUNS, baseSeedArb, medianRuleFailure, paper, perSeed, seedDesign, seedsOf, type Seeds } from './shared.js';

/** eps of the theorem in NMSE units, fixed on calibration seeds (CALIBRATION.md). */
const THM1_THRESHOLD = 0.1;
const THM1_SEEDS = 5;

/** Median-over-seeds rule on per-seed test NMSEs, with the sign test on threshold - NMSE. */
function thresholdEvidence(
  nmse: readonly number[],
  threshold: number,
  learner: string,
  scale: string,
  extra: Record<string, number> = {},
): Evidence {
  const s = pairedSummary(
    nmse.map((v) => threshold - v),
    nmse.map((v) => v <= threshold),
  );
  const med = riskRange(nmse).median;
  return {
    conditions: [le(`median test NMSE of ${learner} over ${nmse.length} seeds <= ${threshold}`, med, threshold)],
    test: {
      name: `median over seeds against the threshold; one-sided sign test on per-seed ${threshold} - NMSE; Wilson interval of the per-seed pass rate`,
      pValue: s.signP,
      interval: s.wilson,
      confidence: 0.95,
      effect: { name: 'median test NMSE', value: med },
      scale,
      units: nmse.length,
    },
    quantities: {
      ...rangeQuantities('nmse', nmse),
      ...perSeed('nmse', nmse),
      seedsPassing: s.passes,
      signP: s.signP,
      wilsonLow: s.wilson[0],
      wilsonHigh: s.wilson[1],
      ...extra,
    },
  };
}

function netEvidence(h: Seeds<TwoLayerRunConfig>): Evidence {
  const runs = twoLayerRuns(h.config, h.baseSeed, h.seeds);
  return thresholdEvidence(
    runs.map((r) => r.nmse),
    THM1_THRESHOLD,
    'the two-layer learner',
    `${describeTwoLayer(h.config)}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
    rangeQuantities(
      'trainNmse',
      runs.map((r) => r.trainNmse),
    ),
  );
}

// 0 of 20 calibration seeds above the threshold (max 0.087): exact 95% upper bound 0.139 on the
// per-seed failure rate, and the median of 5 fails only if 3 of 5 seeds fail.
const THM1_STAGE_RATE = medianRuleFailure(THM1_SEEDS, clopperPearsonUpper(0, 20));

export const thm1 = defineClaim({
  id: 'allenzhu-li-liang-2018/thm1/two-layer-opt-plus-eps',
  paper,
  theorem: 'Theorem 1',
  confidence: 'M, C',
  kind: 'statistical',
  statement:
    'For m >= M0 and N >= N0, SGD on W only of F(x; W) = sum_i a_i relu(<w_i, x> + b_i) (a ~ N(0, eps_a^2), b ~ N(0, 1/m) fixed, ' +
    'eta = Theta(1/(eps k m))) reaches population loss <= OPT + eps. At small scale (realizable, OPT = 0): d = 10, k = 1, p = 4, ' +
    '||w*_1|| = 3, m = 1000, N = 5000, 10 passes of online SGD: median test NMSE <= 0.1 over R = 5 seeds, where degree-2 least ' +
    'squares on the same data does not reach 0.1 (power mutant ~quadratic).',
  notes:
    "What it shows: the theorem's learner, exactly as specified (loss (F - y)^2 / 2 [R]), fits a two-layer concept that a quadratic " +
    'fit cannot (calibration: learner median NMSE 0.028, range 0.0068-0.087; degree-2 least squares 0.195, 0.039-0.313, 20 seeds). ' +
    "Deviations: the concept's first-layer weights have norm 3, not 1 (at norm 1 the target is nearly quadratic: issue 13 measured " +
    "degree-2 least squares at 0.003-0.017, our fit 0.027-0.10 on 3 seeds), labels scaled to unit variance [R], and eps = 0.1 in NMSE units (the catalog's 0.05 was fixed on " +
    'the unit-norm concept; on this one 3 of 20 calibration seeds exceed 0.05). R = 5 seeds: 5 of 5 below the threshold gives the ' +
    'sign test p = 1/32 (strength test at alpha 0.05); 4 of 5 passes the median rule as a screen. Every draw float64, from the seed.',
  hypotheses: seedsOf(TWO_LAYER, 10),
  examples: [{ config: TWO_LAYER, seeds: THM1_SEEDS, baseSeed: PINNED }],
  runs: RUNS,
  design: seedDesign<Seeds<TwoLayerRunConfig>>('20 seeds (r = 0..19) of base seed 777 at this configuration; see CALIBRATION.md', {
    stageRate: THM1_STAGE_RATE,
    how: `0 of 20 calibration seeds above 0.1: exact 95% upper bound 0.139 on the per-seed rate; P(>= 3 of 5 fail) at that rate = ${THM1_STAGE_RATE.toFixed(4)}`,
  }),
  check: netEvidence,
  tolerance: exactThreshold('pass rule fixed on calibration seeds before any verdict run (median NMSE threshold, seed count)'),
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
  change: 'the guarantee is claimed at width m = 2 (median test NMSE <= 0.1)',
  status: 'safe [C]',
  expected: 'm = 2, the smallest p and d and fewest seeds that keep the median NMSE above the threshold (catalog: m = 2 gives 0.37-0.87)',
  // d >= 3: at d = 2 the catalog's inputs (sqrt(3)/2 u, 1/2) with u on the sphere of R^1 are only
  // two points, a degenerate distribution on which single seeds land at NMSE 0 or ~1.
  hypotheses: fc.record({
    d: fc.integer({ min: 3, max: 10 }),
    p: fc.integer({ min: 1, max: 4 }),
    seeds: fc.integer({ min: 1, max: 5 }),
    baseSeed: baseSeedArb,
  }),
  check: ({ d, p, seeds, baseSeed }: TinyWidthCase) => netEvidence({ config: { ...TWO_LAYER, d, p, m: 2 }, seeds, baseSeed }),
  runs: { quick: 2, ci: 3, thorough: 10 },
  describe: ({ d, p, seeds, baseSeed }: TinyWidthCase) =>
    `${describeTwoLayer({ ...TWO_LAYER, d, p, m: 2 })}, R = ${seeds}, base seed ${baseSeed}`,
});

export const thm1Quadratic = defineMutant({
  of: thm1,
  id: 'allenzhu-li-liang-2018/thm1/two-layer-opt-plus-eps~quadratic',
  change:
    "degree-2 least squares (ridge on the 66 monomials of degree <= 2, ridge chosen on held-out rows) in place of the theorem's learner",
  status: 'safe [C]',
  purpose: 'power',
  expected: 'median NMSE of degree-2 least squares over 5 seeds above 0.1 (calibration: median 0.195, 3 of 20 seeds below 0.1)',
  hypotheses: seedsOf(TWO_LAYER, THM1_SEEDS),
  check: (h: Seeds<TwoLayerRunConfig>) => {
    const nmse = Array.from({ length: h.seeds }, (_, r) => {
      const { train, test, y, yTest } = twoLayerData(h.config, h.baseSeed, r);
      return meanSquaredDifference(quadraticFit(train, y, test), yTest) / variance(yTest);
    });
    return thresholdEvidence(
      nmse,
      THM1_THRESHOLD,
      'degree-2 least squares',
      `thm1 data, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
    );
  },
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: (h: Seeds<TwoLayerRunConfig>) =>
    `degree-2 least squares on thm1's data (N = ${h.config.N}), R = ${h.seeds}, base seed ${h.baseSeed}`,
});
