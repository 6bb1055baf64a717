/**
 * Shamir, "Are ResNets Provably Better than Linear Predictors?" (NeurIPS 2018, arXiv 1804.06739).
 * Catalog: shared/claims/shamir2018.md. Eight claims and eleven mutants, in the paper's order.
 *
 * This file only declares; the numbers come from src/core (float64 objective and bounds,
 * experiments) and the cases from src/claims/hypotheses. It is longer than 300 lines because it
 * holds nineteen declarations, each with its statement, tolerance reason and catalog notes.
 */
import {
  FLOAT32_TRAINED_BASELINE,
  defineClaim,
  defineMutant,
  eq,
  exactThreshold,
  fc,
  FLOAT64_TOLERANCE,
  ge,
  jitterFields,
  le,
  seedCountEvidence,
  skipCase,
  type Evidence,
  type PaperRef,
} from 'claimcheck';
import { residualInstanceArb, type ResidualInstance, seedArb } from 'claimcheck/arbitraries';
import {
  bestLinearPredictor,
  binomialTail,
  CONVEX_LOSSES,
  criticalPoints,
  frobenius,
  gridStarts,
  keyFromSeed,
  lambdaMin,
  linearLoss,
  lossByName,
  median,
  mlpForward,
  norm2,
  noSkipLoss,
  residualGradient,
  residualHessian,
  residualLoss,
  symmetricEigenvalues,
  type ResidualData,
} from 'claimcheck/core';
import { exampleOneData, regularizedExampleOne, regularizedLinearOptimum } from './exampleOne.js';
import { thm1Sides, thm2Sides, zeroWCurvature } from './bounds.js';
import { trainResidual } from './trainedResidual.js';
import { jointObjective, splitJoint, type JointData } from './jointObjective.js';
import { saddleFreeNewton } from './saddleFreeNewton.js';
import { deadReluCaseArb, trainingCaseArb, type DeadReluCase, type TrainingCaseValue } from './trainingCase.js';
import { thm4Margins, type SgdSetup } from './sgdVersusLinear.js';
import { exampleOnePool, makeTanhPool } from './sgdPool.js';
import { SOPSP_BOX, SOPSP_N, sopspBound, sopspInstance, worstSopsps, type SopspCase } from './sopspWorst.js';

export const paper: PaperRef = {
  key: 'shamir2018',
  title: 'Are ResNets Provably Better than Linear Predictors?',
  authors: 'Ohad Shamir',
  venue: 'NeurIPS 2018',
  arxiv: '1804.06739',
  confidence: 'high',
};

/** A data seed is not simpler for being smaller: never shrink it (shrinking would re-run the
 *  whole experiment for each of ~30 halvings and end on a seed no more readable). */
const poolSeed = seedArb();

/** Powers of two keep Example 1 exact in float32 and float64 alike (catalog). */
const exampleEps = (first: number[]) => fc.constantFrom(...first);

// ---------------------------------------------------------------------------------------------
// Thm 1: the gradient norm bounds how much worse than any linear predictor a point can be.

const residualData = (h: ResidualInstance): ResidualData => ({ X: h.X, Fx: mlpForward(h.f, h.X), y: h.y, loss: lossByName(h.loss) });
const comparator = (h: ResidualInstance, data: ResidualData): number[] => h.wStar ?? bestLinearPredictor(h.X, h.y, data.loss).w;
const describeInstance = (h: ResidualInstance): string =>
  `n = ${h.n}, d = ${h.d}, k = ${h.k}, ${h.loss} loss, ${h.features} features, region ${h.region}; ` +
  `X = ${JSON.stringify(h.X)}, y = ${JSON.stringify(h.y)}, f = ${JSON.stringify(h.f.layers)} (${h.f.activation}), ` +
  `w = ${JSON.stringify(h.w)}, V = ${JSON.stringify(h.V)}, w* = ${h.wStar === null ? 'argmin F_lin' : JSON.stringify(h.wStar)}`;

const THM1_CONDITION = 'Thm 1: F(w, V) <= F_lin(w*) + ||grad F|| sqrt(2||w||^2 + ||w*||^2 (2 + ||V||^2/||w||^2))';

const thm1Check = (h: ResidualInstance) => {
  if (norm2(h.w) === 0) return skipCase('Thm 1 needs w != 0');
  const data = residualData(h);
  const s = thm1Sides(data, h.w, h.V, comparator(h, data));
  return {
    // Written as F <= F_lin + bound (not F - F_lin <= bound) so the relative tolerance scales with
    // the magnitudes actually summed, not with their possibly cancelling difference.
    conditions: [le(THM1_CONDITION, s.F, s.FLin + s.bound)],
    quantities: {
      F: s.F,
      FLin: s.FLin,
      gradNorm: s.gradNorm,
      bound: s.bound,
      normW: s.normW,
      normV: s.normV,
      normWStar: s.normWStar,
      slack: s.F - s.FLin - s.bound,
    },
  };
};

/** TeX for the quantities the bounds of Thms 1 and 2 are written in. */
const SYMBOLS = {
  gradNorm: '\\|\\nabla F\\|',
  normW: '\\|w\\|',
  normV: '\\|V\\|',
  normWStar: '\\|w^*\\|',
  F: 'F',
  FLin: 'F_{\\mathrm{lin}}(w^*)',
  lambdaMin: '\\lambda',
  wwNorm: '\\|\\nabla^2_{ww} F\\|',
};

/**
 * How close a case is to refuting Thm 1 or 2, scale-free: (F - F_lin) / bound, which the theorem
 * keeps at most 1. Cases where both vanish (a constant loss: bound 0, F = F_lin) are degenerate
 * ties, not near-misses, and are not climbed from.
 */
const ratioScore =
  (excess: (q: Readonly<Record<string, number>>) => number, bound: (q: Readonly<Record<string, number>>) => number) =>
  (e: Evidence): number | undefined => {
    const q = e.quantities ?? {};
    const b = bound(q);
    return b > 1e-12 ? excess(q) / b : undefined;
  };

const SUM_TOLERANCE = {
  ...FLOAT64_TOLERANCE,
  reason: 'both sides in float64; F and F_lin are means of n <= 500 non-negative terms, so round-off is below 1e-13 of the larger side',
};

