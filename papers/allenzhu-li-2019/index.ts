/**
 * Allen-Zhu & Li, "What Can ResNet Learn Efficiently, Going Beyond Kernels?" (NeurIPS 2019,
 * arXiv 1905.10337). Catalog: shared/claims/allenzhu-li-2019-resnet.md. Three claims and six
 * mutants; the numbers come from resnetVsKernels.ts (paired seeds, the ResNet, kernels and
 * feature regressions). Calibration logs: CALIBRATION.md beside this file.
 *
 * Scale and seeds. Every claim runs one pinned configuration (QUICK, base seed 72019, never
 * calibrated on or examined before it was pinned): the quick profile replays it (a regression check, no p-value); ci and thorough
 * run the same configuration on fresh base seeds from the run seed (design.reseed), which is
 * what reads `strength: test`. The thorough profile adds one case at the catalog's scale (d = 20,
 * N = 1e4, fresh base seed). A failing first stage is confirmed on another fresh base seed.
 */
import {
  FLOAT32_TRAINED_BASELINE,
  defineClaim,
  defineMutant,
  exactThreshold,
  fc,
  le,
  seedCountEvidence,
  type Evidence,
  type PaperRef,
  type StatisticalDesign,
} from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { binomialTail, clopperPearsonUpper, rangeQuantities, riskRange } from 'claimcheck/core';
import { learnerRisk, resnetPopulationRisks, resnetRisks, type Learner, type SeparationConfig } from './resnetVsKernels.js';
import { KERNELS, QUICK, SCAN_ALPHAS, atAlpha } from './scale.js';

export const paper: PaperRef = {
  key: 'allenzhu-li-2019',
  title: 'What Can ResNet Learn Efficiently, Going Beyond Kernels?',
  authors: 'Zeyuan Allen-Zhu, Yuanzhi Li',
  venue: 'NeurIPS 2019',
  arxiv: '1905.10337',
  confidence: 'medium',
};

/**
 * Base seeds the thresholds and rules were calibrated on (CALIBRATION.md); never verdict seeds. 1905,
 * the former pinned seed, was examined while the epochs were chosen: a calibration seed now.
 */
const CALIBRATION_SEEDS = [77, 1905, 2000, 4000, 5000, 6000, 6100, 6200, 8000, 9100, 9200, 9300, 9400, 9500];

/**
 * Stage-rate calibration (CALIBRATION.md section 4): ResNet runs at alpha = 0.3 and the final 100
 * epochs, the hardest configuration of every claim, on base seeds 9200 (10), 9300 (20), 9400 (20)
 * and 9500 (40). None was above delta = k alpha^4 = 0.065 (largest 0.021, base seed 9500), none above 0.5 tau.
 */
const RESNET_CAL_RUNS = 90;
/**
 * Runs above delta among them, plus the one seen on a fresh ci verdict seed (0.080, CALIBRATION.md
 * section 3): not a calibration run, but counting it keeps the bound honest about the tail.
 */
const RESNET_ABOVE_DELTA = 1;
/** Per-run rate of an MSE above delta at alpha = 0.3: 95% Clopper-Pearson bound (also bounds alpha = 0.15 and 0, easier). */
const Q_RUN_DELTA = clopperPearsonUpper(RESNET_ABOVE_DELTA, RESNET_CAL_RUNS + 1);
/** Per-seed rate of a ResNet above 0.5 tau: 0 of the 90 runs. */
const Q_SEED_HALF_TAU = clopperPearsonUpper(0, RESNET_CAL_RUNS);
/**
 * The fixed-kernel and feature-map sides of thm3 and thm4, on the 40 seeds of base seeds 9300 and
 * 9400 with every learner: best kernel per seed 0.758-0.790 (mean 0.776, sd 0.0072) against
 * 0.8 tau = 0.576; monomials 0.748-0.776 against 0.576 and 0.031-0.051 on F against 0.2 tau = 0.144.
 * Their Student-t predictive tails (39 df) are below 1e-23; 1e-12 is declared instead, generously.
 */
