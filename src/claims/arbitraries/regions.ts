/**
 * Corners of the (data, features, w, V) space for the Shamir residual-unit claims, and how often
 * each is drawn. Every generated instance carries its region tag, so coverage reports can show
 * which corners a run reached (claims/README.md: "Generators must reach the corners").
 *
 * Simplest first (fast-check shrinks a categorical choice toward the first entry):
 * - unbiased: Gaussian w and V, the ordinary case.
 * - zero-V: V = 0, so F = F_lin(w) (the non-convex mutant's shrunk counterexample has V = 0).
 * - q-zero: q = E[ell'(0; y) f(x)] = 0 exactly, via all-dead/zero features or zero labels with a
 *   loss whose ell'(0; 0) = 0 (Thm 2's strict-negative-curvature mutant lives here).
 * - small-w: ||w|| log-uniform in [1e-4, 1] (Thm 1's ||V||^2 / ||w||^2 term).
 * - large-V: ||V|| scaled by 10..1000.
 * - small-w-large-V: both at once.
 * - cancellation: V fitted so x_i + V f(x_i) ~ 0 on the sample, then perturbed.
 * - far-labels: w scaled so every prediction is >= 3 away from its label (saturating losses have
 *   ~0 gradient there: the non-convex-loss mutant's refuting family).
 */
export const RESIDUAL_REGIONS = [
  'unbiased',
  'zero-V',
  'q-zero',
  'small-w',
  'large-V',
  'small-w-large-V',
  'cancellation',
  'far-labels',
] as const;
export type ResidualRegion = (typeof RESIDUAL_REGIONS)[number];

/** Regions defined through a nonzero w; unavailable when w = 0 is fixed (Thm 2). */
export const NEEDS_NONZERO_W: ReadonlySet<ResidualRegion> = new Set<ResidualRegion>(['small-w', 'small-w-large-V', 'far-labels']);

export const THM1_REGION_WEIGHTS: Readonly<Record<ResidualRegion, number>> = {
  unbiased: 4,
  'zero-V': 1,
  'q-zero': 1,
  'small-w': 2,
  'large-V': 2,
  'small-w-large-V': 1,
  cancellation: 2,
  'far-labels': 2,
};

export const THM2_REGION_WEIGHTS: Readonly<Record<ResidualRegion, number>> = {
  unbiased: 3,
  'zero-V': 1,
  'q-zero': 3,
  'small-w': 0,
  'large-V': 2,
  'small-w-large-V': 0,
  cancellation: 2,
  'far-labels': 0,
};

/** Default weights for the mode, overridden per region; rejects regions w = 0 cannot reach. */
export function resolveRegionWeights(
  zeroW: boolean,
  overrides: Partial<Record<ResidualRegion, number>> = {},
): Record<ResidualRegion, number> {
  const out = { ...(zeroW ? THM2_REGION_WEIGHTS : THM1_REGION_WEIGHTS), ...overrides };
  for (const r of Object.keys(overrides)) {
    if (!(RESIDUAL_REGIONS as readonly string[]).includes(r)) {
      throw new RangeError(`regions: unknown region "${r}"; choose from ${RESIDUAL_REGIONS.join(', ')}`);
    }
  }
  if (zeroW) {
    for (const r of NEEDS_NONZERO_W) {
      if (out[r] > 0 && overrides[r] !== undefined) {
        throw new RangeError(`regions.${r} needs w != 0, but zeroW fixes w = 0; set its weight to 0 or drop zeroW`);
      }
    }
  }
  return out;
}
