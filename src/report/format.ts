import type { Relation } from '../claims/Evidence.js';
import { esc } from './html.js';
import { badgeText, tone } from './wording.js';
import type { SummaryResult } from './Summary.js';

/** Six significant digits, like the slacks in summary.json; non-finite numbers spelled out. */
export function fmt(x: unknown): string {
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0 || Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(6)));
  return x.toExponential(3);
}

export function opSymbol(op: Relation): string {
  return op === '<=' ? '≤' : op === '>=' ? '≥' : '=';
}

export function badge(r: SummaryResult, short = false): string {
  return `<span class="badge ${tone(r)}">${esc(badgeText(r, short))}</span>`;
}

export function code(s: string): string {
  return `<code>${esc(s)}</code>`;
}