const Q_SEED_FIXED_SIDE = 1e-12;

/** The catalog's scale (thorough profile only): d = 20, N = 1e4, fresh base seed. */
const catalogScale = () =>
  fc.record({ baseSeed: seedArb() }).map(({ baseSeed }): SeparationConfig => ({
    ...QUICK,
    task: { ...QUICK.task, d: 20 },
    N: 10_000,
    resnet: { ...QUICK.resnet, epochs: 20 },
    baseSeed,
  }));

/** Pinned at every profile; random cases (the catalog scale) only at thorough. */
const RUNS = { quick: 0, ci: 0, thorough: 1 };
/** Drift allowance in `claimcheck ci` for results whose numbers are float32: every number depends on a ResNet trained in float32, or kernel ridges solved by float32 CG, judged in the same evidence. */
const TRAINED_BASELINE = { default: FLOAT32_TRAINED_BASELINE };

/**
 * One case of these claims trains 15 ResNets (thm1) or 5 ResNets and five kernel ridges (thm3),
 * and a case cannot be interrupted inside: measured alone at quick, thm1 43-80 s and thm3 31-64 s
 * (load 1-5), and past the 60 s default + 30 s grace when the whole quick profile ran on two
 * workers beside another job (load 4). The budget covers the loaded cost with room; mutants inherit it.
 */
const BUDGET_SECONDS = { quick: 300, ci: 900 };

const tauOf = (c: SeparationConfig) => (c.task.d / 2) * c.task.alpha ** 2;

const describeScale = (c: SeparationConfig): string =>
  `${c.task.kind} target, d = ${c.task.d}, k = ${c.task.d / 2}, alpha = ${c.task.alpha}, N = ${c.N}, ${c.nVal} validation and ${c.nTest} test points, ` +
  `ResNet m = ${c.resnet.width}${c.resnet.activation === 'identity' ? ' (identity activation)' : ''}, ${c.resnet.optimizer.kind} lr ${c.resnet.optimizer.lr}, ` +
  `${c.resnet.epochs} epochs of batch ${c.resnet.batchSize}, R = ${c.seeds} seeds from base seed ${c.baseSeed}`;

const scaleWords = (c: SeparationConfig) =>
  `${c.task.kind} target, d = ${c.task.d}, N = ${c.N}, m = ${c.resnet.width}, ${c.resnet.epochs} epochs, R = ${c.seeds} seeds from base seed ${c.baseSeed}`;

/** The design shared by the three claims: one base seed per case, reseeded at ci and thorough. */
function designOf<H extends SeparationConfig>(stageRate: number, how: string): StatisticalDesign<H> {
  return {
    alpha: 0.05,
    seeds: (c) => [c.baseSeed],
    reseed: (c, seed) => ({ ...c, baseSeed: seed }),
    calibration: { seeds: CALIBRATION_SEEDS, note: 'base seeds of the calibration runs in CALIBRATION.md (d = 16 and d = 20)' },
    falseAlarm: { stageRate, how },
    hypothesesAt: { thorough: catalogScale() as unknown as fc.Arbitrary<H> },
  };
}

// ---------------------------------------------------------------------------------------------
// Thm 1: SGD on the ResNet reaches risk of order (alpha C_G)^4, with an N that does not grow with alpha.

/** The theorem's risk scale at the largest alpha of the scan: k alpha^4 (C_G = 1 per unit-variance output). */
const deltaOf = (c: SeparationConfig) => (c.task.d / 2) * Math.max(...SCAN_ALPHAS) ** 4;

/** Pass rule fixed before any verdict run [C]: 12 of 15 units (sign test p = 0.018 at 12). */
const SCAN_NEED = 12;
/** Units of the scan: (alpha, seed) runs. */
const SCAN_RUNS = SCAN_ALPHAS.length * QUICK.seeds;