export const thm1 = defineClaim({
  id: 'shamir2018/thm1/gradient-lower-bound',
  paper,
  theorem: 'Theorem 1',
  confidence: 'V2, C',
  kind: 'exact',
  statement:
    'For every (w, V, theta) with w != 0, every w* and every distribution: ||grad F_theta(w, V)|| ' +
    'sqrt(2||w||^2 + ||w*||^2 (2 + ||V||^2/||w||^2)) >= F(w, V, theta) - F_lin(w*), for losses convex in the prediction.',
  bound: {
    expression: 'gradNorm * sqrt(2 * normW^2 + normWStar^2 * (2 + normV^2 / normW^2))',
    quantity: 'bound',
    condition: { name: THM1_CONDITION, lhs: 'F', op: '<=', rhs: 'FLin + B' },
    symbols: SYMBOLS,
  },
  score: ratioScore(
    (q) => q.F - q.FLin,
    (q) => q.bound,
  ),
  notes:
    '||V|| is the spectral norm. w* is the float64 best linear predictor or a random vector (the inequality holds for every w*). ' +
    'Targeting climbs the scale-free ratio (F - F_lin) / bound: at quick it reaches 0.700-0.707 on run seeds 1-5 (the known ' +
    "tight value is about 0.7), so the search gets to the bound's tight corner without a heavier cancellation weight.",
  hypotheses: residualInstanceArb({ losses: CONVEX_LOSSES, requireNonzeroW: true }),
  check: thm1Check,
  tolerance: SUM_TOLERANCE,
  // The corners where variants of Thm 1 break (catalog, "Generators must reach the corners").
  cover: [
    { label: '||w|| < 0.1', minShare: 0.05, when: (h) => norm2(h.w) < 0.1 },
    { label: '||V||_F > 10', minShare: 0.05, when: (h) => frobenius(h.V) > 10 },
    { label: 'cancellation x + V f(x) ~ 0', minShare: 0.05, when: (h) => h.region === 'cancellation' },
    {
      label: 'dead or zero features (f = 0 on the sample)',
      minShare: 0.05,
      when: (h) => h.features === 'dead-relu' || h.features === 'zero',
    },
    { label: 'predictions far from labels', minShare: 0.03, when: (h) => h.region === 'far-labels' },
    { label: 'n = 1', minShare: 0.02, when: (h) => h.n === 1 },
  ],
  target: jitterFields<ResidualInstance>(['w', 'V', 'X', 'y', 'wStar']),
  runs: { quick: 200, ci: 600, thorough: 5000 },
  describe: describeInstance,
});

export const thm1NonconvexLoss = defineMutant({
  of: thm1,
  id: 'shamir2018/thm1/gradient-lower-bound~nonconvex-loss',
  change: 'the non-convex loss ell(p; y) = 1 - exp(-(p - y)^2) instead of a convex one',
  status: 'safe',
  expected: 'n = 1, d = k = 1, x = 1, y = 0, f = 0, V = 0, w = 3, w* = 0: F ~ 0.9999 > F_lin(0) + RHS ~ 3.1e-3',
  hypotheses: residualInstanceArb({ losses: ['saturating-gaussian'], requireNonzeroW: true }),
  check: thm1Check,
  target: jitterFields<ResidualInstance>(['w', 'V', 'X', 'y', 'wStar']),
  describe: describeInstance,
});

// ---------------------------------------------------------------------------------------------
// Thm 2: at w = 0, negative curvature bounds how much worse than linear a point can be.

const thm2Check = (h: ResidualInstance) => {
  const data = residualData(h);
  const wStar = comparator(h, data);
  if (norm2(wStar) === 0) return skipCase('Thm 2 needs w* != 0');
  const s = thm2Sides(data, h.V, wStar);
  return {
    conditions: [
      le('(a) lambda_min(Hess F(0, V)) / max(1, ||Hess||) <= 0', s.lambdaMin / Math.max(1, s.hessianNorm), 0),
      ge(THM2B_CONDITION, s.normWStar * s.curvatureTerm + s.FLin, s.F),
    ],
    quantities: {
      F: s.F,
      FLin: s.FLin,
      lambdaMin: s.lambdaMin,
      hessianNorm: s.hessianNorm,
      gradNorm: s.gradNorm,
      wwNorm: s.wwNorm,
      normV: s.normV,
      normWStar: s.normWStar,
      curvatureTerm: s.curvatureTerm,
    },
  };
};

const THM2B_CONDITION = '(b) ||w*|| (||grad F|| + ||V|| sqrt(|lam| ||d2F/dw2|| + lam^2)) + F_lin(w*) >= F(0, V)';

export const thm2 = defineClaim({
  id: 'shamir2018/thm2/zero-w-curvature-bound',
  paper,
  theorem: 'Theorem 2',
  confidence: 'V2, C',
  kind: 'exact',
  statement:
    'For every V, theta and w* != 0, with lam = lambda_min(Hess F_theta(0, V)): (a) lam <= 0; (b) ' +
    '||grad F_theta(0, V)|| + ||V|| sqrt(|lam| ||d2F/dw2|| + lam^2) >= (F(0, V, theta) - F_lin(w*)) / ||w*||.',
  bound: {
    expression: 'gradNorm + normV * sqrt(abs(lambdaMin) * wwNorm + lambdaMin^2)',
    quantity: 'curvatureTerm',
    condition: { name: THM2B_CONDITION, lhs: 'normWStar * B + FLin', op: '>=', rhs: 'F' },
    symbols: SYMBOLS,
  },
  score: ratioScore(
    (q) => q.F - q.FLin,
    (q) => q.normWStar * q.curvatureTerm,
  ),
  notes:
    'Hessian built in float64 from the exact block formulas, spectrum by a symmetric eigensolver. (b) is multiplied through by ||w*|| so the tolerance scales with the summed magnitudes. ' +
    'Targeting climbs (F - F_lin) / (||w*|| B): at quick it reaches 0.74-1.00 on run seeds 1-5 (1.00 up to round-off on two seeds: (b) is tight).',
  hypotheses: residualInstanceArb({ losses: CONVEX_LOSSES, zeroW: true }),
  check: thm2Check,
  cover: [
    { label: 'q = 0 exactly (Hessian blockdiag(B, 0))', minShare: 0.1, when: (h) => h.qZero !== null },
    { label: '||V||_F > 10', minShare: 0.05, when: (h) => frobenius(h.V) > 10 },
    { label: 'cancellation x + V f(x) ~ 0', minShare: 0.05, when: (h) => h.region === 'cancellation' },
  ],
  tolerance: {
    ...SUM_TOLERANCE,
    perCondition: {
      '(a) lambda_min(Hess F(0, V)) / max(1, ||Hess||) <= 0': {
        rel: 0,
        abs: 1e-12,
        reason: 'a symmetric eigensolver returns eigenvalues within ~1e-15 ||H|| of the truth; lambda is normalised by max(1, ||H||)',
      },
    },
  },
  target: jitterFields<ResidualInstance>(['V', 'X', 'y', 'wStar']),
  runs: { quick: 200, ci: 600, thorough: 5000 },
  describe: describeInstance,
});

