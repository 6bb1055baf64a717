/**
 * Allen-Zhu, Li & Liang 2018, the experiment (Figure 1): the three-layer net with trained hidden
 * weights beats its NTK and output-layer-only training. Numbers in CALIBRATION.md.
 */
import { defineClaim, defineMutant, exactThreshold, fc, le, seedCountEvidence, skipCase, type Evidence } from 'claimcheck';
import { pairedSummary, rangeQuantities, riskRange } from 'claimcheck/core';
import { THREE_LAYER_TRAIN, baselineRuns, describeThreeLayer, threeLayerRun, type ThreeLayerRunConfig } from './threeLayerRuns.js';
import { PINNED, RUNS, baseSeedArb, paper, perSeed, seedDesign, seedsOf, type Seeds } from './shared.js';

const EXP1_QUICK: ThreeLayerRunConfig = { task: { kind: 'experiment' }, m: 64, N: 1000, nTest: 2000, epsA: 0.1, train: THREE_LAYER_TRAIN };
/** N = 2000, not the catalog's 5000: float64 kernel ridge at N = 5000 costs minutes per ridge value (see notes). */
const EXP1_THOROUGH: ThreeLayerRunConfig = { ...EXP1_QUICK, N: 2000, nTest: 5000 };
/**
 * The power mutant's learner: the same network trained with a 100x smaller step for 20 epochs, so
 * the weights barely leave the initialisation (test NMSE ~1 in calibration): training that does
 * not learn features.
 */
const LAZY_SEEDS = 5;
const LAZY_TRAIN = { ...THREE_LAYER_TRAIN, epochs: 20, optimizer: { kind: 'adam' as const, lr: 1e-4 } };
/** Catalog: at least 8 of 10 seeds. */
const needOf = (R: number) => Math.ceil(0.8 * R);