/**
 * Thm 1's check on a learner's per-(alpha, seed) test MSEs: every run must reach delta = k alpha_max^4
 * with the same N. `risks(c)` gives one MSE per seed of configuration c.
 */
function scanEvidence(c: SeparationConfig, learner: string, risks: (c: SeparationConfig) => number[]): Evidence {
  const delta = deltaOf(c);
  const perAlpha = SCAN_ALPHAS.map((a) => risks(atAlpha(c, a)));
  const all = perAlpha.flat();
  const quantities: Record<string, number> = { delta, tauAtAlphaMax: tauOf(atAlpha(c, Math.max(...SCAN_ALPHAS))) };
  SCAN_ALPHAS.forEach((a, i) => {
    Object.assign(quantities, rangeQuantities(`alpha=${a}`, perAlpha[i]));
    quantities[`alpha=${a}.passes`] = perAlpha[i].filter((v) => v <= delta).length;
  });
  return seedCountEvidence({
    rule: `MSE_${learner} <= delta = k alpha_max^4 = ${delta.toPrecision(3)} at the same N for alpha in {${SCAN_ALPHAS.join(', ')}} (units: alpha x seed)`,
    margins: all.map((v) => delta - v),
    need: SCAN_NEED,
    on: `per-run delta - MSE_${learner} over ${all.length} independent (alpha, seed) runs`,
    effect: { name: `median MSE_${learner} / delta`, value: riskRange(all).median / delta },
    scale: `${scaleWords(c)} per alpha (epochs x ${Math.max(...SCAN_ALPHAS)} / alpha for alpha > 0, half at alpha = 0), alpha in {${SCAN_ALPHAS.join(', ')}}`,
    quantities,
  });
}

const netRisks = (c: SeparationConfig) => resnetRisks(c).map((n) => n.mse);

export const thm1 = defineClaim({
  id: 'allenzhu-li-2019/thm1/resnet-learns-composite',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'Theorem 1',
  confidence: 'V2, C',
  kind: 'statistical',
  statement:
    'For H = F + alpha G(F) and delta in ((alpha C_G)^4, 1), SGD on out(x) = A(s(Wx + b1) + s(U s(Wx + b1) + b2)) ' +
    'reaches population risk <= delta with N = O~(C_F^2 / delta^2) samples, an N that does not depend on alpha or C_G; ' +
    'at small scale: with one N, test MSE <= delta = k alpha_max^4 for alpha in {0, 0.15, 0.3}, in at least 12 of the 15 ' +
    '(alpha, seed) runs, fresh data and initialisation per run.',
  notes:
    "Threshold of the theorem's shape: delta = k alpha^4 at alpha = 0.3 (0.065 at d = 16; each output's G has unit variance, so " +
    "(alpha C_G)^4 per output with C_G = 1, summed over k outputs), 5.5x below the catalog's 0.5 k alpha^2 = 0.36. The scan holds N " +
    "fixed while G's share alpha^2 / (1 + alpha^2) goes from 0 to 8%: the ResNet meets the same delta at every alpha, so its sample " +
    "need does not grow with G's share (the claim's point), while a kernel's risk grows like k alpha^2 (power mutant). Caveat " +
    '(catalog): a plain two-layer ReLU net also learns this task at this scale (0.001 at d = 20, N = 1e4), so the scan shows what the ' +
    'theorem predicts for the ResNet, not that the skip or the hierarchy is needed. Learner trained with Adam and a step schedule ' +
    '([R]; CALIBRATION.md). The smooth two-layer F, G [M] instance is calibrated (CALIBRATION.md) but no longer run: it has no exact ' +
    'k alpha^4 scale. Test MSE in float64. Fresh base seeds at ci and thorough; the quick profile replays base seed 72019.',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  budgetSeconds: BUDGET_SECONDS,
  check: (c: SeparationConfig) => scanEvidence(c, 'net', netRisks),
  tolerance: exactThreshold('pass rule fixed before the run: at least 12 of the 15 (alpha, seed) runs meet delta = k alpha_max^4'),
  describe: describeScale,
  design: designOf(
    binomialTail(SCAN_RUNS - SCAN_NEED + 1, SCAN_RUNS, Q_RUN_DELTA),
    `computed: P[Binomial(${SCAN_RUNS}, q) >= ${SCAN_RUNS - SCAN_NEED + 1}] with q = ${Q_RUN_DELTA.toFixed(4)}, the one-sided 95% Clopper-Pearson bound on ` +
      `the per-run rate of an MSE above delta from ${RESNET_ABOVE_DELTA} of ${RESNET_CAL_RUNS + 1} runs at alpha = 0.3 and 100 epochs ` +
      '(0 of 90 on calibration base seeds 9200, 9300, 9400, 9500, largest 0.021; plus the one fresh ci run seen at 0.080). alpha = 0.3 ' +
      'is the hardest point of the scan (alpha = 0.15 at 200 epochs: 0 of 40, largest 0.00026; alpha = 0: 0 of 40, largest 0.0019), ' +
      'so q bounds every run of the stage (CALIBRATION.md section 4)',
  ),
});