export const thm2StrictNegativeCurvature = defineMutant({
  of: thm2,
  id: 'shamir2018/thm2/zero-w-curvature-bound~strict-negative-curvature',
  change: 'claims strictly negative curvature at w = 0: lambda_min(Hess F_theta(0, V)) < 0 for all V, theta',
  status: 'safe',
  expected: 'n = 1, d = k = 1, x = 1, y = 1, squared loss, f = 0, V = 0: Hessian [[1, 0], [0, 0]], lam = 0',
  check: (h: ResidualInstance) => {
    const s = zeroWCurvature(residualData(h), h.V);
    return {
      // A strict inequality is refutable only beyond round-off: the mutant is read as
      // lam < -1e-12 max(1, ||H||); the refuting family has lam = 0 exactly (q = 0).
      conditions: [le('lambda_min(Hess F(0, V)) / max(1, ||Hess||) < -1e-12', s.lambdaMin / Math.max(1, s.hessianNorm), -1e-12)],
      quantities: { lambdaMin: s.lambdaMin, hessianNorm: s.hessianNorm },
    };
  },
  tolerance: exactThreshold('the round-off margin is part of the mutated statement itself'),
  target: undefined,
});

// ---------------------------------------------------------------------------------------------
// Cor 1: every local minimum is no worse than the best linear predictor (checked via training).

/** Certification levels of an approximate local minimum in (w, V, theta): ||grad F|| <= eps_g, lambda_min >= -eps_h. */
const COR1_GRAD = 1e-8;
const COR1_CURV = 1e-6;

interface CertifiedPoint {
  readonly certified: boolean;
  readonly F: number;
  readonly FLin: number;
  readonly bound: number;
  readonly gradNorm: number;
  readonly lambdaMin: number;
  readonly K: number;
}

/**
 * Refines (w, V, theta) jointly in float64 by saddle-free Newton and asserts the corollary at the
 * result: at a certified approximate local minimum (||grad|| <= eps_g, lambda_min >= -eps_h) any
 * point satisfies F - F_lin(w*) <= eps_g K (Thm 1 at the certified level, K from the point's norms).
 * A point that does not certify (F need not attain a local minimum: saturating features can run
 * off to infinity) is still checked by Thm 1 at its own gradient and counted as uncertified.
 */
function certifyAndBound(D: JointData, start: number[]): CertifiedPoint | undefined {
  const f = jointObjective(D);
  const u = saddleFreeNewton(f, start, 300);
  const gradNorm = norm2(f.gradient(u));
  const lamMin = lambdaMin(f.hessian(u));
  const certified = gradNorm <= COR1_GRAD && lamMin >= -COR1_CURV;
  const { w, V, Fx } = splitJoint(D, u);
  const normW = norm2(w);
  if (normW === 0) return undefined;
  const s = thm1Sides({ X: D.X, Fx, y: D.y, loss: D.loss }, w, V, bestLinearPredictor(D.X, D.y, D.loss).w);
  const K = Math.sqrt(2 * normW ** 2 + s.normWStar ** 2 * (2 + s.normV ** 2 / normW ** 2));
  return { certified, F: s.F, FLin: s.FLin, bound: certified ? COR1_GRAD * K : s.bound, gradNorm, lambdaMin: lamMin, K };
}

const cor1Check = (h: TrainingCaseValue): Evidence => {
  const t = trainResidual(h);
  if (t.diverged) return { conditions: [le('training stayed finite', NaN, 0)], quantities: { trainLoss: t.trainLoss } };
  const { X, y, loss } = t.data;
  const wV = [...t.w, ...t.V.flat()];
  // Smooth instance: the trained point, refined.
  const smooth = certifyAndBound({ X, y, loss, k: h.k, activation: h.activation }, [...wV, ...t.theta.W.flat(), ...t.theta.b]);
  // Dead-ReLU instance on the same data: biases shifted so every unit is below zero on every
  // sample point with margin 1 (f = 0 near theta): only the skip can fit, and a unit without the
  // skip would be stuck at E ell(0; y). Its theta gradient is 0, so the refinement keeps the margin.
  const deadC = t.theta.W.map(
    (row, j) => t.theta.b[j] - Math.max(...X.map((x) => row.reduce((acc, wt, a) => acc + wt * x[a], t.theta.b[j]))) - 1,
  );
  const dead = certifyAndBound({ X, y, loss, k: h.k, activation: 'relu' }, [...wV, ...t.theta.W.flat(), ...deadC]);
  if (!smooth || !dead) return skipCase('w = 0 at the refined point: the Thm 1 form of the bound needs w != 0');
  const name = (p: CertifiedPoint, which: string) =>
    p.certified
      ? `${which}: certified approximate local minimum (||grad|| <= ${COR1_GRAD}, lambda_min >= -${COR1_CURV}): F <= inf F_lin + eps K`
      : `${which}: uncertified refined point: F <= inf F_lin + ||grad_(w,V) F|| K (Thm 1)`;
  const ratio = (p: CertifiedPoint) => (p.F - p.FLin) / p.bound;
  return {
    conditions: [
      le(name(smooth, `${h.activation} features`), smooth.F, smooth.FLin + smooth.bound),
      le(name(dead, 'dead ReLU features'), dead.F, dead.FLin + dead.bound),
    ],
    quantities: {
      F: smooth.F,
      infFLin: smooth.FLin,
      excess: smooth.F - smooth.FLin,
      bound: smooth.bound,
      certified: smooth.certified ? 1 : 0,
      gradNorm: smooth.gradNorm,
      lambdaMin: smooth.lambdaMin,
      deadF: dead.F,
      deadBound: dead.bound,
      deadCertified: dead.certified ? 1 : 0,
      deadGradNorm: dead.gradNorm,
      noSkipF: y.reduce((acc, yi) => acc + loss.value(0, yi), 0) / y.length,
      ratio: Math.max(ratio(smooth), ratio(dead)),
      trainLoss: t.trainLoss,
    },
  };
};

