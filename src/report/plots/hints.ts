/**
 * Per-claim plot hints: the name of the swept variable and the rate the theorem predicts, drawn
 * as a reference line. They are facts about the theorem, so they belong on the claim declaration;
 * they live here until the DSL (src/claims) grows a field for them. Mutants use their claim's
 * hints, so a mutant's curve is drawn against the rate it was meant to break.
 */
export interface Reference {
  /** The series the reference is drawn on. */
  readonly series: string;
  /** y proportional to x^exponent, anchored at the series' first point. */
  readonly exponent: number;
  /** Legend text: short, the figure caption says how the line is anchored. */
  readonly label: string;
}

export interface PlotHints {
  /** Axis title for the x in `name@x`. */
  readonly x?: string;
  readonly references?: readonly Reference[];
}

const HINTS: Readonly<Record<string, PlotHints>> = {
  'shamir2018/thm4/sqrt-t-rate': {
    x: 'T (SGD steps)',
    references: [
      { series: 'Delta', exponent: -0.5, label: '∝ 1/√T' },
      { series: 'sqrtT*Delta', exponent: 0, label: 'flat (1/√T rate)' },
    ],
  },
  'shamir2018/thm3/sopsp-near-linear': { x: 'eps (SOPSP tolerance)' },
};

/** Hints for a claim id (mutants: pass the id of the claim they mutate). */
export function hintsFor(claimId: string): PlotHints {
  return HINTS[claimId] ?? {};
}