/**
 * Statistical mutants replay the pinned configuration at every profile (no design: no reseed): their
 * refutations have wide margins (e.g. 0.0 or 0.77 against thresholds of 0.065-0.58), and fresh seeds
 * for each of them would triple the ci time.
 */
const MUTANT_REPLAYS = { design: undefined } as const;

export const thm1KernelBaseline = defineMutant({
  of: thm1,
  ...MUTANT_REPLAYS,
  id: 'allenzhu-li-2019/thm1/resnet-learns-composite~kernel-baseline',
  baselineTolerance: TRAINED_BASELINE,
  change: "the strongest fixed kernel of thm3 (the two-layer ReLU NTK, ridge chosen on validation) meets Thm 1's delta with the ResNet's N",
  status: 'safe [C]',
  purpose: 'power',
  expected:
    "refuted for the theorem's reason: a kernel learns F but pays about k alpha^2 for G(F) at this N (Thm 3), so its MSE at alpha = 0.15 " +
    'and 0.3 (about 0.2 and 0.77) is far above delta = 0.065; only the alpha = 0 runs can pass',
  check: (c: SeparationConfig) =>
    scanEvidence(c, 'relu-ntk', (cc) => Array.from({ length: cc.seeds }, (_, r) => learnerRisk(cc, r, 'relu-ntk').mse)),
});

export const thm1LinearActivation = defineMutant({
  of: thm1,
  id: 'allenzhu-li-2019/thm1/resnet-learns-composite~linear-activation',
  change: 'sigma replaced by the identity: the ResNet is an affine map x -> x W (I + U) A + c',
  status: 'safe',
  kind: 'exact',
  purpose: 'sanity',
  // Exact: the design of thm1's statistical test does not apply.
  design: undefined,
  expected:
    'd = 8, k = 4 (the smallest instance where G is defined), any N: population MSE >= k (1 + alpha^2) = 4.36 against delta = k alpha^4 = 0.032. ' +
    'A harness check, not evidence: every affine predictor fails (no capacity for any parity), whatever the training',
  hypotheses: fc.record({ d: fc.constantFrom(8, 12, 16), baseSeed: seedArb() }),
  check: ({ d, baseSeed }: { d: number; baseSeed: number }): Evidence => {
    const c: SeparationConfig = {
      ...QUICK,
      task: { ...QUICK.task, d },
      resnet: { ...QUICK.resnet, activation: 'identity' },
      seeds: 1,
      baseSeed,
    };
    const [population] = resnetPopulationRisks(c);
    const delta = (d / 2) * c.task.alpha ** 4;
    return {
      // Every output is a parity of degree >= 2, orthogonal to all affine functions under the
      // uniform hypercube, so any affine predictor has population risk k (1 + alpha^2) + ||M||^2 + ||c||^2.
      conditions: [le('population MSE of the trained (linear) network <= delta = k alpha^4', population, delta)],
      quantities: { d, k: d / 2, delta, populationMse: population, bestAffineMse: (d / 2) * (1 + c.task.alpha ** 2) },
    };
  },
  tolerance: { rel: 1e-9, abs: 1e-12, reason: 'the population MSE is an exact float64 mean over all 2^d hypercube points' },
  runs: { quick: 3, ci: 5, thorough: 10 },
  describe: ({ d, baseSeed }: { d: number; baseSeed: number }) =>
    `linear ResNet (identity activation), parity target, d = ${d}, k = ${d / 2}, alpha = 0.3, N = ${QUICK.N}, seed ${baseSeed}; risk over all 2^${d} points`,
});