export const cor1 = defineClaim({
  id: 'shamir2018/cor1/local-min-no-worse-than-linear',
  // Float32 numbers: the trained residual net is trained in TF.js float32 before its float64 evaluation.
  baselineTolerance: { default: FLOAT32_TRAINED_BASELINE },
  paper,
  theorem: 'Corollary 1',
  confidence: 'V2',
  kind: 'exact',
  statement:
    'Every local minimum (w, V, theta) of F satisfies F(w, V, theta) <= inf_w F_lin(w), with no ' +
    'assumption on f_theta, the data or the depth; at an approximate local minimum (||grad F|| <= eps) ' +
    'F <= inf F_lin + eps sqrt(2||w||^2 + ||w*||^2 (2 + ||V||^2/||w||^2)).',
  notes:
    'Each case is warm-started by Adam in TF.js (float32) and refined in float64 by saddle-free Newton jointly in ' +
    '(w, V, theta) (one feature layer, tanh or softplus; and, on the same data, a ReLU layer with every unit dead). Each point is certified as an ' +
    `approximate local minimum of the full objective: ||grad_(w,V,theta) F|| <= ${COR1_GRAD} and lambda_min of the full ` +
    `Hessian (central differences of the analytic gradient, error ~1e-9) >= -${COR1_CURV}; then F - inf F_lin <= eps K is ` +
    'asserted with eps = 1e-8 (Thm 1 at the certified level). Every case also checks the dead-ReLU instance (most with ' +
    'n > d + d k): only the skip can fit there, and noSkipF = E ell(0; y) is what it would be worth without the skip. ' +
    'Between a quarter and a half of the smooth cases do not certify within 300 steps (saturating features: F need not attain a minimum); it is ' +
    'checked by Thm 1 at its own gradient and reported with certified = 0. Certified minima give F - inf F_lin <= 0 up to ' +
    'round-off (ratio <= 0): the O(eps) bound is not approached from above, as the corollary predicts.',
  hypotheses: trainingCaseArb(),
  check: cor1Check,
  score: (e: Evidence) => e.quantities?.ratio,
  tolerance: SUM_TOLERANCE,
  runs: { quick: 6, ci: 20, thorough: 200 },
  describe: (h: TrainingCaseValue) =>
    `n = ${h.X.length}, d = ${h.X[0].length}, k = ${h.k}, ${h.activation} layer (and its dead-ReLU twin), ${h.loss} loss, Adam lr ${h.lr} x ${h.steps} steps, seed ${h.seed}`,
});

export const cor1NoSkip = defineMutant({
  of: cor1,
  id: 'shamir2018/cor1/local-min-no-worse-than-linear~no-skip',
  change: 'the skip connection removed: x -> w^T V f_theta(x)',
  status: 'safe',
  expected: 'n = 1, d = k = 1, x = 1, y = 1, squared loss, theta = 0, c = -1, w = V = 0: F = 1/2 > F_lin(1) = 0',
  hypotheses: deadReluCaseArb(),
  check: (h: DeadReluCase) => {
    // Every unit of f = ReLU(theta x + c) is dead on the sample with this margin, so the output is
    // 0 for every (w, V) and every theta within the margin: a certified (non-strict) local minimum.
    const margin = Math.min(...h.X.flatMap((x) => h.theta.map((row, j) => -(row.reduce((s, t, a) => s + t * x[a], 0) + h.c[j]))));
    if (!(margin > 0)) return skipCase('not every ReLU unit is dead on the sample');
    const loss = lossByName(h.loss);
    const f = { activation: 'relu' as const, layers: [{ W: h.theta, b: h.c }] };
    const data: ResidualData = { X: h.X, Fx: mlpForward(f, h.X), y: h.y, loss };
    const F = noSkipLoss(data, h.w, h.V);
    // F_lin at the solver's w upper-bounds inf F_lin, so F > F_lin(w_hat) refutes soundly.
    const lin = bestLinearPredictor(h.X, h.y, loss);
    return {
      conditions: [le('local minimum no worse than linear: F <= inf F_lin', F, lin.value)],
      quantities: { F, FLin: lin.value, deadMargin: margin },
    };
  },
  describe: (h: DeadReluCase) =>
    `no-skip unit, ${h.loss} loss, X = ${JSON.stringify(h.X)}, y = ${JSON.stringify(h.y)}, theta = ${JSON.stringify(h.theta)}, c = ${JSON.stringify(h.c)}, w = ${JSON.stringify(h.w)}, V = ${JSON.stringify(h.V)}`,
  runs: { quick: 100, ci: 200, thorough: 1000 },
});

export const cor1StationaryPoints = defineMutant({
  of: cor1,
  id: 'shamir2018/cor1/local-min-no-worse-than-linear~stationary-points',
  change: 'every first-order stationary point (grad F = 0), not only local minima',
  status: 'safe',
  expected: 'Example 1 with eps = 1 at (w, v) = (0, -1): gradient 0, F = 1/2 > 0 (a saddle)',
  hypotheses: fc.record({ eps: exampleEps([1, 1 / 2, 1 / 8, 1 / 64]) }),
  check: ({ eps }: { eps: number }) => {
    const data = exampleOneData(eps);
    const V = [[-1 / eps]];
    if (residualGradient(data, [0], V).norm !== 0) return skipCase('not exactly stationary');
    const F = residualLoss(data, [0], V);
    const lin = bestLinearPredictor(data.X, data.y, data.loss).value;
    return { conditions: [le('stationary point no worse than linear: F <= inf F_lin', F, lin)], quantities: { eps, F, infFLin: lin } };
  },
  describe: ({ eps }: { eps: number }) => `Example 1 with eps = ${eps} at (0, ${-1 / eps})`,
  runs: { quick: 10, ci: 10, thorough: 10 },
});

export const cor1L2Regularized = defineMutant({
  of: cor1,
  id: 'shamir2018/cor1/local-min-no-worse-than-linear~l2-regularized',
  change: 'local minima of F + (lam/2)(||w||^2 + ||V||^2) compared with the regularised linear optimum',
  status: 'safe',
  expected: 'scalars, x = y = 1, f(x) = x, squared loss, lam = 0.1: the strict local minimum near (-1.139, -1.744) has value 0.229 > 0.045',
  hypotheses: fc.record({ lam: fc.constantFrom(0.1, 0.3, 0.5) }),
  check: ({ lam }: { lam: number }) => {
    const { minima, worst, linear } = regularizedMinima(lam);
    return {
      conditions: [le('every strict local minimum <= regularised linear optimum', worst?.value ?? -Infinity, linear)],
      quantities: { lam, minima: minima.length, w: worst?.x[0] ?? NaN, v: worst?.x[1] ?? NaN, F: worst?.value ?? NaN, linear },
    };
  },
  describe: ({ lam }: { lam: number }) => `Example 1 (eps = 1) with l2 regulariser lam = ${lam}`,
  runs: { quick: 10, ci: 10, thorough: 10 },
});

// ---------------------------------------------------------------------------------------------
// Thm 3: eps-SOPSPs are near the best linear predictor, up to a polynomial in the norms.

