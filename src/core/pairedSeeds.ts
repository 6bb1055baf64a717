/**
 * Per-seed summaries for paired statistical claims (claims/README.md, "Statistical claims"):
 * median and range of a risk over seeds, a per-seed pass count with its Wilson interval, and
 * one-sided sign and Wilcoxon signed-rank tests on per-seed differences (positive = the claim's
 * side). Pure float64 functions of the per-seed numbers.
 */
import { median, signTest, wilcoxonSignedRank, wilsonInterval } from './stats.js';

export interface RiskRange {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function riskRange(xs: readonly number[]): RiskRange {
  if (xs.length === 0) throw new RangeError('riskRange: xs must hold at least one number');
  // A diverged run has risk +Infinity: it ranks last, and the median still exists.
  const sorted = [...xs].sort((a, b) => a - b);
  const finite = sorted.filter(Number.isFinite);
  const med = finite.length === sorted.length ? median(sorted) : sorted[Math.floor((sorted.length - 1) / 2)];
  return { median: med, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** `name.median`, `name.min`, `name.max` of per-seed numbers, as evidence quantities. */
export function rangeQuantities(name: string, xs: readonly number[]): Record<string, number> {
  const r = riskRange(xs);
  return { [`${name}.median`]: r.median, [`${name}.min`]: r.min, [`${name}.max`]: r.max };
}

export interface PairedSummary {
  readonly seeds: number;
  readonly passes: number;
  /** 95% Wilson interval of the per-seed pass rate. */
  readonly wilson: readonly [number, number];
  /** One-sided sign test p-value for "differences > 0". */
  readonly signP: number;
  /** One-sided Wilcoxon signed-rank p-value for "differences > 0". */
  readonly wilcoxonP: number;
  readonly medianDifference: number;
}

/**
 * `differences[r]` is the claim's margin on seed r (e.g. MSE_kernel - MSE_net); `passes[r]`
 * whether seed r meets the per-seed rule. Non-finite differences (a diverged run) count as 0
 * (no evidence either way) in the tests and as their sign in the median.
 */
export function pairedSummary(differences: readonly number[], passes: readonly boolean[]): PairedSummary {
  if (differences.length === 0 || differences.length !== passes.length) {
    throw new RangeError(
      `pairedSummary: differences (${differences.length}) and passes (${passes.length}) must be non-empty and of equal length`,
    );
  }
  const R = differences.length;
  const k = passes.filter(Boolean).length;
  const w = wilsonInterval(k, R);
  const finite = differences.map((x) => (Number.isFinite(x) ? x : 0));
  return {
    seeds: R,
    passes: k,
    wilson: [w.low, w.high],
    signP: signTest(finite),
    wilcoxonP: wilcoxonSignedRank(finite),
    medianDifference: riskRange(differences.map((x) => (Number.isNaN(x) ? 0 : x))).median,
  };
}

/**
 * The catalog's seed-count rules (claims/allenzhu-li-2019-resnet.md): at least 4 of 5 seeds (a
 * screen: one-sided sign-test p = 0.19 at 4/5, 0.031 at 5/5) or 9 of 10 (p = 0.011).
 */
export const PASS_RULES: Readonly<Record<number, number>> = { 5: 4, 10: 9 };

export function requiredPasses(R: number): number {
  const need = PASS_RULES[R];
  if (need === undefined) throw new RangeError(`requiredPasses: the catalog states rules for R = 5 and R = 10 seeds only, got R = ${R}`);
  return need;
}
