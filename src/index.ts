/**
 * `claimcheck`: what a claim file imports: the DSL (defineClaim, defineMutant), evidence helpers,
 * tolerances, profiles, the runner, and fast-check itself as `fc` (so a claim file needs no second
 * install and every arbitrary comes from one fast-check). Numerics are in `claimcheck/core`,
 * arbitraries in `claimcheck/arbitraries`. Built-in paper folders use exactly these surfaces.
 *
 * @packageDocumentation
 */
/** fast-check itself (https://fast-check.dev/api-reference/), so a claim file needs no second install. */
export * as fc from 'fast-check';
export { defineClaim, defineMutant } from './claims/Claim.js';
export type { Claim, Mutant, Checkable, ClaimKind, MutantStatus, PaperRef, CheckContext, Targeting, ProfileName } from './claims/Claim.js';
export { le, ge, eq, skipCase } from './claims/Evidence.js';
export type { Evidence, Condition, Relation } from './claims/Evidence.js';
export { FLOAT64_TOLERANCE, exactThreshold } from './claims/Tolerance.js';
export { FLOAT32_TRAINED_BASELINE } from './claims/baselineTolerance.js';
export type { ClaimBaselineTolerance } from './claims/baselineTolerance.js';
export type { Tolerance, ToleranceSpec } from './claims/Tolerance.js';
export { jitterFields } from './claims/targetedSearch.js';
export { runClaim } from './claims/runClaim.js';
export { collectCheckables } from './claims/registry.js';
export { seedCountEvidence, type SeedCountSpec } from './claims/seedCountEvidence.js';
export { SUITE_FALSE_ALARM_BUDGET, budgetReport, type BudgetReport } from './claims/errorBudget.js';
export type { StatisticalDesign, Calibration, Strength, MutantPurpose } from './claims/Design.js';
export type { ExecutableBound } from './claims/ExecutableBound.js';
export type { DecimalCondition, CoverRequirement, ClaimSubject } from './claims/Claim.js';
export { Decimal } from 'decimal.js';
export type { ClaimRun, RunOptions } from './claims/runClaim.js';
export type { Verdict } from './claims/Verdict.js';
export { PROFILES } from './claims/profiles.js';

export { lossByName, LOSS_NAMES, CONVEX_LOSSES, NONCONVEX_LOSSES } from './core/losses.js';
export type { Loss, LossName } from './core/losses.js';
export { mlpForward } from './core/models/mlp64.js';
export type { MlpSpec, Activation } from './core/models/mlp64.js';
export * as dense from './core/linalg/dense.js';
export * as residual from './core/models/residualObjective.js';
export { bestLinearPredictor } from './core/linear.js';
export * as stats from './core/stats.js';
export { keyFromSeed, fold, split, Rng } from './core/random.js';
export { runCache, clearRunCaches } from './claims/runCache.js';
export type { RunCache, RunCacheOptions } from './claims/runCache.js';

// Types that the exports above mention, so the API reference (npm run docs) can link them.
export type { ClaimBody, PlotHints, PlotReference } from './claims/Claim.js';
export type { StatisticalTest } from './claims/Evidence.js';
export type { CaseSource, Counterexample, InconclusiveReason } from './claims/Verdict.js';
export type { FixtureStore, StoredFixture } from './claims/store.js';
export type { Fixture } from './claims/Fixture.js';
export type { Profile } from './claims/profiles.js';
export type { ProgressEvent } from './claims/runClaim.js';
