/**
 * Dimension budgets for generated hypotheses.
 *
 * The catalog asks for n in [1, 500], d in [1, 20], k in [1, 20] (shamir2018.md, Thm 1 check),
 * but a quick profile runs hundreds of cases in seconds, so most draws stay at the `typical`
 * bounds and only a `largeShare` reaches the catalog maxima. `maxDk` caps d * k for claims whose
 * check builds (d + dk)-sized Hessians (Thm 2: the catalog says d * k up to about 200).
 */
export interface SizeOptions {
  readonly maxN: number;
  readonly maxD: number;
  readonly maxK: number;
  readonly typicalN: number;
  readonly typicalD: number;
  readonly typicalK: number;
  /** Share of each dimension's draws taken from [1, max] instead of [1, typical]. */
  readonly largeShare: number;
  /** Upper bound on d * k (k is capped at floor(maxDk / d)). */
  readonly maxDk: number;
}

export const DEFAULT_SIZES: SizeOptions = {
  maxN: 500,
  maxD: 20,
  maxK: 20,
  typicalN: 50,
  typicalD: 8,
  typicalK: 8,
  largeShare: 0.05,
  maxDk: 400,
};

/** Fills defaults and validates; errors name the option and the allowed range. */
export function resolveSizes(opts: Partial<SizeOptions> = {}): SizeOptions {
  const s = { ...DEFAULT_SIZES, ...opts };
  for (const key of ['maxN', 'maxD', 'maxK', 'typicalN', 'typicalD', 'typicalK', 'maxDk'] as const) {
    if (!Number.isSafeInteger(s[key]) || s[key] < 1) {
      throw new RangeError(`sizes.${key} must be an integer >= 1, got ${s[key]}`);
    }
  }
  if (!(s.largeShare >= 0 && s.largeShare <= 1)) {
    throw new RangeError(`sizes.largeShare must be in [0, 1], got ${s.largeShare}`);
  }
  // A typical bound above its maximum would silently raise the maximum; clamp it instead.
  return {
    ...s,
    typicalN: Math.min(s.typicalN, s.maxN),
    typicalD: Math.min(s.typicalD, s.maxD),
    typicalK: Math.min(s.typicalK, s.maxK),
  };
}

/** Largest k allowed next to input dimension d. */
export function maxKFor(d: number, s: SizeOptions): number {
  return Math.max(1, Math.min(s.maxK, Math.floor(s.maxDk / d)));
}
