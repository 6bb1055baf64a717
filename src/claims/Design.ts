import type * as fc from 'fast-check';

/**
 * The pre-declared design of a statistical or scaling claim: what its test is worth and how its
 * thresholds were fixed. Everything here is declared before any verdict run and never tuned on
 * one (claims/README.md, "Statistical claims"; design.md, "Say the strength").
 */
export interface StatisticalDesign<H> {
  /**
   * Significance level of the claim's own test. A fresh run whose pass rule holds reads
   * "consistent with the theorem at this scale" (strength `test`) only when the test's p-value is
   * at most alpha; otherwise it is a `screen`. Default 0.05.
   */
  readonly alpha?: number;
  /**
   * The seeds a case uses (base seeds, or every per-seed seed), for the calibration check: a
   * verdict case that reuses a calibration seed is a definition error.
   */
  readonly seeds?: (h: H) => readonly number[];
  /**
   * The same configuration on fresh, independent seeds: the confirmation stage of a first-stage
   * failure, and the way ci draws fresh seeds from pinned configurations. Without it the runner
   * confirms on a fresh draw from the claim's hypotheses.
   */
  readonly reseed?: (h: H, seed: number) => H;
  /** The seeds the thresholds were calibrated on, never used for a verdict, with a one-line note. */
  readonly calibration?: Calibration;
  /**
   * Scaling claims: the rate the claim's mutant asserts. The fitted interval must exclude it for a
   * `test` verdict; an interval that contains it is Inconclusive (interval too wide).
   */
  readonly alternative?: { readonly value: number; readonly label: string };
  /**
   * The calibrated probability that one stage of this check fails although the claim is true at
   * this scale, and how that was established (on calibration seeds). With a confirmation stage on
   * independent seeds, a false alarm needs both stages to fail: stageRate^2, which must fit the
   * claim's share of the suite's false-alarm budget (errorBudget.ts).
   */
  readonly falseAlarm?: { readonly stageRate: number; readonly how: string };
  /** Hypotheses per profile (e.g. the catalog's scale at thorough); the claim's `hypotheses` otherwise. */
  readonly hypothesesAt?: Partial<Record<'quick' | 'ci' | 'thorough', fc.Arbitrary<H>>>;
}

export interface Calibration {
  readonly seeds: readonly number[];
  readonly note: string;
}

/**
 * What a statistical or scaling verdict is worth:
 * - `test`: a pre-declared test on fresh seeds, significant at the claim's alpha (or, for a
 *   failure, confirmed on independent seeds); the only strength that may read "consistent /
 *   inconsistent with the theorem at this scale";
 * - `screen`: the pass rule held but the test is not significant, or has too few seeds or grid points;
 * - `replay`: pinned seeds re-run as a regression check, whose outcome was known from calibration;
 *   no p-value is printed or stored as evidence.
 */
export type Strength = 'test' | 'screen' | 'replay';

/**
 * Why a mutant exists (design.md): `assumption` drops a hypothesis of the theorem; `power` applies
 * the same check to something the theorem does not cover (a learner that does not learn, a trivial
 * predictor, the strongest classical baseline) to show the check can fail; `bound` is derived from
 * an executable bound (one term dropped, a constant halved, an exponent lowered); `sanity` is a
 * harness check refuted for an incidental reason (no capacity, a statement false for every
 * predictor), kept outside the mutation score.
 */
export type MutantPurpose = 'assumption' | 'power' | 'bound' | 'sanity';
export const MUTANT_PURPOSES: readonly MutantPurpose[] = ['assumption', 'power', 'bound', 'sanity'];
