import type { ClaimSubject } from '../claims/Claim.js';
import type { Strength } from '../claims/Design.js';
import { fails, holds, type Verdict } from '../claims/Verdict.js';
import type { SummaryResult } from './Summary.js';

/** Visual class of a badge: the expected outcome, the unexpected one, or no answer. */
export type Tone = 'good' | 'bad' | 'open';

/**
 * The verdict as a reader should see it (claims/README.md, "Verdict wording"). Only exact claims
 * can be Verified or Refuted; statistical and scaling runs are evidence at one scale, so they
 * are only ever consistent or inconsistent with the theorem, and the word is chosen from the
 * kind, not the status, so a mislabelled status can never make a scaling claim read as settled.
 */
export function verdictLabel(kind: string, v: Verdict, subject: ClaimSubject = 'theorem'): string {
  if (v.status === 'inconclusive') return 'Inconclusive';
  const exact = kind === 'exact';
  if (exact) return holds(v) ? 'Verified' : 'Refuted';
  // Only a significant test on fresh seeds may speak of the theorem (Design.ts, Strength).
  const strength = strengthOf(v);
  if (strength === 'replay') return holds(v) ? 'replay passed (regression check)' : 'replay failed (regression check)';
  if (strength === 'screen') return holds(v) ? 'screen passed, not significant' : 'screen failed, not significant';
  return holds(v) ? `consistent with the ${subject} at this scale` : `inconsistent with the ${subject} at this scale`;
}

/** Short form for tables: same honesty, fewer words. */
export function verdictShort(kind: string, v: Verdict, subject: ClaimSubject = 'theorem'): string {
  if (v.status === 'inconclusive') return 'Inconclusive';
  if (kind === 'exact') return holds(v) ? 'Verified' : 'Refuted';
  // A hypothesis says so even in tables: it is not a theorem of the paper.
  const of = subject === 'hypothesis' ? ' (hypothesis)' : '';
  const strength = strengthOf(v);
  if (strength === 'replay') return `${holds(v) ? 'replay passed' : 'replay failed'}${of}`;
  if (strength === 'screen') return `${holds(v) ? 'screen passed' : 'screen failed'}${of}`;
  return holds(v) ? `consistent at this scale${of}` : `inconsistent at this scale${of}`;
}

/**
 * A statistical or scaling verdict's strength. One recorded without it (an older summary, a
 * mislabelled status) is read as a screen: nothing says it was a significant test.
 */
export function strengthOf(v: Verdict): Strength {
  return (v.status === 'consistent' || v.status === 'inconsistent') && v.strength ? v.strength : 'screen';
}

/** A mutant is killed when the suite refutes it; one that holds survived (the suite is blind). */
export function mutantOutcome(v: Verdict): 'killed' | 'survived' | 'inconclusive' {
  if (fails(v)) return 'killed';
  return v.status === 'inconclusive' ? 'inconclusive' : 'survived';
}

export function tone(r: SummaryResult): Tone {
  if (r.verdict.status === 'inconclusive') return 'open';
  return r.asExpected ? 'good' : 'bad';
}

/** Badge text: claims by verdict; mutants by what the verdict means for the suite. */
export function badgeText(r: SummaryResult, short = false): string {
  const label = short ? verdictShort(r.kind, r.verdict, r.subject) : verdictLabel(r.kind, r.verdict, r.subject);
  return r.role === 'mutant' ? `${mutantOutcome(r.verdict)}: ${label}` : label;
}
