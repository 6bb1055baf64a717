import type { ToleranceSpec } from './Tolerance.js';

/**
 * How far a baselined number may move before `claimcheck ci` calls it drift. Like a claim's own
 * tolerance, these are data with a stated reason, declared before any run: a default, a table of
 * declared per-claim overrides below, and overrides in each baseline file's `tolerances` section
 * (which `baseline --update` never rewrites). Never loosen one to make a run pass; a real change
 * is recorded with `claimcheck baseline --update` and reviewed as a diff.
 *
 * A number is within tolerance when |now - baseline| <= rel * max(|now|, |baseline|) + abs
 * (the same rule as Tolerance.ts); NaN matches NaN and an infinity only itself.
 */

/** Everything a verdict rests on is float64 and deterministic for the seed. */
export const FLOAT64_BASELINE: ToleranceSpec = {
  rel: 1e-9,
  abs: 1e-12,
  reason: 'float64 computation, deterministic for the seed; allows last-bit round-off differences across platforms',
};

/** Numbers that pass through TF.js training: float32 kernels differ across backends and CPUs. */
export const FLOAT32_TRAINED_BASELINE: ToleranceSpec = {
  rel: 1e-4,
  abs: 1e-6,
  reason: 'trained in TF.js float32 before the float64 evaluation: kernels may round differently across CPUs and library versions',
};

/** Case counts are integers: any change means the generator or the judging changed. */
export const COUNT_BASELINE: ToleranceSpec = {
  rel: 0,
  abs: 0,
  reason: 'a count of generated cases, deterministic for the seed',
};

const COUNT_QUANTITIES = new Set(['cases', 'skipped']);

export interface ClaimBaselineTolerance {
  /** For every quantity of the claim unless the quantity has its own. */
  readonly default?: ToleranceSpec;
  readonly quantities?: Readonly<Record<string, ToleranceSpec>>;
}

/** The `tolerances` section of a baseline file. */
export interface BaselineTolerances {
  readonly default: ToleranceSpec;
  readonly claims?: Readonly<Record<string, ClaimBaselineTolerance>>;
}

/** Declared overrides for built-in claims whose evidence depends on float32 training. */
export const DECLARED_BASELINE_TOLERANCES: Readonly<Record<string, ClaimBaselineTolerance>> = {
  'shamir2018/cor1/local-min-no-worse-than-linear': { default: FLOAT32_TRAINED_BASELINE },
  // Allen-Zhu & Li 2019: every number depends on a ResNet trained in TF.js float32 (the kernel
  // risks are float64 but are judged against the trained ResNet in the same evidence).
  'allenzhu-li-2019/thm1/resnet-learns-composite': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm1/resnet-learns-composite~kernel-baseline': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm3/kernel-lower-bound~oracle-kernel': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm4/feature-map-regression-lower-bound~oracle-features': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm3/kernel-lower-bound': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm3/kernel-lower-bound~kernel-matches-resnet': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm4/feature-map-regression-lower-bound': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2019/thm4/feature-map-regression-lower-bound~output-layer-only': { default: FLOAT32_TRAINED_BASELINE },
  // Allen-Zhu & Li 2020 (BFC): the networks are float64, but the kernel risks come from float32 TF.js CG
  // (with float64 refinement to residual 1e-4), which may round differently across CPUs.
  'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail': { default: FLOAT32_TRAINED_BASELINE },
  'allenzhu-li-2020-bfc/main-lower/non-hierarchical-learners-fail~kernel-succeeds': { default: FLOAT32_TRAINED_BASELINE },
  // Nichani, Damian & Lee 2023: the centred-ReLU / identity stage 1 uses float32 TF.js products,
  // and every ridge (stage 2, the random-feature baseline) a Gram of float32 wasm-GEMM blocks
  // (the He2-only mechanism and d^4 claims are pure float64 and keep the default).
  'nichani-damian-lee-2023/thm1/learned-feature-tracks-kf~linear-inner-activation': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/single-index/near-linear-sample-complexity': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/single-index/near-linear-sample-complexity~constant-samples': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/quadratic/d4-sample-complexity~linear-in-d': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/separation/three-layer-beats-two-layer': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/separation/three-layer-beats-two-layer~kernel-matches-three-layer': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/exp/loss-tracks-feature-correlation': { default: FLOAT32_TRAINED_BASELINE },
  'nichani-damian-lee-2023/exp/loss-tracks-feature-correlation~no-association': { default: FLOAT32_TRAINED_BASELINE },
};

export const DEFAULT_BASELINE_TOLERANCES: BaselineTolerances = { default: FLOAT64_BASELINE };

/**
 * The tolerance of one quantity, most specific first: the file's per-quantity entry, the declared
 * table's, the exact rule for counts, the file's per-claim default, the declared per-claim
 * default, the file's default.
 */
export function baselineToleranceFor(
  t: BaselineTolerances,
  id: string,
  quantity: string,
  declared: Readonly<Record<string, ClaimBaselineTolerance>> = DECLARED_BASELINE_TOLERANCES,
): ToleranceSpec {
  const file = t.claims?.[id];
  const table = declared[id];
  return (
    file?.quantities?.[quantity] ??
    table?.quantities?.[quantity] ??
    (COUNT_QUANTITIES.has(quantity) ? COUNT_BASELINE : undefined) ??
    file?.default ??
    table?.default ??
    t.default
  );
}

export function withinTolerance(baseline: number, now: number, t: ToleranceSpec): boolean {
  if (Number.isNaN(baseline) || Number.isNaN(now)) return Number.isNaN(baseline) && Number.isNaN(now);
  if (baseline === now) return true;
  if (!Number.isFinite(baseline) || !Number.isFinite(now)) return false;
  return Math.abs(now - baseline) <= t.rel * Math.max(Math.abs(now), Math.abs(baseline)) + t.abs;
}

/** "rel 1e-9 + abs 1e-12: <reason>" */
export function describeBaselineTolerance(t: ToleranceSpec): string {
  return `tolerance rel ${short(t.rel)} + abs ${short(t.abs)}: ${t.reason}`;
}

function short(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x);
}