const sopspCheck =
  (firstOrder: boolean) =>
  (h: SopspCase): Evidence => {
    const inst = sopspInstance(h);
    const worst = worstSopsps(inst, h.seed, firstOrder);
    // Local minima are eps-SOPSPs for every eps, so every eps has a point by construction; an
    // eps without one would only mean nothing to judge there (the statement is vacuous).
    if (worst.length === 0) return skipCase('the search found no eps-SOPSP at any eps');
    const rows = worst.map((x) => ({ ...x, bound: sopspBound(inst, x.eps), excess: x.info.F - inst.minFLin }));
    return {
      conditions: rows.map((x) =>
        le(
          `eps = ${x.eps}: F(worst ${firstOrder ? 'eps-stationary point' : 'eps-SOPSP'}) <= min F_lin + bound(eps)`,
          x.info.F,
          inst.minFLin + x.bound,
        ),
      ),
      quantities: {
        mu0: inst.mu0,
        mu1: inst.mu1,
        mu2: inst.mu2,
        r: inst.r,
        minFLin: inst.minFLin,
        judged: rows.length,
        worstRatio: Math.max(...rows.map((x) => x.excess / x.bound)),
        ...Object.fromEntries(rows.map((x) => [`excess@${x.eps}`, x.excess])),
        ...Object.fromEntries(rows.map((x) => [`bound@${x.eps}`, x.bound])),
        ...Object.fromEntries(rows.map((x) => [`normW@${x.eps}`, x.info.normW])),
      },
    };
  };

const sopspCaseArb = fc.record({ seed: poolSeed, d: fc.integer({ min: 1, max: 3 }), kExtra: fc.integer({ min: 1, max: 2 }) });
const describeSopsp = ({ seed, d, kExtra }: SopspCase) =>
  `n = ${SOPSP_N}, d = ${d}, features (x, tanh(Theta x + c)) with k = ${d + kExtra}, squared loss, box ${SOPSP_BOX}, seed ${seed}`;

export const thm3 = defineClaim({
  id: 'shamir2018/thm3/sopsp-near-linear',
  paper,
  theorem: 'Theorem 3',
  confidence: 'V2 (form), R (explicit constants)',
  kind: 'exact',
  statement:
    'Every eps-SOPSP (w, V) in M = {||w|| < b, ||V|| < b} satisfies F <= min F_lin + min_rho max(A(rho), B(rho)) with ' +
    'A = eps sqrt(2b^2 + r^2 (2 + b^2/rho^2)), B = mu0 rho + r (eps + mu1 rho + b sqrt(L mu1 + L^2)), ' +
    "L = sqrt(mu2 eps) + mu2 rho, r = ||argmin F_lin||: the theorem's (eps + eps^(1/4)) poly(b, r, mu0, mu1, mu2), made explicit from Thms 1 and 2.",
  notes:
    'The bound is assembled from Thm 1 (||w|| >= rho) and Thm 2 at (0, V) plus the Lipschitz constants (||w|| < rho) [R]; ' +
    'mu0, mu1, mu2 are certified sups over the box for the squared loss, computed from the data (not sampled). Each case ' +
    'searches the worst eps-SOPSPs for eps = 1e-1 ... 1e-12: the exactly cancelling saddle (w = 0, V = [-I, 0], the ' +
    'features contain x), descent paths from near-cancelling saddles, local minima refined by saddle-free Newton (eps-SOPSPs ' +
    'for every eps, so every eps is judged), then an ascent of F restricted to points meeting the conditions. The ' +
    'quantity worstRatio = max_eps (F - min F_lin) / bound shows how close the search gets (about 0.01-0.02 at eps = 1e-2: ' +
    'the explicit polynomial is loose); the first-order mutant (curvature condition dropped) exceeds it by 1.5-7x at eps <= 1e-10.',
  hypotheses: sopspCaseArb,
  check: sopspCheck(false),
  score: (e: Evidence) => e.quantities?.worstRatio,
  tolerance: SUM_TOLERANCE,
  runs: { quick: 4, ci: 10, thorough: 40 },
  describe: describeSopsp,
});

export const thm3FirstOrder = defineMutant({
  of: thm3,
  id: 'shamir2018/thm3/sopsp-near-linear~first-order-stationary',
  change: 'the curvature condition dropped: every point with ||grad F|| <= eps (any lambda_min) meets the same bound',
  status: 'safe',
  expected:
    'the exactly cancelling saddle w = 0, V = [-I, 0]: gradient exactly 0, F = E y^2 / 2, above min F_lin + bound(eps) for eps <= 1e-10',
  check: sopspCheck(true),
});

export const thm3NormFree = defineMutant({
  of: thm3,
  id: 'shamir2018/thm3/sopsp-near-linear~norm-free',
  change: 'a constant C independent of b: every point with ||grad|| <= eps and lambda_min >= -eps has F <= min F_lin + C (eps + eps^(1/4))',
  status: 'safe',
  expected: 'scalars, x = y = 1, f(x) = eps x, squared loss, (w, v) = (0, -1/eps); for C = 1 the largest refuting eps is 1/32',
  kind: 'exact',
  hypotheses: fc.record({ C: fc.constantFrom(1, 10, 100), log2InvEps: fc.integer({ min: 1, max: 40 }) }),
  check: ({ C, log2InvEps }: { C: number; log2InvEps: number }) => {
    const eps = 2 ** -log2InvEps;
    const data = exampleOneData(eps);
    const V = [[-1 / eps]];
    const grad = residualGradient(data, [0], V).norm;
    const [lam] = symmetricEigenvalues(residualHessian(data, [0], V));
    // The point must meet the mutant's hypotheses; round-off on lambda = -eps is 1e-16 relative.
    if (grad > eps || lam < -eps * (1 + 1e-9)) return skipCase('not an approximate second-order stationary point');
    const excess = residualLoss(data, [0], V) - bestLinearPredictor(data.X, data.y, data.loss).value;
    return {
      conditions: [le('F - min F_lin <= C (eps + eps^(1/4))', excess, C * (eps + eps ** 0.25))],
      quantities: { eps, C, grad, lambdaMin: lam, normV: 1 / eps, excess },
    };
  },
  tolerance: { ...FLOAT64_TOLERANCE, reason: 'Example 1 evaluated in float64 at powers of two' },
  describe: ({ C, log2InvEps }: { C: number; log2InvEps: number }) =>
    `Example 1 with eps = 2^-${log2InvEps}, point (0, -2^${log2InvEps}), C = ${C}`,
  runs: { quick: 60, ci: 100, thorough: 300 },
});

// ---------------------------------------------------------------------------------------------
// Example 1: the norm dependence in Thm 3 is necessary.

