import type { PaperRef } from '../claims/Claim.js';
import type { Summary, SummaryResult } from './Summary.js';

/** A claim with its mutants. `claim` is missing when only mutants of it were run. */
export interface ClaimEntry {
  readonly id: string;
  readonly paper: string;
  readonly claim?: SummaryResult;
  readonly mutants: readonly SummaryResult[];
}

export interface PaperEntry {
  readonly ref: PaperRef;
  readonly claims: readonly ClaimEntry[];
}

/**
 * Summary results (a flat list in run order) regrouped as the pages show them: papers, their
 * claims, each claim's mutants. A paper named by a result but missing from `papers` still gets a
 * page, titled by its key, so no result is dropped from the report.
 */
export function groupSummary(s: Summary): PaperEntry[] {
  const entries = new Map<string, { id: string; paper: string; claim?: SummaryResult; mutants: SummaryResult[] }>();
  const entry = (id: string, paper: string) => {
    let e = entries.get(id);
    if (!e) entries.set(id, (e = { id, paper, mutants: [] }));
    return e;
  };
  for (const r of s.results) {
    if (r.role === 'claim') entry(r.id, r.paper).claim = r;
    else entry(r.of ?? r.id, r.paper).mutants.push(r);
  }
  const refs = new Map(s.papers.map((p) => [p.key, p]));
  for (const e of entries.values()) {
    if (!refs.has(e.paper)) refs.set(e.paper, { key: e.paper, title: e.paper, authors: '', venue: '', confidence: '' });
  }
  return [...refs.values()].map((ref) => ({ ref, claims: [...entries.values()].filter((e) => e.paper === ref.key) }));
}

export interface Counts {
  readonly claims: number;
  readonly held: number;
  readonly mutants: number;
  readonly killed: number;
}

export function countResults(results: readonly SummaryResult[]): Counts {
  const claims = results.filter((r) => r.role === 'claim');
  const mutants = results.filter((r) => r.role === 'mutant');
  return {
    claims: claims.length,
    held: claims.filter((r) => r.asExpected).length,
    mutants: mutants.length,
    killed: mutants.filter((r) => r.asExpected).length,
  };
}

export function countsText(c: Counts): string {
  return `${c.held}/${c.claims} claims hold, ${c.killed}/${c.mutants} mutants killed`;
}
