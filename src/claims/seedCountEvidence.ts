import { pairedSummary } from '../core/pairedSeeds.js';
import { ge, type Evidence } from './Evidence.js';

/**
 * Evidence of a paired seed-count rule (claims/README.md, "Statistical claims"): each of R seeds
 * either meets the per-seed rule or not; the pass rule "at least `need` of R" is fixed before the
 * run; the one-sided test on the per-seed margins (sign by default, or Wilcoxon signed-rank)
 * carries the strength; the Wilson interval of the pass rate and the effect are reported. The
 * runner decides what the result is worth (strength.ts): a replay drops the p-values, a fresh run
 * is a `test` only when p <= the claim's alpha.
 */
export interface SeedCountSpec {
  /** What each seed must show, e.g. "MSE_joint <= 0.25 E_hier". */
  readonly rule: string;
  /** Per seed: the claim's margin, positive on the claim's side (e.g. MSE_kernel - MSE_net). */
  readonly margins: readonly number[];
  /** Per seed: whether the seed meets the rule (default: margin > 0). */
  readonly passes?: readonly boolean[];
  /** Seeds that must meet the rule (fixed before the run). */
  readonly need: number;
  /** The test behind the strength (default 'sign'). */
  readonly test?: 'sign' | 'wilcoxon';
  /** What the test is on, e.g. "per-seed 0.25 E_hier - MSE_joint". */
  readonly on: string;
  readonly effect: { readonly name: string; readonly value: number };
  /** The scale it ran at, e.g. "d = 24, N = 5000, R = 5 seeds from base seed 91". */
  readonly scale: string;
  readonly quantities?: Readonly<Record<string, number>>;
}

export function seedCountEvidence(s: SeedCountSpec): Evidence {
  const passes = s.passes ?? s.margins.map((m) => m > 0);
  const p = pairedSummary(s.margins, passes);
  const R = s.margins.length;
  if (!(Number.isInteger(s.need) && s.need >= 1 && s.need <= R)) {
    throw new RangeError(`seedCountEvidence: need must be an integer in [1, ${R}], got ${s.need}`);
  }
  const which = s.test ?? 'sign';
  return {
    conditions: [ge(`seeds with ${s.rule} (need ${s.need} of ${R})`, p.passes, s.need)],
    test: {
      name: `one-sided ${which === 'sign' ? 'sign test' : 'Wilcoxon signed-rank test'} on ${s.on}; Wilson interval of the per-seed pass rate`,
      pValue: which === 'sign' ? p.signP : p.wilcoxonP,
      interval: p.wilson,
      confidence: 0.95,
      effect: s.effect,
      scale: s.scale,
      units: R,
    },
    quantities: {
      seeds: R,
      passes: p.passes,
      signP: p.signP,
      wilcoxonP: p.wilcoxonP,
      wilsonLow: p.wilson[0],
      wilsonHigh: p.wilson[1],
      ...s.quantities,
    },
  };
}
