import type { ToleranceSpec } from './Tolerance.js';

/**
 * How far a baselined number may move before `claimcheck ci` calls it drift. Like a claim's own
 * tolerance, these are data with a stated reason, declared before any run: a default, the
 * overrides each claim or mutant declares (`baselineTolerance`), and overrides in each baseline file's `tolerances` section
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

/**
 * The tolerances the checkables declare (`baselineTolerance` on a claim or mutant), by id: what
 * `claimcheck ci` applies between a baseline file's own entries and the defaults.
 */
export function declaredBaselineTolerances(
  checkables: readonly { readonly id: string; readonly baselineTolerance?: ClaimBaselineTolerance }[],
): Readonly<Record<string, ClaimBaselineTolerance>> {
  return Object.fromEntries(checkables.flatMap((c) => (c.baselineTolerance ? [[c.id, c.baselineTolerance] as const] : [])));
}

export const DEFAULT_BASELINE_TOLERANCES: BaselineTolerances = { default: FLOAT64_BASELINE };

/**
 * The tolerance of one quantity, most specific first: the file's per-quantity entry, the
 * checkable's declared per-quantity entry, the exact rule for counts, the file's per-claim default,
 * the checkable's declared default, the file's default.
 */
export function baselineToleranceFor(
  t: BaselineTolerances,
  id: string,
  quantity: string,
  declared: Readonly<Record<string, ClaimBaselineTolerance>> = {},
): ToleranceSpec {
  const file = t.claims?.[id];
  const own = declared[id];
  return (
    file?.quantities?.[quantity] ??
    own?.quantities?.[quantity] ??
    (COUNT_QUANTITIES.has(quantity) ? COUNT_BASELINE : undefined) ??
    file?.default ??
    own?.default ??
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
