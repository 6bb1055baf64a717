/**
 * Main lower bound of the BFC paper on the catalog's toy: on the same data where the network
 * learns, kernel methods (RBF, the degree-4 polynomial kernel, the two-layer ReLU NTK) stay near
 * the one-block plateau. Mutants: a kernel that succeeds at the claim's scale (false, catalog) and
 * the power mutant, the same check above the monomial count where a kernel must succeed.
 */
import { FLOAT32_TRAINED_BASELINE, defineClaim, defineMutant, exactThreshold, fc, le, seedCountEvidence, type Evidence } from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { rangeQuantities } from 'claimcheck/core';
import {
  CAL_FAILED,
  FRESH_SEEDS,
  QUICK,
  RUNS,
  SEED_RULE,
  bfcDesign,
  catalogScale,
  med,
  paper,
  plateaus,
  required,
  runsOrSkip,
  scaleWords,
} from './common.js';
import { BFC_KERNELS, bfcKernelRisk, degree4MonomialCount } from './kernels.js';
import type { BfcConfig, BfcSeedRun } from './staged.js';

/**
 * Ridge grid lam (mu = lam * n), chosen on a validation split of the training sample (kernels.ts).
 * Calibration (base 9101, d = 16, N = 1000) on {1e-8, ..., 1e-2}: the polynomial kernel mostly chose
 * the edge 1e-8, RBF 1e-5 to 1e-4, the NTK 1e-4 to 1e-3 (CALIBRATION.md); the grid now reaches two
 * decades below that edge (mu = 1e-10 N is still far above float64 rounding of a Gram with diagonal 16).
 */
const LAMBDAS = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2];

function kernelTable(c: BfcConfig, runs: readonly BfcSeedRun[], plateau: readonly number[]) {
  const per = BFC_KERNELS.map((kind) => ({ kind, fits: runs.map((_, r) => bfcKernelRisk(c, r, kind, LAMBDAS)) }));
  const best = runs.map((_, r) => Math.min(...per.map((p) => p.fits[r].mse)));
  const q: Record<string, number> = { 'C(d+4,4)': degree4MonomialCount(c.d) };
  for (const { kind, fits } of per) {
    Object.assign(
      q,
      rangeQuantities(
        `${kind}/plateau`,
        fits.map((f, r) => f.mse / plateau[r]),
      ),
    );
    q[`${kind}.lambdaMedian`] = med(fits.map((f) => f.lambda));
  }
  Object.assign(
    q,
    rangeQuantities(
      'bestKernel/plateau',
      best.map((b, r) => b / plateau[r]),
    ),
  );
  return { best, quantities: q };
}

function lowerCheck(c: BfcConfig): Evidence {
  const runs = runsOrSkip(c);
  if (!Array.isArray(runs)) return runs;
  const { plateau, quantities } = plateaus(c, runs);
  const { best, quantities: kq } = kernelTable(c, runs, plateau);
  // The network's side (MSE_joint <= 0.25 plateau on the same seeds) is main-upper's claim, judged there on
  // its own fresh seeds; here it is reported (mse.joint/plateau), so a stuck joint run (1 of 60 calibration
  // seeds) cannot fail the kernel claim.
  return seedCountEvidence({
    rule: 'best kernel MSE >= 0.8 plateau',
    margins: best.map((b, i) => b / plateau[i] - 0.8),
    need: required(c.seeds),
    on: 'per-seed best kernel MSE / plateau - 0.8',
    effect: { name: 'median best kernel MSE / plateau', value: med(best.map((b, r) => b / plateau[r])) },
    scale: scaleWords(c),
    quantities: {
      ...kq,
      ...quantities,
      ...rangeQuantities(
        'mse.joint/plateau',
        runs.map((r, i) => r.joint.testMse / plateau[i]),
      ),
    },
  });
}