function exp1Table(h: Seeds<ThreeLayerRunConfig>, train = h.config.train) {
  const net = Array.from({ length: h.seeds }, (_, r) => threeLayerRun({ ...h.config, train }, h.baseSeed, r));
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

function exp1Evidence(h: Seeds<ThreeLayerRunConfig>, train = h.config.train): Evidence {
  const t = exp1Table(h, train);
  if (t.diverged) return skipCase('training diverged on some seed (non-finite loss)');
  const margins = t.net.map((v, r) => Math.min(t.ntk[r], t.last[r]) - v);
  return seedCountEvidence({
    rule: 'the trained net beating both the NTK and the last layer',
    margins,
    need: needOf(h.seeds),
    on: 'per-seed min(NMSE_ntk, NMSE_last) - NMSE_net',
    effect: { name: 'median NMSE_ntk / NMSE_net', value: riskRange(t.ntk.map((v, r) => v / t.net[r])).median },
    scale: `${describeThreeLayer({ ...h.config, train })}, R = ${h.seeds} seeds from base seed ${h.baseSeed}`,
    quantities: {
      ...rangeQuantities('net', t.net),
      ...rangeQuantities('ntk', t.ntk),
      ...rangeQuantities('last', t.last),
      ...rangeQuantities('ntkLambda', t.ntkLambda),
      ...rangeQuantities('lastLambda', t.lastLambda),
      ...perSeed('net', t.net),
      ...perSeed('ntk', t.ntk),
    },
  });
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
    'training, on the same data and initialisation. At small scale: m = 64, N = 1000 (quick and ci; N = 2000 at thorough), R = 10 ' +
    'paired seeds; pass if the trained net beats both in >= 8 of 10 seeds.',
  notes:
    'What it shows: trained hidden weights beat the best linearisation at the same initialisation, i.e. training leaves the NTK ' +
    'regime at this scale. The power mutant ~lazy-training (a 100x smaller step for 20 epochs) is a learner that does not learn: its ' +
    'weights barely move and its NMSE stays ~1, so it shows the rule can fail, not that a converged lazy-regime learner loses (that ' +
    'comparison is the NTK baseline itself). Inputs x = g / ||g|| ' +
    '[R]; labels divided by their standard deviation [R] (NMSEs unchanged). Trained net: W, b1, V, b2 by Adam (declared proxy). NTK: ' +
    'closed-form finite-width NTK over the trained groups, kernel ridge on y - f0. Last layer: ridge on relu(n_i + b2_i) and a constant. ' +
    'Ridge lam in {1e-9, ..., 1e-3} x mean diagonal x N, chosen on the test set (favours the baselines). Deviation: N = 1000 at quick ' +
    'and ci, N = 2000 at thorough (catalog N in {1000, 5000}; float64 kernel ridge at N = 5000 costs minutes per ridge value); width ' +
    '64 is our choice [C]. 10 of 10 gives the sign test p = 0.001, 9 of 10 p = 0.011, 8 of 10 p = 0.055 (a screen).',
  hypotheses: seedsOf(EXP1_THOROUGH, 10),
  examples: [{ config: EXP1_QUICK, seeds: 10, baseSeed: PINNED }],
  runs: RUNS,
  // One case trains the three-layer net on every seed and cannot be interrupted inside: 42 s at quick
  // in the whole quick profile on two workers beside another job (load 4), near the 60 s default.
  budgetSeconds: { quick: 240, ci: 600 },
  design: seedDesign<Seeds<ThreeLayerRunConfig>>('10 seeds (r = 0..9) of base seed 777 at N = 1000; see CALIBRATION.md', {
    stageRate: 0.001,
    how:
      'on 10 calibration seeds the net beat the better kernel on 10 of 10, min(NTK, last) / net ratios 2.5-10.8; a log-normal ' +
      'fit of the ratio (ln mean 1.45, sd 0.46) puts a per-seed loss at 7.4e-4, and the rule fails only at 3 of 10 losses: ' +
      'P = 4.8e-8; declared 0.001 to cover the model',
  }),
  check: (h: Seeds<ThreeLayerRunConfig>) => exp1Evidence(h),
  tolerance: exactThreshold('catalog pass rule fixed before the run (8 of 10 seeds)'),
  describe: (h: Seeds<ThreeLayerRunConfig>) => `${describeThreeLayer(h.config)}, R = ${h.seeds}, base seed ${h.baseSeed}`,
});

export const exp1LazyTraining = defineMutant({
  of: exp1,
  id: 'allenzhu-li-liang-2018/exp1/three-layer-beats-ntk~lazy-training',
  change: 'the same network trained with Adam lr 1e-4 for 20 epochs (weights stay at the initialisation) in place of the trained net',
  status: 'safe [C]',
  purpose: 'power',
  expected: 'loses to the NTK on every seed (calibration: lazy NMSE ~0.995 against NTK 0.17-0.31)',
  // 5 seeds (rule: 4 of 5): the lazy learner loses by a factor ~4 on every calibration seed, and
  // each seed costs the NTK and last-layer kernels (the expensive part of this check).
  hypotheses: seedsOf(EXP1_QUICK, LAZY_SEEDS),
  check: (h: Seeds<ThreeLayerRunConfig>) => exp1Evidence(h, LAZY_TRAIN),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: (h: Seeds<ThreeLayerRunConfig>) =>
    `${describeThreeLayer({ ...h.config, train: LAZY_TRAIN })}, R = ${h.seeds}, base seed ${h.baseSeed}`,
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
  // N <= 1000 and m <= 32 keep one case (10 seeds, net + NTK) at a few seconds inside the quick budget;
  // the claim's own scale (N = 1000, m = 64) is far from the boundary (median NTK / net ratio ~4).
  // N = 250 is left out: there the trained net is not reliably 10% better (1 of 4 calibration seeds
  // refuted the mutant), so the mutant survived whole runs on run seeds 8 and 15 of 20 for a reason
  // that is about the sample size, not the claim.
  hypotheses: fc.record({ N: fc.constantFrom(500, 1000), m: fc.constantFrom(16, 32), baseSeed: baseSeedArb }),
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
