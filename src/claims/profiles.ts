import type { ClaimKind, ProfileName } from './Claim.js';
import { UserError } from './errors.js';

export interface Profile {
  readonly name: ProfileName;
  /** Default cases per claim kind when a claim declares none for this profile. */
  readonly runs: Readonly<Record<ClaimKind, number>>;
  /** Wall-clock budget for one claim or mutant (random phase + targeted phase). */
  readonly claimBudgetMs: number;
  /** Share of an exact claim's cases spent climbing the score of the best cases seen. */
  readonly targetShare: number;
  /**
   * Evaluations shrinking may spend on one counterexample (a count, not a time, so runs stay
   * deterministic); then it stops where it is and says so.
   */
  readonly shrinkEvaluations: number;
  /** Evaluations spent rounding a counterexample's reals to simpler numbers. */
  readonly simplifyEvaluations: number;
  /** Derive and run bound mutants from every exact claim's executable bound. */
  readonly boundMutants: boolean;
  /** Statistical and scaling claims judge fresh seeds (declared examples are reseeded from the run seed). */
  readonly freshSeeds: boolean;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  quick: {
    name: 'quick',
    runs: { exact: 150, statistical: 1, scaling: 1 },
    claimBudgetMs: 60_000,
    targetShare: 0.3,
    shrinkEvaluations: 2_000,
    simplifyEvaluations: 400,
    boundMutants: false,
    freshSeeds: false,
  },
  ci: {
    name: 'ci',
    runs: { exact: 400, statistical: 1, scaling: 1 },
    claimBudgetMs: 180_000,
    targetShare: 0.3,
    shrinkEvaluations: 5_000,
    simplifyEvaluations: 800,
    boundMutants: true,
    freshSeeds: true,
  },
  thorough: {
    name: 'thorough',
    runs: { exact: 3000, statistical: 3, scaling: 2 },
    claimBudgetMs: 1_200_000,
    targetShare: 0.3,
    shrinkEvaluations: 50_000,
    simplifyEvaluations: 4_000,
    boundMutants: true,
    freshSeeds: true,
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** The time budget of one claim run: the claim's own for this profile, else the profile's. */
export function claimBudgetMs(c: { readonly budgetSeconds?: Partial<Record<ProfileName, number>> }, profile: Profile): number {
  const own = c.budgetSeconds?.[profile.name];
  return own !== undefined ? own * 1000 : profile.claimBudgetMs;
}

export function profileByName(name: string): Profile {
  const p = (PROFILES as Record<string, Profile | undefined>)[name];
  if (!p) throw new UserError(`unknown profile "${name}"`, `use one of: ${PROFILE_NAMES.join(', ')}`);
  return p;
}
