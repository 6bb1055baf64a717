/**
 * The BFC principle on the catalog's toy: joint training with the higher layer corrects the
 * alpha3-induced bias of the lower features, measured rotation-invariantly (gramError), with the
 * control that the stage-1 error is that bias (it grows with alpha3). Mutants: no correction (the
 * catalog's), and the power mutant: the same check when stage 2 trains without the higher layer.
 */
import { defineClaim, defineMutant, exactThreshold, fc, ge, seedCountEvidence, type Evidence } from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { rangeQuantities } from 'claimcheck/core';
import {
  CAL_FAILED,
  WIDE_SEEDS,
  QUICK,
  RUNS,
  SEED_RULE,
  bfcDesign,
  catalogScale,
  med,
  paper,
  required,
  runsOrSkip,
  scaleWords,
} from './common.js';
import { gramError } from './featureError.js';
import { stageQuantities } from './quantities.js';
import { bfcSeedData, bfcVariant, trainStage1, type BfcConfig, type Stage2Variant } from './staged.js';

/** e(K1) after stage 1 of seed r at another alpha3 (same W2, inputs and initialisation): the control. */
function stage1ErrorAt(c: BfcConfig, r: number, alpha3: number): number {
  const cc = { ...c, alpha3 };
  const s1 = trainStage1(cc, r);
  if (s1.diverged) return NaN;
  return gramError(s1.theta.subarray(0, c.k * c.d), bfcSeedData(cc, r).task.W2, c.k, c.d);
}

/** Control: the stage-1 error at alpha3 is at least this multiple of the error at alpha3 / 3 (calibration: 2.6-2.8). */
const CONTROL_RATIO = 1.5;
/** Correction: e2 <= this fraction of e1 (calibration: median e2 / e1 0.023 joint, 0.99-1.00 without the higher layer). */
const CORRECTED = 0.5;

function principleCheck(c: BfcConfig, variant: Stage2Variant): Evidence {
  const runs = runsOrSkip(c);
  if (!Array.isArray(runs)) return runs;
  const e1 = runs.map((r) => r.eK1Stage1);
  const e2 = runs.map((_, r) => bfcVariant(c, r, variant).eK1);
  const low = runs.map((_, r) => stage1ErrorAt(c, r, c.alpha3 / 3));
  const zero = runs.map((_, r) => stage1ErrorAt(c, r, 0));
  const ratio = e1.map((v, i) => (Number.isFinite(e2[i]) ? e2[i] / v : Infinity));
  const growth = e1.map((v, i) => v / low[i]);
  return seedCountEvidence({
    rule: `e2 <= ${CORRECTED} e1 (${variant} stage 2) and control e1 >= ${CONTROL_RATIO} e1(alpha3 / 3)`,
    // Smaller of the two margins: the correction (as a fraction of e1) and the control (as a ratio).
    margins: ratio.map((q, i) => Math.min(CORRECTED - q, growth[i] - CONTROL_RATIO)),
    need: required(c.seeds),
    on: `per-seed min(${CORRECTED} - e2 / e1, e1 / e1(alpha3 / 3) - ${CONTROL_RATIO})`,
    effect: { name: 'median e2 / e1', value: med(ratio) },
    scale: scaleWords(c),
    quantities: {
      ...rangeQuantities('e2/e1', ratio),
      ...rangeQuantities('eK1@stage1(alpha3/3)', low),
      ...rangeQuantities('eK1@stage1(alpha3=0)', zero),
      ...rangeQuantities('e1/e1(alpha3/3)', growth),
      ...rangeQuantities(
        'spanErr: e2/e1 (superseded metric)',
        runs.map((r) => r.joint.spanErr / r.spanErrStage1),
      ),
      ...stageQuantities(runs),
    },
  });
}

export const lowerFeaturesCorrected = defineClaim({
  id: 'allenzhu-li-2020-bfc/principle/lower-features-corrected',
  paper,
  theorem: 'principle (backward feature correction, abstract)',
  confidence: 'V (principle), R (toy metric), C',
  kind: 'statistical',
  statement:
    'The errors in the lower-level features are corrected when training together with the higher-level layers. Toy proxy: ' +
    'e(K1) = || K1^T K1 / tr - W2^T W2 / tr ||_F / || W2^T W2 / tr ||_F (rotation-invariant: the error of the quadratic form the first ' +
    'block computes); per seed e2 (after joint stage 2) <= 0.5 e1 (after stage 1), with the control that e1 is the alpha3-induced bias ' +
    '(e1 >= 1.5 x the stage-1 error at alpha3 / 3), on 10 of 12 fresh seeds at ci (quick: 4 of 5 pinned seeds).',
  notes:
    "What it shows: the first block's quadratic form after stage 1 is biased by the degree-2 shadow of the higher level (its error " +
    'grows with alpha3: <= 1e-4 at alpha3 = 0, and e1 / e1(alpha3 / 3) = 2.56-2.76 on 60 calibration seeds), and training it jointly ' +
    'with the higher block removes that bias (e2 / e1 median 0.023, above 0.5 on 2 of 60 seeds where joint training stuck), while the ' +
    'same stage-2 budget without the higher block does not ' +
    '(power mutant ~without-higher-layer: e2 / e1 ~ 1). Correction of the catalog (2026-12-06): the former span metric of ' +
    'span{k_i k_i^T} is not rotation-invariant (the same stage-1 model scores 0.597 or 0.001 depending only on a rotation of K1), so ' +
    'most of its "correction" was block 2 choosing a basis; it is still reported (spanErr quantities) for comparison. The row-space ' +
    'error stays blind (rowSpaceError@stage1). Harness sanity (not evidence): in the layer-wise variant e(K1) stays at e1 exactly. ' +
    'Quick / ci instance d = 16, N = 1000 (deviation, for time; thorough = catalog scale). Calibration: CALIBRATION.md.',
  hypotheses: catalogScale(WIDE_SEEDS),
  examples: [QUICK],
  runs: RUNS,
  design: bfcDesign({ failed: CAL_FAILED.principle, of: 60, R: WIDE_SEEDS, rule: 'e2 <= 0.5 e1 and e1 >= 1.5 e1(alpha3 / 3)' }),
  check: (c: BfcConfig) => principleCheck(c, 'joint'),
  tolerance: SEED_RULE,
  describe: scaleWords,
});

