import type { ClaimKind, ClaimSubject } from './Claim.js';
import type { Evidence, StatisticalTest } from './Evidence.js';

/** Where a failing case came from. */
export type CaseSource = 'pinned' | 'example' | 'random' | 'targeted';

export type InconclusiveReason =
  | 'interrupted'
  | 'too-many-skips'
  | 'non-finite'
  | 'check-threw'
  | 'no-cases'
  /** A required region of the hypothesis space was not reached often enough. */
  | 'coverage'
  /** Every generated case was skipped: the claim's hypotheses cannot produce a valid case. */
  | 'cannot-generate';

export interface Counterexample {
  readonly value: unknown;
  readonly evidence: Evidence;
  readonly violated: readonly string[];
  readonly slack: number;
  readonly source: CaseSource;
  /** fast-check seed and path: with the same arbitrary, `fc.check(p, {seed, path})` replays it. */
  readonly seed: number;
  readonly path?: string;
  readonly shrinks: number;
  readonly description?: string;
  /** Fixture the counterexample was saved to (relative path), if any. */
  readonly fixture?: string;
}

export interface CoverageResult {
  readonly label: string;
  readonly hits: number;
  readonly total: number;
  readonly share: number;
  readonly minShare: number;
  /** False when never hit, or when the 95% Wilson upper bound of the share is below minShare. */
  readonly ok: boolean;
}

interface RunStats {
  readonly cases: number;
  readonly skipped: number;
  /** Largest slack seen (<= 0 means every judged case held, with this margin). */
  readonly maxSlack: number;
  readonly seed: number;
  /** Slack of every judged case in run order (6 significant digits), for slack plots. */
  readonly slacks: readonly number[];
  /** Shares of the declared cover regions among generated cases (random phase). */
  readonly coverage?: readonly CoverageResult[];
}

/**
 * Verdicts are a discriminated union on `status`. Exact claims are Verified/Refuted; statistical
 * and scaling claims are only ever consistent/inconsistent with the theorem at this scale.
 */
export type Verdict =
  | ({ readonly status: 'verified' } & RunStats)
  | ({ readonly status: 'consistent' } & RunStats & { readonly evidence: Evidence })
  | ({ readonly status: 'refuted' } & RunStats & { readonly counterexample: Counterexample })
  | ({ readonly status: 'inconsistent' } & RunStats & { readonly counterexample: Counterexample })
  | ({ readonly status: 'inconclusive' } & RunStats & {
        readonly reason: InconclusiveReason;
        readonly detail: string;
        readonly value?: unknown;
      });

export type VerdictStatus = Verdict['status'];

export function holds(v: Verdict): boolean {
  return v.status === 'verified' || v.status === 'consistent';
}

export function fails(v: Verdict): v is Extract<Verdict, { status: 'refuted' | 'inconsistent' }> {
  return v.status === 'refuted' || v.status === 'inconsistent';
}

function num(x: number): string {
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? Number(x.toPrecision(3)).toString() : x.toExponential(2);
}

/** "sign test p = 0.011, effect median diff = 0.71, at d = 16, N = 4000, R = 10" */
export function testWords(t: StatisticalTest | undefined): string {
  if (!t) return '';
  const parts = [t.name];
  if (t.pValue !== undefined) parts.push(`p = ${num(t.pValue)}`);
  // Two decimals at most, so a 0.9999 interval never reads as a 100% one.
  if (t.interval)
    parts.push(`${Number((100 * (t.confidence ?? 0.95)).toFixed(2))}% interval [${num(t.interval[0])}, ${num(t.interval[1])}]`);
  if (t.effect) parts.push(`${t.effect.name} = ${num(t.effect.value)}`);
  if (t.scale) parts.push(`at ${t.scale}`);
  return parts.join(', ');
}

/** Verdict words as a reader should see them (claims/README.md, "Verdict wording"). */
export function verdictWords(kind: ClaimKind, v: Verdict, subject: ClaimSubject = 'theorem'): string {
  switch (v.status) {
    case 'verified':
      return `Verified: holds on ${v.cases} generated instances`;
    case 'consistent': {
      const t = testWords(v.evidence.test);
      return `consistent with the ${subject} at this scale (${t || kind})`;
    }
    case 'refuted':
      return `Refuted by a counterexample (${v.counterexample.violated.join(', ')})`;
    case 'inconsistent': {
      const t = testWords(v.counterexample.evidence.test);
      return `inconsistent with the ${subject} at this scale (${v.counterexample.violated.join(', ')}${t ? `; ${t}` : ''})`;
    }
    case 'inconclusive':
      return `Inconclusive: ${v.reason}: ${v.detail}`;
  }
}
