/**
 * Allen-Zhu & Li, "Backward Feature Correction: How Deep Learning Performs Deep (Hierarchical)
 * Learning" (arXiv 2001.04413; COLT 2023). Catalog: shared/claims/allenzhu-li-2020-bfc.md. Four
 * claims, each with a refuted power mutant, and three more mutants. This file only re-exports, in
 * report order; the claims live in upper.ts, lower.ts, principle.ts and layerwise.ts, the
 * experiments in task.ts (toy target), network.ts (float64 two-block learner), staged.ts (staged
 * training and its variants), featureError.ts, degree2.ts and kernels.ts.
 *
 * The instance is the catalog's toy (L = 3) [R design]: x ~ N(0, I_d), k = 4,
 * y = P2 + alpha3 P3 (each part normalised on a 50 000-point reference sample drawn from the
 * seed), learner F = c0 + c1 Sum((K1 x)^2) + c2 Sum((K2 (K1 x)^2)^2). Stage 1 trains K1, c1, c0;
 * stage 2 is joint (everything), layer-wise (first block frozen; with or without the rotation of
 * K1 removed) or one-block (no higher layer), from the same stage-1 result and with the same step
 * budget (paired). Thresholds are fractions of the per-seed plateau min(E_hier, degree-2 MSE).
 *
 * Scale: quick replays 5 pinned seeds (base seed 48611) at d = 16, N = 1000; ci reseeds the same
 * configuration to 12 fresh seeds (rule 10 of 12, sign test p = 0.019); thorough adds cases at the
 * catalog's scale and schedule (d = 24, N = 5000, lr 3e-3, 3000 + 6000 steps). Calibration seeds
 * (777, 2020, 9101) are never verdict seeds; the log is in CALIBRATION.md.
 *
 * L = 2 (y = P2, alpha3 = 0) is not registered as a sanity example: stage 1 then fits y
 * exactly, E_hier -> 0 and every rule stated as a fraction of the plateau is void.
 */
export { paper } from './common.js';
export { sgdLearnsHierarchy, nonHierarchicalTarget } from './upper.js';
export { nonHierarchicalLearnersFail, kernelSucceeds, kernelAboveMonomialCount } from './lower.js';
export { lowerFeaturesCorrected, withoutHigherLayer, noCorrection } from './principle.js';
export { layerwiseTrainingFails, unbiasedLowerLayer, layerwiseEqualsJoint } from './layerwise.js';