// ---------------------------------------------------------------------------------------------
// Thm 3: on the same data, every kernel method stays above 0.8 tau while the ResNet is below 0.5 tau.

/** Per-seed rule [C]: 4 of 5 seeds; the sign test on the per-seed margin carries the strength (5 of 5: p = 0.031). */
const SEED_NEED = 4;

/**
 * Thm 3's check for a set of fixed kernels: per seed, MSE_net <= 0.5 tau and every kernel's MSE >= 0.8 tau;
 * one condition per kernel names which kernels were beaten.
 */
function kernelEvidence(c: SeparationConfig, kernels: readonly Learner[]): Evidence {
  const tau = tauOf(c);
  const net = netRisks(c);
  const per = kernels.map((l) => Array.from({ length: c.seeds }, (_, r) => learnerRisk(c, r, l)));
  const best = net.map((_, r) => Math.min(...per.map((risks) => risks[r].mse)));
  const bestName = net.map((_, r) => kernels[per.findIndex((risks) => risks[r].mse === best[r])]);
  const quantities: Record<string, number> = { tau, ...rangeQuantities('net', net), ...rangeQuantities('bestKernel', best) };
  kernels.forEach((l, i) => {
    Object.assign(
      quantities,
      rangeQuantities(
        l,
        per[i].map((x) => x.mse),
      ),
    );
    quantities[`${l}.lambdaMedian`] = riskRange(per[i].map((x) => x.lambda)).median;
  });
  const margins = best.map((b, i) => b - net[i]);
  const e = seedCountEvidence({
    rule: `MSE_net <= 0.5 tau and each of ${kernels.join(', ')} >= 0.8 tau`,
    margins,
    passes: net.map((v, i) => v <= 0.5 * tau && best[i] >= 0.8 * tau),
    need: SEED_NEED,
    on: 'per-seed MSE_bestKernel - MSE_net (best kernel per seed)',
    effect: {
      name: `median MSE_bestKernel - MSE_net (best kernel: ${[...new Set(bestName)].join(', ')})`,
      value: riskRange(margins).median,
    },
    scale: scaleWords(c),
    quantities,
  });
  const beaten = kernels.map((l, i) =>
    le(
      `${l}: seeds below 0.8 tau (beats the ResNet's side of the rule), at most ${c.seeds - SEED_NEED}`,
      per[i].filter((x) => x.mse < 0.8 * tau).length,
      c.seeds - SEED_NEED,
    ),
  );
  return { ...e, conditions: [...e.conditions, ...beaten] };
}

