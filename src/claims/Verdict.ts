import type { ClaimKind, ClaimSubject } from './Claim.js';
import type { Strength } from './Design.js';
import type { Evidence, StatisticalTest } from './Evidence.js';

/**
 * Where a case came from. `pinned` (a saved counterexample) and `example` (a declared example, as
 * written) are replays; `reseeded` (a declared example on fresh seeds from the run seed),
 * `random`, `targeted` and `confirmation` (a fresh, independent second stage) are fresh.
 */
export type CaseSource = 'pinned' | 'example' | 'reseeded' | 'random' | 'targeted' | 'confirmation';

export function isReplaySource(s: CaseSource): boolean {
  return s === 'pinned' || s === 'example';
}

export type InconclusiveReason =
  | 'interrupted'
  | 'too-many-skips'
  | 'non-finite'
  | 'check-threw'
  | 'no-cases'
  /** A required region of the hypothesis space was not reached often enough. */
  | 'coverage'
  /** Every generated case was skipped: the claim's hypotheses cannot produce a valid case. */
  | 'cannot-generate'
  /** The executable bound (what the claim page shows) and the coded check disagree. */
  | 'bound-drift'
  /** A claim definition error found while running (e.g. a verdict case reuses a calibration seed). */
  | 'definition-error'
  /** A scaling fit whose interval contains the rate the claim's mutant asserts. */
  | 'interval-too-wide';

/** How shrinking ended: nothing smaller kept the margin, or its evaluation budget ran out. */
export interface ShrinkReport {
  readonly steps: number;
  readonly evaluations: number;
  readonly stopped: 'minimal' | 'budget';
  /** The margin every accepted step kept: max(100 x tolerance, 1% of the first violation). */
  readonly firstViolation: number;
}

/** A counterexample re-evaluated at high precision, or why it could not be. */
export interface Certificate {
  readonly certified: boolean;
  readonly digits?: number;
  readonly detail: string;
}

/** One stage of a statistical or scaling verdict (the confirmation's first or second). */
export interface Stage {
  readonly outcome: 'holds' | 'violated' | 'inconclusive';
  readonly source: CaseSource;
  readonly value: unknown;
  readonly evidence?: Evidence;
  readonly violated?: readonly string[];
  readonly detail?: string;
}

/**
 * A pre-declared second stage on fresh, independent seeds: run when a claim's first stage is
 * inconsistent (only a confirmed failure fails the run) or a mutant's first stage holds (only a
 * confirmed survival reads SURVIVED).
 */
export interface Confirmation {
  readonly first: Stage;
  readonly second: Stage;
  /** True when the second stage agreed with the first. */
  readonly confirmed: boolean;
}

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
  readonly shrink?: ShrinkReport;
  /** How many real numbers were rounded to simpler ones (keeping the margin). */
  readonly simplified?: number;
  readonly certificate?: Certificate;
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
  /**
   * Highest score the search reached (the claim's `score`, by default the scale-free violation
   * size): for a bound with a ratio score, how close to the bound the generated cases came.
   */
  readonly bestScore?: number;
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
/** Statistical and scaling verdicts say what they are worth, and how a confirmation went. */
interface Judged {
  readonly strength?: Strength;
  readonly confirmation?: Confirmation;
}

export type Verdict =
  | ({ readonly status: 'verified' } & RunStats)
  | ({ readonly status: 'consistent' } & RunStats & Judged & { readonly evidence: Evidence; readonly source?: CaseSource })
  | ({ readonly status: 'refuted' } & RunStats & { readonly counterexample: Counterexample })
  | ({ readonly status: 'inconsistent' } & RunStats & Judged & { readonly counterexample: Counterexample })
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

/** "p = 0.031, R = 5" for a screen's words. */
function significanceWords(t: StatisticalTest | undefined): string {
  const parts: string[] = [];
  if (t?.pValue !== undefined) parts.push(`p = ${num(t.pValue)}`);
  if (t?.units !== undefined) parts.push(`R = ${t.units}`);
  if (t?.gridPoints !== undefined) parts.push(`${t.gridPoints} grid points`);
  return parts.length ? parts.join(', ') : 'no p-value';
}

function stageWords(s: Stage): string {
  if (s.outcome === 'inconclusive') return `inconclusive (${s.detail ?? ''})`;
  const t = s.evidence?.test;
  const what = s.outcome === 'holds' ? 'held' : `violated (${(s.violated ?? []).join(', ')})`;
  return `${what} on ${s.source === 'confirmation' ? 'fresh independent seeds' : `${s.source} seeds`}${t ? ` [${testWords(t)}]` : ''}`;
}

/** Both stages of a confirmation, in words. */
export function confirmationWords(c: Confirmation): string {
  return `first stage ${stageWords(c.first)}; confirmation ${stageWords(c.second)}`;
}

/**
 * Verdict words as a reader should see them (claims/README.md, "Verdict wording"). Only a `test`
 * reads "consistent / inconsistent with the theorem at this scale"; a screen says it is not
 * significant; a replay says it is a regression check and prints no p-value.
 */
export function verdictWords(kind: ClaimKind, v: Verdict, subject: ClaimSubject = 'theorem', role: 'claim' | 'mutant' = 'claim'): string {
  const confirm =
    (v.status === 'consistent' || v.status === 'inconsistent') && v.confirmation ? ` [${confirmationWords(v.confirmation)}]` : '';
  switch (v.status) {
    case 'verified':
      return `Verified: holds on ${v.cases} generated instances`;
    case 'consistent': {
      const t = testWords(v.evidence.test);
      if (v.strength === 'replay')
        return `replay passed: pinned seeds reproduce the calibrated outcome (regression check, no p-value)${confirm}`;
      if (v.strength !== 'test')
        return `screen passed, not significant (${significanceWords(v.evidence.test)})${t ? `: ${t}` : ''}${confirm}`;
      return `consistent with the ${subject} at this scale (${t || kind})${confirm}`;
    }
    case 'refuted':
      return `Refuted by a counterexample (${v.counterexample.violated.join(', ')})`;
    case 'inconsistent': {
      const t = testWords(v.counterexample.evidence.test);
      const what = v.counterexample.violated.join(', ');
      if (v.strength === 'replay') {
        return role === 'mutant'
          ? `refuted again by its pinned case (replay, no p-value: ${what})`
          : `replay failed: pinned seeds no longer reproduce the calibrated outcome (${what})${confirm}`;
      }
      if (v.strength !== 'test') return `screen failed, not a significant test (${what}${t ? `; ${t}` : ''})${confirm}`;
      return `inconsistent with the ${subject} at this scale (${what}${t ? `; ${t}` : ''})${confirm}`;
    }
    case 'inconclusive':
      return `Inconclusive: ${v.reason}: ${v.detail}`;
  }
}