export const ex1 = defineClaim({
  id: 'shamir2018/ex1/norm-dependence-necessary',
  paper,
  theorem: 'Example 1',
  confidence: 'V2, C',
  kind: 'exact',
  statement:
    'x = y = 1, f(x) = eps x, squared loss: at (w, v) = (0, -1/eps) the gradient is 0, the Hessian ' +
    'eigenvalues are +-eps and F = 1/2 while F_lin(1) = 0; Thm 2 holds there with w* = 1.',
  hypotheses: fc.record({ eps: exampleEps([1 / 2, 1 / 8, 1 / 64, 1 / 1024]) }),
  // A worked instance: every catalog eps always runs; random draws only repeat them.
  examples: [1 / 2, 1 / 8, 1 / 64, 1 / 1024].map((eps) => ({ eps })),
  runs: { quick: 4, ci: 4, thorough: 4 },
  check: ({ eps }) => {
    const data = exampleOneData(eps);
    const V = [[-1 / eps]];
    const [lo, hi] = symmetricEigenvalues(residualHessian(data, [0], V));
    const t2 = thm2Sides(data, V, [1]);
    return {
      conditions: [
        eq('gradient = 0', residualGradient(data, [0], V).norm, 0),
        eq('lambda_min = -eps', lo, -eps),
        eq('lambda_max = +eps', hi, eps),
        eq('F = 1/2', residualLoss(data, [0], V), 0.5),
        eq('F_lin(1) = 0', linearLoss(data.X, data.y, data.loss, [1]), 0),
        ge('Thm 2 (b) with w* = 1', t2.curvatureTerm * t2.normWStar + t2.FLin, t2.F),
      ],
      quantities: { eps, lambdaMin: lo, lambdaMax: hi, thm2Lhs: t2.curvatureTerm },
    };
  },
  tolerance: { ...FLOAT64_TOLERANCE, reason: 'closed forms evaluated in float64 at powers of two; only eigensolver round-off remains' },
  describe: ({ eps }) => `Example 1 with eps = ${eps}, point (0, ${-1 / eps})`,
});

export const ex1LocalMinimum = defineMutant({
  of: ex1,
  id: 'shamir2018/ex1/norm-dependence-necessary~local-minimum',
  change: 'claims the stationary point (0, -1/eps) is a local minimum (Hessian PSD)',
  status: 'safe',
  expected: 'eps = 1, Hessian eigenvalue -1',
  hypotheses: fc.record({ eps: exampleEps([1, 1 / 2, 1 / 8, 1 / 64]) }),
  check: ({ eps }: { eps: number }) => {
    const [lo] = symmetricEigenvalues(residualHessian(exampleOneData(eps), [0], [[-1 / eps]]));
    return { conditions: [ge('Hessian PSD: lambda_min >= 0', lo, 0)], quantities: { eps, lambdaMin: lo } };
  },
  describe: ({ eps }: { eps: number }) => `Example 1 with eps = ${eps}, point (0, ${-1 / eps})`,
});

// ---------------------------------------------------------------------------------------------
// Remark on regularisation: a norm regulariser creates spurious local minima.

const regularizedMinima = (lam: number) => {
  const f = regularizedExampleOne(1, lam);
  const minima = criticalPoints(f, gridStarts(2, -3, 3, 13)).filter((p) => p.type === 'strict-min');
  const worst = minima.reduce((a, b) => (b.value > a.value ? b : a), minima[0]);
  return { minima, worst, linear: regularizedLinearOptimum(lam) };
};

export const remarkReg = defineClaim({
  id: 'shamir2018/remark-reg/regularizer-creates-spurious-minima',
  paper,
  theorem: 'Remark (regularisation)',
  confidence: 'V2 (qualitative), C (instance)',
  kind: 'exact',
  statement:
    'F_lam(w, v) = (1/2)(w(1 + v) - 1)^2 + (lam/2)(w^2 + v^2) has a strict local minimum whose value ' +
    'exceeds the regularised linear optimum lam / (2(1 + lam)), for lam in {0.1, 0.3}.',
  hypotheses: fc.record({ lam: fc.constantFrom(0.1, 0.3) }),
  examples: [{ lam: 0.1 }, { lam: 0.3 }],
  runs: { quick: 2, ci: 2, thorough: 2 },
  check: ({ lam }): Evidence => {
    const { minima, worst, linear } = regularizedMinima(lam);
    if (!worst) return { conditions: [ge('a strict local minimum exists', 0, 1)], quantities: { lam, minima: 0 } };
    return {
      conditions: [
        ge('worst strict local minimum exceeds the linear optimum', worst.value, linear),
        ge('it is strict: lambda_min(Hess) > 0', worst.eigenvalues[0], 1e-6),
        le('it is critical: ||grad|| ~ 0', worst.gradNorm, 1e-9),
      ],
      quantities: { lam, minima: minima.length, w: worst.x[0], v: worst.x[1], F: worst.value, linear, lambdaMin: worst.eigenvalues[0] },
    };
  },
  tolerance: exactThreshold(
    'margins are fixed data: a Newton critical point is certified to 1e-9 in gradient norm (float64 ' +
      'round-off is 1e-15) and strictness needs an eigenvalue above 1e-6 (calibrated 0.238 and 0.3)',
  ),
  describe: ({ lam }) => `Example 1 (eps = 1) with l2 regulariser lam = ${lam}`,
});

// ---------------------------------------------------------------------------------------------
// Thm 4: projected SGD on the tweaked architecture competes with the best linear predictor.

const THM4_DELTA = 0.05;
/** Seeds per case and how many must meet the per-seed bound (fixed before any verdict run). */
const THM4_SEEDS = 10;
const THM4_NEED = 7;
const THM4_CALIBRATION = [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010];

const thm4Setup = (seed: number, thetaRule: 'fresh' | 'fixed', start: 'far' | 'random'): SgdSetup => ({
  pool: makeTanhPool({ n: 4000, d: 6, k: 5, bankSize: 32, thetaStd: 3, labelNoise: 0.3, key: keyFromSeed(seed) }),
  arch: 'tweaked',
  loss: lossByName('squared'),
  radius: 1,
  thetaRule,
  start,
  eta: 'theory',
  seed,
});

interface Thm4Case {
  readonly seed: number;
  readonly thetaRule: 'fresh' | 'fixed';
  readonly T: number;
}

const thm4Evidence = (h: Thm4Case, runEta?: number): Evidence => {
  const r = thm4Margins(thm4Setup(h.seed, h.thetaRule, 'far'), h.T, THM4_SEEDS, THM4_DELTA, runEta);
  return seedCountEvidence({
    rule: 'avg_t F <= F_lin(w_lin) + D0^2/(2 eta T) + eta l^2/2 + 2 r sqrt(2 log(1/delta)/T)',
    margins: r.margins,
    need: THM4_NEED,
    on: 'per-seed margin (bound - excess)',
    effect: { name: 'median excess / bound', value: median(r.excess.map((e, i) => e / r.bounds[i])) },
    scale: `d = 6, k = 5, b = 1, squared loss, pool 4000, theta ${h.thetaRule}, T = ${h.T}, ${THM4_SEEDS} seeds from pool seed ${h.seed}`,
    quantities: {
      T: h.T,
      eta: runEta ?? r.eta,
      minFLin: r.constants.minFLin,
      l: r.constants.l,
      r: r.constants.r,
      medianExcess: median(r.excess),
      maxExcess: Math.max(...r.excess),
      medianBound: median(r.bounds),
      minMargin: Math.min(...r.margins),
    },
  });
};