export const thm3 = defineClaim({
  id: 'allenzhu-li-2019/thm3/kernel-lower-bound',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'Theorem 3',
  confidence: 'V2, C',
  kind: 'statistical',
  statement:
    'Any kernel method (NTK, conjugate / random-feature kernels) has population risk >= Omega(alpha^2) even with ' +
    'N = (N_res)^{k/2} samples; at small scale, on the same data per seed: MSE_net <= 0.5 tau and the MSE of each of five fixed kernels ' +
    "(RBF, two-layer ReLU NTK, polynomial of the target's degree 8, the ResNet's own NTK at initialisation, last-layer-only training; " +
    'ridge chosen on a validation sample) >= 0.8 tau, in at least 4 of 5 seeds.',
  notes:
    "Kernels: exp(-||x - x'||^2 / d); the catalog's sphere ReLU NTK u (pi - t)/pi + (sin t + (pi - t) u)/pi; (1 + <x, x'>/d)^8, the " +
    "polynomial kernel of G(F)'s degree (the strongest classical baseline for a degree-8 target); the empirical NTK of the ResNet at its " +
    'initialisation for one output (closed form, scaled to unit mean diagonal; used for every output) [R]; ridge regression on the ' +
    "ResNet's features at initialisation. Ridge lam * N, lam in {1e-4, ..., 1e-1}, chosen on 1000 validation points drawn independently " +
    'of the training and test sets. One condition per kernel says which kernels were beaten on how many seeds. The sign test on the ' +
    "per-seed margin MSE_bestKernel - MSE_net carries the strength (R = 5: p = 1/32 when every seed is on the claim's side). " +
    'Float32 CG with float64 refinement for the solves; MSEs in float64.',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  budgetSeconds: BUDGET_SECONDS,
  check: (c: SeparationConfig) => kernelEvidence(c, KERNELS),
  tolerance: exactThreshold(
    'pass rule fixed before the run: at least 4 of 5 seeds meet the per-seed rule, and no kernel is below 0.8 tau on 2 or more seeds',
  ),
  describe: describeScale,
  design: designOf(
    binomialTail(QUICK.seeds - SEED_NEED + 1, QUICK.seeds, Q_SEED_HALF_TAU + Q_SEED_FIXED_SIDE),
    `computed: P[Binomial(${QUICK.seeds}, q) >= ${QUICK.seeds - SEED_NEED + 1}] with q = ${Q_SEED_HALF_TAU.toFixed(4)} + 1e-12 (union bound over the two sides ` +
      `of the per-seed rule): the ResNet side, 95% Clopper-Pearson bound from 0 of ${RESNET_CAL_RUNS} calibration runs above 0.5 tau ` +
      '(largest 0.021 against 0.36); the kernel side, a Student-t predictive tail below 1e-23 (best kernel per seed 0.758-0.790 ' +
      'against 0.8 tau = 0.576 on 40 calibration seeds with all five kernels, base seeds 9300 and 9400). It also bounds the ' +
      'per-kernel conditions (CALIBRATION.md section 4)',
  ),
});

/**
 * The mutants' rule "a learner other than the ResNet reaches MSE <= 0.5 tau" (the ResNet's side of
 * thm3 and thm4), on per-seed MSEs, in at least SEED_NEED seeds.
 */
function halfTauEvidence(
  c: SeparationConfig,
  words: { rule: string; on: string; effect: string; quantity: string },
  risks: number[],
): Evidence {
  const tau = tauOf(c);
  return seedCountEvidence({
    rule: `${words.rule} MSE <= 0.5 tau`,
    margins: risks.map((v) => 0.5 * tau - v),
    need: SEED_NEED,
    on: `per-seed 0.5 tau - ${words.on}`,
    effect: { name: `median ${words.effect} / tau`, value: riskRange(risks).median / tau },
    scale: scaleWords(c),
    quantities: { tau, ...rangeQuantities(words.quantity, risks) },
  });
}

export const thm3KernelMatchesResnet = defineMutant({
  of: thm3,
  ...MUTANT_REPLAYS,
  id: 'allenzhu-li-2019/thm3/kernel-lower-bound~kernel-matches-resnet',
  baselineTolerance: TRAINED_BASELINE,
  change: "a fixed kernel (including the network's own NTK) reaches MSE <= 0.5 tau with the N at which the ResNet passes",
  status: 'safe [C]',
  expected:
    'the smallest calibrated instance with d >= 16 where the ResNet passes (d = 16, N = 2500): every kernel >= 0.8 tau, the best the two-layer ReLU NTK at ~0.77, the ResNet ~0.02',
  check: (c: SeparationConfig): Evidence =>
    halfTauEvidence(
      c,
      { rule: 'best kernel', on: 'MSE_kernel (best kernel per seed)', effect: 'MSE_kernel', quantity: 'bestKernel' },
      Array.from({ length: c.seeds }, (_, r) => Math.min(...KERNELS.map((l) => learnerRisk(c, r, l).mse))),
    ),
});

