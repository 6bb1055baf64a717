import type { Evidence } from '../claims/Evidence.js';
import type { InconclusiveReason, Verdict, VerdictStatus } from '../claims/Verdict.js';
import type { SummaryResult } from './Summary.js';

/**
 * What `claimcheck ci` pins for one claim or mutant: its verdict and the numbers behind it.
 *  - consistent: every condition's lhs and rhs and every quantity of `verdict.evidence` (the case
 *    closest to failing);
 *  - refuted / inconsistent: the same of `verdict.counterexample.evidence`;
 *  - verified (exact claims keep no single case): `cases`, `skipped`, `maxSlack`, and the median
 *    and mean of the per-case slacks;
 *  - inconclusive: `cases`, `skipped` and the reason.
 * Condition sides are named "lhs: <condition>" and "rhs: <condition>"; quantities keep their names.
 */
export interface BaselineEntry {
  readonly role: 'claim' | 'mutant';
  readonly status: VerdictStatus;
  readonly reason?: InconclusiveReason;
  readonly quantities: Readonly<Record<string, number>>;
}

export function lhsKey(condition: string): string {
  return `lhs: ${condition}`;
}

export function rhsKey(condition: string): string {
  return `rhs: ${condition}`;
}

function evidenceQuantities(e: Evidence): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of e.conditions) {
    out[lhsKey(c.name)] = c.lhs;
    out[rhsKey(c.name)] = c.rhs;
  }
  for (const [k, v] of Object.entries(e.quantities ?? {})) {
    // A quantity that happens to be named like a condition side must not overwrite it.
    out[k in out ? `quantity: ${k}` : k] = v;
  }
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function verdictQuantities(v: Verdict): Record<string, number> {
  switch (v.status) {
    case 'consistent':
      return evidenceQuantities(v.evidence);
    case 'refuted':
    case 'inconsistent':
      return evidenceQuantities(v.counterexample.evidence);
    case 'verified': {
      const out: Record<string, number> = { cases: v.cases, skipped: v.skipped, maxSlack: v.maxSlack };
      const finite = v.slacks.filter(Number.isFinite);
      if (finite.length > 0) {
        out['slacks.median'] = median(finite);
        out['slacks.mean'] = finite.reduce((a, b) => a + b, 0) / finite.length;
      }
      return out;
    }
    case 'inconclusive':
      return { cases: v.cases, skipped: v.skipped };
  }
}

export function baselineEntry(r: SummaryResult): BaselineEntry {
  const v = r.verdict;
  return {
    role: r.role,
    status: v.status,
    ...(v.status === 'inconclusive' ? { reason: v.reason } : {}),
    quantities: verdictQuantities(v),
  };
}