const thm4Design = {
  seeds: (h: Thm4Case) => [h.seed],
  reseed: (h: Thm4Case, seed: number) => ({ ...h, seed }),
  calibration: {
    seeds: THM4_CALIBRATION,
    note: 'pool seeds 1001-1010 (CALIBRATION.md): 100 of 100 seeds met the bound, median excess/bound at most 0.20; step size 0 met it on 0 of 100',
  },
  falseAlarm: {
    stageRate: binomialTail(THM4_SEEDS - THM4_NEED + 1, THM4_SEEDS, THM4_DELTA),
    how: `computed: P[Binomial(${THM4_SEEDS}, delta = ${THM4_DELTA}) >= ${THM4_SEEDS - THM4_NEED + 1}], the theorem's per-seed failure rate; measured 0 of 100 seeds failed on the calibration pools`,
  },
};

export const thm4 = defineClaim({
  id: 'shamir2018/thm4/sgd-competitive-with-linear',
  paper,
  theorem: 'Theorem 4',
  confidence: 'V2 (form), R (constants)',
  kind: 'statistical',
  statement:
    'Projected SGD on u = (w, v) of p(x) = w^T x + v^T f_theta(x), theta_t fixed before each sample, step eta, from any ' +
    'start u_0 in the ball ||u|| <= b: with probability >= 1 - delta, avg_t F(w_t, v_t, theta_t) <= min_{||w|| <= b} F_lin(w) + ' +
    'D0^2 / (2 eta T) + eta l^2 / 2 + 2 r sqrt(2 log(1/delta) / T), D0 = ||u_0 - (w_lin, 0)||.',
  bound: 'D0^2 / (2 * eta * T) + eta * l^2 / 2 + 2 * r * sqrt(2 * log(1 / delta) / T)',
  notes:
    'Explicit constants [R]: online gradient descent regret against the comparator (w_lin, 0) plus Azuma. The constants ' +
    'are data-dependent: D0 is the realised distance from the start to the comparator, l = sup ||grad_u ell|| and r = sup ell ' +
    'over the ball and every point and theta of the pool. Squared loss, b = 1, eta = b / (l sqrt T), T = 1e5, starts on ' +
    'the sphere away from the comparator (the theorem holds from any start; this one makes a learner that does not move ' +
    'pay an excess of about 0.4 against a bound of about 0.07). Pool of 4000 points, theta_t from a bank of 32 N(0, 9) ' +
    'thetas (fresh each step, or fixed). Rule: at least 7 of 10 seeds meet the per-seed bound; one-sided sign test on the ' +
    'per-seed margins. The realised excess is about 0.2 of the bound (the OGD bound is not tight at this scale).',
  hypotheses: fc.record({
    seed: poolSeed,
    thetaRule: fc.constantFrom<'fresh' | 'fixed'>('fresh', 'fixed'),
    T: fc.constant(100_000),
  }),
  design: thm4Design,
  check: (h: Thm4Case) => thm4Evidence(h),
  tolerance: exactThreshold('pass rule fixed before the run: at least 7 of 10 seeds meet the per-seed bound'),
  runs: { quick: 1, ci: 2, thorough: 5 },
  describe: ({ seed, thetaRule, T }: Thm4Case) =>
    `tweaked unit, d = 6, k = 5, b = 1, squared loss, pool seed ${seed}, theta ${thetaRule}, T = ${T}, ${THM4_SEEDS} seeds`,
});

export const thm4StepSizeZero = defineMutant({
  of: thm4,
  id: 'shamir2018/thm4/sgd-competitive-with-linear~step-size-zero',
  change: 'a learner that does not learn: step size 0, judged by the same bound (of the theory step)',
  status: 'safe',
  purpose: 'power',
  expected: 'every seed stays at its start: excess about 0.4 against a bound of about 0.07, 0 of 10 seeds meet it',
  check: (h: Thm4Case) => thm4Evidence(h, 0),
});

export const thm4OriginalArchitecture = defineMutant({
  of: thm4,
  id: 'shamir2018/thm4/sgd-competitive-with-linear~original-architecture',
  change: 'projected SGD on the original unit w^T (x + V f(x)) instead of the tweaked one, from any start',
  status: 'safe',
  expected: 'scalars, x = y = 1, f(x) = x, start (0, -1), b = 2: the iterates never move, F = 1/2 > bound',
  hypotheses: fc.record({
    // eps <= 1/4 would put the saddle (0, -1/eps) outside the ball b = 2, where it is no longer stationary.
    eps: exampleEps([1, 1 / 2]),
    // The saddle start is the refuting family; the origin (where the original unit learns) is kept
    // as a contrast at weight 1 of 5, so that every run meets the saddle (catalog: quantify over starts).
    start: fc.oneof(
      { weight: 4, arbitrary: fc.constant<'saddle' | 'origin'>('saddle') },
      { weight: 1, arbitrary: fc.constant<'saddle' | 'origin'>('origin') },
    ),
    // T = 1e6: the bound (~0.25) is below F = 1/2 at the saddle; at 1e5 it is not for eps = 1.
    T: fc.constant(1_000_000),
  }),
  check: ({ eps, start, T }: { eps: number; start: 'saddle' | 'origin'; T: number }) => {
    const setup: SgdSetup = {
      pool: exampleOnePool(eps),
      arch: 'original',
      loss: lossByName('squared'),
      radius: 2,
      thetaRule: 'fixed',
      start: start === 'saddle' ? { w: [0], V: [-1 / eps] } : { w: [0], V: [0] },
      eta: 'theory',
      seed: 1,
    };
    const r = thm4Margins(setup, T, THM4_SEEDS, THM4_DELTA);
    return seedCountEvidence({
      rule: 'avg_t F <= F_lin(w_lin) + bound',
      margins: r.margins,
      need: THM4_NEED,
      on: 'per-seed margin (bound - excess)',
      effect: { name: 'median excess - bound', value: -median(r.margins) },
      scale: `Example 1, b = 2, T = ${T}, ${THM4_SEEDS} seeds`,
      quantities: { T, minFLin: r.constants.minFLin, medianBound: median(r.bounds), medianExcess: median(r.excess) },
    });
  },
  describe: ({ eps, start, T }: { eps: number; start: string; T: number }) =>
    `original unit on Example 1 (x = y = 1, f(x) = ${eps} x), b = 2, start ${start === 'saddle' ? `(0, ${-1 / eps})` : '(0, 0)'}, T = ${T}, ${THM4_SEEDS} seeds`,
  runs: { quick: 20, ci: 20, thorough: 40 },
});

// ---------------------------------------------------------------------------------------------
// Thm 4, rate: the excess decays as O(1/sqrt T), with the theorem's explicit constant.