export const thm3OracleKernel = defineMutant({
  of: thm3,
  ...MUTANT_REPLAYS,
  id: 'allenzhu-li-2019/thm3/kernel-lower-bound~oracle-kernel',
  baselineTolerance: TRAINED_BASELINE,
  change:
    "the same check with a sixth fixed kernel that knows G's support: the linear kernel on all monomials of degree <= 2 plus x_1 ... x_8 " +
    '(the kernel-regression form of the oracle feature map) also stays >= 0.8 tau',
  status: 'safe',
  purpose: 'power',
  expected:
    "refuted for the theorem's reason: the lower bound holds for a kernel that must serve every support of the degree-k parity (hence " +
    'N ~ d^k); a kernel aligned with the one support in use fits alpha G(F) exactly (MSE ~ 0 against 0.8 tau = 0.58)',
  check: (c: SeparationConfig) => kernelEvidence(c, [...KERNELS, 'oracle-monomials']),
});

// ---------------------------------------------------------------------------------------------
// Thm 4: linear regression over a fixed feature map that learns F still fails on alpha G(F).

/** A feature map "learns F" when its test error against F alone is at most this share of tau [C]. */
const LEARNS_F_SHARE = 0.2;

function featureEvidence(c: SeparationConfig, map: Learner): Evidence {
  const tau = tauOf(c);
  const net = netRisks(c);
  const feat = net.map((_, r) => learnerRisk(c, r, map));
  const mse = feat.map((f) => f.mse);
  const mseF = feat.map((f) => f.mseF ?? Infinity);
  const margins = mse.map((v, i) => v - net[i]);
  return seedCountEvidence({
    rule: `MSE_net <= 0.5 tau, ${map} learns F (MSE against F <= ${LEARNS_F_SHARE} tau) and its MSE >= 0.8 tau`,
    margins,
    passes: net.map((v, i) => v <= 0.5 * tau && mseF[i] <= LEARNS_F_SHARE * tau && mse[i] >= 0.8 * tau),
    need: SEED_NEED,
    on: `per-seed MSE_${map} - MSE_net`,
    effect: { name: `median MSE_${map} - MSE_net`, value: riskRange(margins).median },
    scale: scaleWords(c),
    quantities: { tau, ...rangeQuantities('net', net), ...rangeQuantities(map, mse), ...rangeQuantities(`${map}.onF`, mseF) },
  });
}