export const withoutHigherLayer = defineMutant({
  of: lowerFeaturesCorrected,
  id: 'allenzhu-li-2020-bfc/principle/lower-features-corrected~without-higher-layer',
  change:
    'the same check when stage 2 trains the first block for the same budget without the higher block (block 2 off): the lower ' +
    'features are corrected without training together with a higher layer',
  status: 'safe [C]',
  purpose: 'power',
  expected: 'every seed fails the correction part: stage 1 already sits at the degree-2 optimum, so e2 / e1 ~ 1 (calibration 0.99-1.00)',
  hypotheses: fc.record({ baseSeed: seedArb() }).map(({ baseSeed }): BfcConfig => ({ ...QUICK, baseSeed })),
  // The claim's pinned configuration (reseeded to fresh seeds at ci / thorough): only stage 2 differs.
  examples: [QUICK],
  check: (c: BfcConfig) => principleCheck(c, 'one-block'),
  runs: { quick: 0, ci: 0, thorough: 1 },
  describe: scaleWords,
});

export interface MechanismCase {
  readonly d: number;
  readonly N: number;
  readonly seeds: number;
  readonly alpha3: number;
  readonly baseSeed: number;
}

/** Small-first generator for the mechanism mutants: d, N and the seed count shrink toward the calibrated minimum. */
export const mechanismCase = (minSeeds: number, maxSeeds: number) =>
  fc.record({
    d: fc.constantFrom(12, 16),
    N: fc.constantFrom(1000, 2000),
    seeds: fc.integer({ min: minSeeds, max: maxSeeds }),
    alpha3: fc.constantFrom(0.3, 0.1),
    baseSeed: seedArb(),
  });

/** alpha3 = 0.1 needs 2000 stage-2 steps (CALIBRATION.md). */
export const mechanismConfig = (h: MechanismCase): BfcConfig => ({
  ...QUICK,
  ...(h.alpha3 === 0.1 ? { stage2Steps: 2000, checkpoints: [100, 250, 500, 1000, 1500] } : {}),
  alpha3: h.alpha3,
  d: h.d,
  N: h.N,
  seeds: h.seeds,
  baseSeed: h.baseSeed,
});

export const describeMechanism = (h: MechanismCase) => scaleWords(mechanismConfig(h));

export const noCorrection = defineMutant({
  of: lowerFeaturesCorrected,
  id: 'allenzhu-li-2020-bfc/principle/lower-features-corrected~no-correction',
  change: 'joint stage-2 training leaves the (rotation-invariant) lower-feature error where stage 1 left it: median e2 / e1 >= 0.9',
  status: 'safe [C]',
  expected:
    'smallest d, N and seed set with e2 < 0.5 e1 (here d = 12, N = 1000, one seed): the alpha3-induced bias of K1^T K1 is removed by joint training',
  hypotheses: mechanismCase(1, 3),
  // The claim's first pinned seed (cached runs) at quick; small random cases, shrunk, at thorough.
  examples: [{ d: QUICK.d, N: QUICK.N, seeds: 1, alpha3: QUICK.alpha3, baseSeed: QUICK.baseSeed }],
  check: (h: MechanismCase): Evidence => {
    const c = mechanismConfig(h);
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const ratios = runs.map((r) => (Number.isFinite(r.joint.eK1) ? r.joint.eK1 / r.eK1Stage1 : Infinity));
    return {
      conditions: [ge('median e2 / e1 (joint, rotation-invariant e)', med(ratios), 0.9)],
      quantities: { ...stageQuantities(runs), ...rangeQuantities('e2/e1', ratios) },
    };
  },
  tolerance: exactThreshold("the 0.9 threshold is the catalog's, fixed before the run"),
  runs: { quick: 0, ci: 0, thorough: 3 },
  describe: describeMechanism,
});
