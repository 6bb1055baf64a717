import {
  baselineToleranceFor,
  describeBaselineTolerance,
  DEFAULT_BASELINE_TOLERANCES,
  withinTolerance,
  type BaselineTolerances,
  type ClaimBaselineTolerance,
} from '../claims/baselineTolerance.js';
import type { ToleranceSpec } from '../claims/Tolerance.js';
import type { BaselineEntry } from './baselineEntry.js';

/**
 * The gate of `claimcheck ci`: one run's entries against the committed baseline. A changed
 * verdict, a quantity beyond its tolerance, a quantity that appeared or vanished, or a result with
 * no baseline at all is a finding; each message names the claim, the quantity, the baseline and
 * the new value, so a CI log says what moved without opening any file.
 */
export type Finding =
  | { readonly kind: 'verdict-changed'; readonly id: string; readonly baseline: string; readonly now: string; readonly message: string }
  | {
      readonly kind: 'drift';
      readonly id: string;
      readonly quantity: string;
      readonly baseline: number;
      readonly now: number;
      readonly tolerance: ToleranceSpec;
      readonly message: string;
    }
  | { readonly kind: 'quantity-gone'; readonly id: string; readonly quantity: string; readonly baseline: number; readonly message: string }
  | { readonly kind: 'quantity-new'; readonly id: string; readonly quantity: string; readonly now: number; readonly message: string }
  | { readonly kind: 'no-baseline'; readonly id: string; readonly message: string };

/** A quantity's name as messages show it: bare when it is one word, quoted when it has spaces. */
export function quantityName(q: string): string {
  return /^[\w.@*\-]+$/.test(q) ? q : JSON.stringify(q);
}

/** Both numbers with the fewest significant digits (at least 6) that tell them apart. */
export function formatPair(a: number, b: number): [string, string] {
  const f = (x: number, p: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(p))) : String(x));
  for (let p = 6; p < 17; p++) if (f(a, p) !== f(b, p)) return [f(a, p), f(b, p)];
  return [f(a, 17), f(b, 17)];
}

function verdictText(e: BaselineEntry): string {
  return e.reason ? `${e.status} (${e.reason})` : e.status;
}

export interface CompareOptions {
  readonly tolerances?: BaselineTolerances;
  readonly declared?: Readonly<Record<string, ClaimBaselineTolerance>>;
  /** Where the baseline lives, for the no-baseline message. */
  readonly file?: string;
  /** Flags the suggested `claimcheck baseline --update` needs to run as copied (see gateFlags). */
  readonly flags?: string;
}

export function compareEntry(id: string, baseline: BaselineEntry | undefined, now: BaselineEntry, o: CompareOptions = {}): Finding[] {
  if (!baseline) {
    return [
      {
        kind: 'no-baseline',
        id,
        message: `${id}: no baseline${o.file ? ` in ${o.file}` : ''}; record one with \`claimcheck baseline --update --claim ${id}${o.flags ?? ''}\``,
      },
    ];
  }
  if (baseline.status !== now.status || baseline.reason !== now.reason) {
    // Different verdicts rest on different cases: their numbers are not comparable.
    return [
      {
        kind: 'verdict-changed',
        id,
        baseline: verdictText(baseline),
        now: verdictText(now),
        message: `${id}: verdict changed: baseline ${verdictText(baseline)}, now ${verdictText(now)}`,
      },
    ];
  }
  const tolerances = o.tolerances ?? DEFAULT_BASELINE_TOLERANCES;
  const out: Finding[] = [];
  for (const [q, b] of Object.entries(baseline.quantities)) {
    if (!(q in now.quantities)) {
      out.push({
        kind: 'quantity-gone',
        id,
        quantity: q,
        baseline: b,
        message: `${id}: quantity ${quantityName(q)} is gone: baseline ${formatPair(b, b)[0]}, now absent`,
      });
      continue;
    }
    const n = now.quantities[q];
    const t = baselineToleranceFor(tolerances, id, q, o.declared);
    if (!withinTolerance(b, n, t)) {
      const [bs, ns] = formatPair(b, n);
      out.push({
        kind: 'drift',
        id,
        quantity: q,
        baseline: b,
        now: n,
        tolerance: t,
        message: `${id}: quantity ${quantityName(q)} drifted: baseline ${bs}, now ${ns} (${describeBaselineTolerance(t)})`,
      });
    }
  }
  for (const [q, n] of Object.entries(now.quantities)) {
    if (!(q in baseline.quantities)) {
      out.push({
        kind: 'quantity-new',
        id,
        quantity: q,
        now: n,
        message: `${id}: quantity ${quantityName(q)} is new: now ${formatPair(n, n)[0]}, not in the baseline; record it with \`claimcheck baseline --update${o.flags ?? ''}\``,
      });
    }
  }
  return out;
}