const RATE_TS = [300, 1000, 3000, 10_000, 30_000, 100_000];
/** Per run; the union over the six grid points gives a per-seed failure rate <= 6 x 0.01. */
const RATE_DELTA = 0.01;
const RATE_SEEDS = 10;
const RATE_NEED = 7;
const RATE_CALIBRATION = [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010];

interface RateCase {
  readonly seed: number;
  readonly Ts: readonly number[];
}

/**
 * Per seed s and grid point T: sqrt(T) Delta_s(T) <= C_s, where C_s = sqrt(T) x (Thm 4's bound at
 * T) = D0^2 l / (2 b) + b l / 2 + 2 r sqrt(2 log(1/delta)) does not depend on T for the theory step:
 * the O(1/sqrt T) rate with the theorem's own constant. A seed passes if every grid point does.
 */
const rateEvidence = (h: RateCase, constantEta?: number): Evidence => {
  const setup = thm4Setup(h.seed, 'fresh', 'random');
  const runs = h.Ts.map((T) => thm4Margins(setup, T, RATE_SEEDS, RATE_DELTA, constantEta));
  const scaled = runs.map((r, j) => r.excess.map((e) => Math.sqrt(h.Ts[j]) * e));
  const C = runs[0].bounds.map((b) => Math.sqrt(h.Ts[0]) * b);
  const margins = C.map((c, s) => Math.min(...scaled.map((row) => c - row[s])));
  const meanDelta = runs.map((r) => r.excess.reduce((a, b) => a + b, 0) / r.excess.length);
  const e = seedCountEvidence({
    rule: 'sqrt(T) Delta(T) <= C (the explicit constant) at every T of the grid',
    margins,
    need: RATE_NEED,
    on: 'per-seed margin min_T (C - sqrt(T) Delta(T))',
    effect: {
      name: 'largest sqrt(T) Delta / C (median over seeds)',
      value: median(C.map((c, s) => Math.max(...scaled.map((row) => row[s])) / c)),
    },
    scale: `d = 6, k = 5, b = 1, squared loss, pool 4000, T in {${h.Ts.join(', ')}}, ${RATE_SEEDS} seeds from pool seed ${h.seed}`,
    quantities: {
      medianC: median(C),
      ...Object.fromEntries(h.Ts.map((T, j) => [`Delta@${T}`, meanDelta[j]])),
      ...Object.fromEntries(h.Ts.map((T, j) => [`sqrtT*Delta@${T}`, Math.sqrt(T) * meanDelta[j]])),
    },
  });
  return { ...e, test: e.test && { ...e.test, gridPoints: h.Ts.length } };
};

export const thm4Rate = defineClaim({
  id: 'shamir2018/thm4/sqrt-t-rate',
  paper,
  theorem: 'Theorem 4 (rate)',
  confidence: 'V2, R (constant)',
  kind: 'scaling',
  statement:
    'With eta = b / (l sqrt T), Delta(T) = avg_t F - min F_lin <= C / sqrt(T) at every T, with the explicit constant ' +
    'C = D0^2 l / (2 b) + b l / 2 + 2 r sqrt(2 log(1/delta)) that does not depend on T.',
  bound: 'C / sqrt(T)',
  notes:
    'The O(1/sqrt T) upper bound is judged with its explicit constant, not by a fitted slope (an upper bound does not ' +
    'imply a slope). Six grid points T = 300 ... 1e5, 10 seeds from uniform random starts, delta = 0.01 per run; a seed ' +
    'passes if sqrt(T) Delta(T) <= C at every T; at least 7 of 10 must pass; one-sided sign test on the per-seed margins. ' +
    'The constant-step power mutant is refuted because its Delta stops decreasing (a plateau), so sqrt(T) Delta passes C. ' +
    'Weakness: C is about 10x the measured sqrt(T) Delta (2.1-2.5 against ~23, dominated by the Azuma term), so a slower ' +
    'decay from the same start (Delta ~ T^-1/4, say) would also pass up to T = 1e5, and a constant step small enough to ' +
    'plateau below C / sqrt(1e5) would too: the check bounds the constant, it does not pin the rate. A shape rule (later ' +
    'points against the maximum of earlier ones) needs its own calibration first.',
  plot: {
    x: 'T (SGD steps)',
    references: [
      { series: 'Delta', exponent: -0.5, label: '∝ 1/√T' },
      { series: 'sqrtT*Delta', exponent: 0, label: 'flat (1/√T rate)' },
    ],
  },
  hypotheses: fc.record({ seed: poolSeed, Ts: fc.constant(RATE_TS) }),
  design: {
    seeds: (h: RateCase) => [h.seed],
    reseed: (h: RateCase, seed: number) => ({ ...h, seed }),
    calibration: {
      seeds: RATE_CALIBRATION,
      note: 'pool seeds 2001-2010 (CALIBRATION.md): 100 of 100 seeds met the constant at every T (largest sqrt(T) Delta / C about 0.1); constant steps 0.5 and 2 met it on 0 of 30',
    },
    falseAlarm: {
      stageRate: binomialTail(RATE_SEEDS - RATE_NEED + 1, RATE_SEEDS, RATE_TS.length * RATE_DELTA),
      how: `computed: P[Binomial(${RATE_SEEDS}, ${RATE_TS.length} x ${RATE_DELTA}) >= ${RATE_SEEDS - RATE_NEED + 1}] (union bound over the grid per seed); measured 0 of 100 seeds failed on the calibration pools`,
    },
  },
  check: (h: RateCase) => rateEvidence(h),
  tolerance: exactThreshold('pass rule fixed before the run: at least 7 of 10 seeds meet the explicit constant at every T'),
  runs: { quick: 1, ci: 1, thorough: 3 },
  describe: ({ seed, Ts }: RateCase) =>
    `tweaked unit, d = 6, k = 5, b = 1, squared loss, pool seed ${seed}, T in {${Ts.join(', ')}}, ${RATE_SEEDS} seeds`,
});

export const thm4RateConstantStep = defineMutant({
  of: thm4Rate,
  id: 'shamir2018/thm4/sqrt-t-rate~constant-step',
  change: 'a fixed step size independent of T (judged by the same constant)',
  status: 'safe [C]',
  purpose: 'power',
  expected: 'Delta plateaus at the step size noise floor, so sqrt(T) Delta exceeds C at the largest T on every seed',
  hypotheses: fc.record({ seed: poolSeed, Ts: fc.constant(RATE_TS), eta: fc.constantFrom(0.5, 2) }),
  check: ({ eta, ...h }: RateCase & { eta: number }) => rateEvidence(h, eta),
  describe: ({ seed, eta }: RateCase & { eta: number }) =>
    `constant eta = ${eta}, T in {${RATE_TS.join(', ')}}, ${RATE_SEEDS} seeds, pool seed ${seed}`,
  runs: { quick: 1, ci: 2, thorough: 5 },
});