export const nonHierarchicalLearnersFail = defineClaim({
  id: 'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail',
  // Float32 numbers: the kernel risks come from float32 TF.js CG (float64 refinement to residual 1e-4), which may round differently across CPUs.
  baselineTolerance: { default: FLOAT32_TRAINED_BASELINE },
  paper,
  theorem: 'main theorem (lower bounds, abstract)',
  confidence: 'V (abstract), R (toy instance), C',
  kind: 'statistical',
  statement:
    'Kernel methods and NTKs (and non-hierarchical learners generally) need d^omega(1) samples or time to reach d^-0.01 error on the class. ' +
    'Toy proxy, same data per seed (N well below C(d+4, 4): N / C = 0.21): the best of kernel ridge with the RBF kernel (gamma = 1/(2d)), ' +
    "the degree-4 polynomial kernel (1 + <x, x'>/d)^4 and the two-layer ReLU NTK, ridge chosen on a validation split of the training " +
    'sample, has test MSE >= 0.8 plateau on 10 of 12 fresh seeds at ci (quick: 4 of 5 pinned seeds). The network on the same data ' +
    'is reported here but not judged: its <= 0.25 plateau side is judged by main-upper on its own seeds.',
  notes:
    'What it shows: at a sample size a quarter of the number of degree-<=4 monomials, three fixed kernels, each with its best ridge on a ' +
    'validation split (never the test set), stay above the one-block plateau (calibration: best kernel 1.2-2.2 plateau, the degree-4 ' +
    'polynomial kernel always the best) while the hierarchical learner fits the target: a sign test over 12 fresh seeds at ci. It is a ' +
    'finite-size proxy of an asymptotic d^omega(1) bound, not the bound: the power mutant ~kernel-above-monomial-count shows the same ' +
    'check fails once N exceeds C(d+4, 4), as it must. Compositional kernels are not run. Deviation: d = 16, N = 1000 at quick / ci ' +
    "(the catalog's d = 24, N = 5000 at thorough, where the solver is CG with float64 refinement to relative residual 1e-4).",
  hypotheses: catalogScale(FRESH_SEEDS),
  examples: [QUICK],
  // One catalog-scale case at thorough: 12 seeds x (20 s training + 3 kernels at N = 5000) is most of its 1200 s.
  runs: { ...RUNS, thorough: 1 },
  design: bfcDesign({ failed: CAL_FAILED.lower, of: 60, R: FRESH_SEEDS, rule: 'best kernel >= 0.8 plateau' }),
  check: lowerCheck,
  tolerance: SEED_RULE,
  describe: scaleWords,
});

export const kernelSucceeds = defineMutant({
  of: nonHierarchicalLearnersFail,
  id: 'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail~kernel-succeeds',
  // Float32 numbers: the kernel risks come from float32 TF.js CG (float64 refinement to residual 1e-4), which may round differently across CPUs.
  baselineTolerance: { default: FLOAT32_TRAINED_BASELINE },
  change: 'a fixed kernel reaches the hierarchical part at the claim scale: best kernel MSE <= 0.25 plateau (d = 16, N = 1000, one seed)',
  status: 'safe [C]',
  expected: 'd = 16, N = 1000 (N / C(d+4, 4) = 0.21), one seed: best kernel (degree-4 polynomial) ~1.3-2 plateau',
  hypotheses: fc.record({ baseSeed: seedArb() }).map(({ baseSeed }): BfcConfig => ({ ...QUICK, seeds: 1, baseSeed })),
  // The first pinned seed of the claim (its kernels are already fitted); fresh seeds at ci / thorough.
  examples: [{ ...QUICK, seeds: 1 }],
  // Fresh seeds at ci keep R = 1: the mutant reads one seed's kernels.
  design: { ...nonHierarchicalLearnersFail.design, reseed: (c: BfcConfig, seed: number) => ({ ...c, baseSeed: seed }) },
  check: (c: BfcConfig): Evidence => {
    const runs = runsOrSkip(c);
    if (!Array.isArray(runs)) return runs;
    const { plateau, quantities } = plateaus(c, runs);
    const { best, quantities: kq } = kernelTable(c, runs, plateau);
    return {
      conditions: [le('best kernel MSE <= 0.25 plateau', best[0], 0.25 * plateau[0])],
      quantities: { ...kq, ...quantities },
    };
  },
  tolerance: exactThreshold("the 0.25 plateau threshold is the catalog's, fixed before the run"),
  runs: { quick: 0, ci: 0, thorough: 2 },
  describe: scaleWords,
});

/** d = 8: C(12, 4) = 495 monomials of degree <= 4, so N = 1000 is above twice the count. */
const ABOVE: Pick<BfcConfig, 'd' | 'N'> = { d: 8, N: 1000 };

export const kernelAboveMonomialCount = defineMutant({
  of: nonHierarchicalLearnersFail,
  id: 'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail~kernel-above-monomial-count',
  change:
    'the same check where the lower bound does not apply: d = 8, N = 1000 > 2 C(12, 4) = 990, where a degree-4 kernel has enough ' +
    'samples to fit every degree-<=4 polynomial',
  status: 'safe [C]',
  purpose: 'power',
  expected: 'every seed fails: the degree-4 polynomial kernel fits the target (calibration: ~1e-5 plateau at d = 8, N = 1000)',
  // One seed per case (rule 1 of 1): three kernel fits per seed are the cost, and every seed fails.
  hypotheses: fc.record({ baseSeed: seedArb() }).map(({ baseSeed }): BfcConfig => ({ ...QUICK, ...ABOVE, seeds: 1, baseSeed })),
  check: lowerCheck,
  runs: { quick: 1, ci: 1, thorough: 2 },
  describe: scaleWords,
});