/** One line of `claimcheck baseline`'s diff. Changes are exact (any difference at all). */
export type BaselineChange =
  | { readonly kind: 'result-added'; readonly id: string; readonly entry: BaselineEntry }
  | { readonly kind: 'result-removed'; readonly id: string; readonly entry: BaselineEntry }
  | { readonly kind: 'status-changed'; readonly id: string; readonly from: BaselineEntry; readonly to: BaselineEntry }
  | { readonly kind: 'quantity-added'; readonly id: string; readonly quantity: string; readonly to: number }
  | { readonly kind: 'quantity-removed'; readonly id: string; readonly quantity: string; readonly from: number }
  | {
      readonly kind: 'quantity-changed';
      readonly id: string;
      readonly quantity: string;
      readonly from: number;
      readonly to: number;
      readonly beyondTolerance: boolean;
    };

const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Differences between the stored entries and this run's. `complete` says the run covered the
 * whole paper: only then is a stored result the run did not produce a removal (a `--claim` run
 * leaves the other results alone).
 */
export function diffEntries(
  old: Readonly<Record<string, BaselineEntry>>,
  now: Readonly<Record<string, BaselineEntry>>,
  complete: boolean,
  tolerances: BaselineTolerances = DEFAULT_BASELINE_TOLERANCES,
  declared: Readonly<Record<string, ClaimBaselineTolerance>> = {},
): BaselineChange[] {
  const out: BaselineChange[] = [];
  for (const [id, n] of Object.entries(now)) {
    const o = old[id];
    if (!o) {
      out.push({ kind: 'result-added', id, entry: n });
      continue;
    }
    if (o.status !== n.status || o.reason !== n.reason || o.role !== n.role) out.push({ kind: 'status-changed', id, from: o, to: n });
    for (const [q, b] of Object.entries(o.quantities)) {
      if (!(q in n.quantities)) out.push({ kind: 'quantity-removed', id, quantity: q, from: b });
      else if (!same(b, n.quantities[q])) {
        const beyond = !withinTolerance(b, n.quantities[q], baselineToleranceFor(tolerances, id, q, declared));
        out.push({ kind: 'quantity-changed', id, quantity: q, from: b, to: n.quantities[q], beyondTolerance: beyond });
      }
    }
    for (const [q, v] of Object.entries(n.quantities))
      if (!(q in o.quantities)) out.push({ kind: 'quantity-added', id, quantity: q, to: v });
  }
  if (complete) for (const [id, o] of Object.entries(old)) if (!(id in now)) out.push({ kind: 'result-removed', id, entry: o });
  return out;
}

export function changeLine(c: BaselineChange): string {
  switch (c.kind) {
    case 'result-added':
      return `+ ${c.id}: new result, ${verdictText(c.entry)}, ${Object.keys(c.entry.quantities).length} quantities`;
    case 'result-removed':
      return `- ${c.id}: result removed (was ${verdictText(c.entry)}, ${Object.keys(c.entry.quantities).length} quantities)`;
    case 'status-changed':
      return `~ ${c.id}: verdict ${verdictText(c.from)} -> ${verdictText(c.to)}`;
    case 'quantity-added':
      return `+ ${c.id}: ${quantityName(c.quantity)} = ${formatPair(c.to, c.to)[0]}`;
    case 'quantity-removed':
      return `- ${c.id}: ${quantityName(c.quantity)} (was ${formatPair(c.from, c.from)[0]})`;
    case 'quantity-changed': {
      const [a, b] = formatPair(c.from, c.to);
      return `~ ${c.id}: ${quantityName(c.quantity)} ${a} -> ${b}${c.beyondTolerance ? ' (beyond tolerance)' : ' (within tolerance)'}`;
    }
  }
}

export interface DiffCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** Added / removed / changed quantities (a whole result counts as all of its quantities). */
export function countChanges(changes: readonly BaselineChange[]): DiffCounts {
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const c of changes) {
    if (c.kind === 'result-added') added += Object.keys(c.entry.quantities).length;
    else if (c.kind === 'result-removed') removed += Object.keys(c.entry.quantities).length;
    else if (c.kind === 'quantity-added') added++;
    else if (c.kind === 'quantity-removed') removed++;
    else changed++;
  }
  return { added, removed, changed };
}