export const thm4 = defineClaim({
  id: 'allenzhu-li-2019/thm4/feature-map-regression-lower-bound',
  baselineTolerance: TRAINED_BASELINE,
  paper,
  theorem: 'Theorem 4 (computational lower bound)',
  confidence: 'V (abstract), R (form), C',
  kind: 'statistical',
  statement:
    'Linear regression over any fixed feature map phi: R^d -> R^D needs D about (N_res)^{Omega(k)} to beat risk Omega(alpha^2). ' +
    'Checked here for one map only (no scan in D): on the same data per seed, MSE_net <= 0.5 tau, and ridge regression on all monomials of degree <= 2 ' +
    '(D = 153 at d = 16, a map that contains F and learns it) has MSE against F <= 0.2 tau but MSE >= 0.8 tau, in at least 4 of 5 seeds.',
  notes:
    'What this shows is narrow: one fixed map (degree <= 2 monomials, D = 153) that learns F cannot fit G; the D-versus-N ' +
    'dependence the theorem states is not measured (a D ladder up to C(16, 8) is future work). Since G is orthogonal to every ' +
    'feature, the "MSE >= 0.8 tau" side holds by construction and only the ResNet side and the "learns F" side can fail. ' +
    'The feature map holds F exactly (F_j = x_{2j-1} x_{2j}), so the check fails only on the G part: alpha G(F) is a degree-8 parity, ' +
    'orthogonal to every feature, and the fitted predictor pays its full k alpha^2. The condition "learns F" (test MSE against F alone ' +
    '<= 0.2 tau; measured 0.03-0.05 against 0.14) rules out the old failure mode (D = 1024 random ReLU features failed even on F). ' +
    'Ridge lam * N on the catalog grid, chosen on 1000 validation points; float64 Cholesky on a Gram accumulated in float64. The ' +
    'theorem number and exact form are [R]. The sign test on MSE_features - MSE_net carries the strength (R = 5: p = 1/32).',
  hypotheses: catalogScale(),
  examples: [QUICK],
  runs: RUNS,
  budgetSeconds: BUDGET_SECONDS,
  check: (c: SeparationConfig) => featureEvidence(c, 'monomials'),
  tolerance: exactThreshold('pass rule fixed before the run: at least 4 of 5 seeds meet the per-seed rule'),
  describe: describeScale,
  design: designOf(
    binomialTail(QUICK.seeds - SEED_NEED + 1, QUICK.seeds, Q_SEED_HALF_TAU + Q_SEED_FIXED_SIDE),
    `computed: P[Binomial(${QUICK.seeds}, q) >= ${QUICK.seeds - SEED_NEED + 1}] with q = ${Q_SEED_HALF_TAU.toFixed(4)} + 1e-12 (union bound over the sides ` +
      `of the per-seed rule): the ResNet side, 95% Clopper-Pearson bound from 0 of ${RESNET_CAL_RUNS} calibration runs above 0.5 tau; ` +
      'the feature-map sides, Student-t predictive tails below 1e-23 (monomial MSE 0.748-0.776 against 0.8 tau = 0.576, MSE against ' +
      'F 0.031-0.051 against 0.2 tau = 0.144, 40 calibration seeds of base seeds 9300 and 9400; CALIBRATION.md section 4)',
  ),
});

export const thm4OracleFeatures = defineMutant({
  of: thm4,
  ...MUTANT_REPLAYS,
  id: 'allenzhu-li-2019/thm4/feature-map-regression-lower-bound~oracle-features',
  baselineTolerance: TRAINED_BASELINE,
  change: "the same check on a fixed feature map of D = 154 that holds G's monomial: all monomials of degree <= 2 plus x_1 ... x_8",
  status: 'safe',
  purpose: 'power',
  expected:
    "refuted for the theorem's reason: a fixed map beats risk alpha^2 only if it spans the degree-k part, which for an unknown support " +
    'costs D ~ C(d, 8) features; with the one monomial in use the regression fits alpha G(F) exactly (MSE ~ 0 against 0.8 tau = 0.58)',
  check: (c: SeparationConfig) => featureEvidence(c, 'oracle-monomials'),
});

export const thm4OutputLayerOnly = defineMutant({
  of: thm4,
  ...MUTANT_REPLAYS,
  id: 'allenzhu-li-2019/thm4/feature-map-regression-lower-bound~output-layer-only',
  baselineTolerance: TRAINED_BASELINE,
  change:
    'training only the output layer A (W, U, b1, b2 fixed at initialisation) reaches MSE <= 0.5 tau at the N where the full ResNet passes',
  status: 'expected',
  purpose: 'sanity',
  expected:
    "a harness check, not evidence: refuted by capacity (the ResNet's 64 features at initialisation do not even fit F: MSE 5.8-6.6 " +
    "against 0.5 tau = 0.36), not by the theorem's reason",
  check: (c: SeparationConfig): Evidence =>
    halfTauEvidence(
      c,
      { rule: 'output-layer-only', on: 'MSE_output-layer', effect: 'MSE_output-layer', quantity: 'outputLayer' },
      // Ridge on the features at initialisation is the limit of training A alone (lam on the validation sample).
      Array.from({ length: c.seeds }, (_, r) => learnerRisk(c, r, 'last-layer').mse),
    ),
});
