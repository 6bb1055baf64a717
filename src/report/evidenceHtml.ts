import type { Evidence } from '../claims/Evidence.js';
import { conditionSlack, toleranceFor, type Tolerance } from '../claims/Tolerance.js';
import type { Verdict } from '../claims/Verdict.js';
import { fmt, opSymbol } from './format.js';
import { esc } from './html.js';
import { isSeriesKey, seriesOf } from './plots/series.js';

/** The evidence a verdict carries: a consistent run's, or the counterexample's. */
export function evidenceOf(v: Verdict): Evidence | undefined {
  if (v.status === 'consistent') return v.evidence;
  if (v.status === 'refuted' || v.status === 'inconsistent') return v.counterexample.evidence;
  return undefined;
}

/**
 * Conditions as the theorem states them, lhs op rhs, each judged again with the claim's
 * tolerance so a reader sees which side of the boundary each one is on, and by how much.
 */
export function conditionsTable(e: Evidence, t: Tolerance, violated: readonly string[] = []): string {
  if (e.conditions.length === 0) return '<p class="note">No conditions recorded.</p>';
  const rows = e.conditions.map((c) => {
    const slack = conditionSlack(c, toleranceFor(t, c.name));
    const bad = violated.includes(c.name) || slack > 0;
    return (
      `<tr class="${bad ? 'violated' : 'held'}"><td>${esc(c.name)}</td><td class="num">${esc(fmt(c.lhs))}</td>` +
      `<td class="op">${opSymbol(c.op)}</td><td class="num">${esc(fmt(c.rhs))}</td>` +
      `<td class="num">${esc(fmt(slack))}</td><td>${bad ? '✗ violated' : '✓ holds'}</td></tr>`
    );
  });
  return (
    `<table class="conditions"><thead><tr><th>condition</th><th>lhs</th><th></th><th>rhs</th>` +
    `<th title="after tolerance; > 0 is violated">slack</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Quantities; `name@x` series become one row per series (the plot shows them too). */
export function quantitiesTable(q: Readonly<Record<string, number>> | undefined): string {
  if (!q || Object.keys(q).length === 0) return '';
  const series = seriesOf(q);
  const plain = Object.entries(q).filter(([k]) => !isSeriesKey(k, series));
  const rows = [
    ...series.map(
      (s) =>
        `<tr><td>${esc(s.name)}</td><td class="num">${s.points.map((p) => `${esc(fmt(p.x))}: ${esc(fmt(p.y))}`).join('<br>')}</td></tr>`,
    ),
    ...plain.map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${esc(fmt(v))}</td></tr>`),
  ];
  return `<table class="quantities"><thead><tr><th>quantity</th><th>value</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function toleranceHtml(t: Tolerance): string {
  const spec = (s: { rel: number; abs: number; reason: string }): string =>
    `rel ${esc(fmt(s.rel))}, abs ${esc(fmt(s.abs))}: <span class="reason">${esc(s.reason)}</span>`;
  const per = Object.entries(t.perCondition ?? {}).map(([name, s]) => `<li>for <em>${esc(name)}</em>: ${spec(s)}</li>`);
  return `<p>A relation holds up to rel · max(|lhs|, |rhs|) + abs. ${spec(t)}</p>${per.length ? `<ul>${per.join('')}</ul>` : ''}`;
}

/** What a run without recorded evidence (every case held) still says: cases and closest margin. */
export function runStatsHtml(v: Verdict): string {
  const skipped = v.skipped ? `, ${v.skipped} skipped (outside the theorem's hypotheses)` : '';
  return (
    `<p>${v.cases} judged case${v.cases === 1 ? '' : 's'}${skipped}; largest slack ${esc(fmt(v.maxSlack))} ` +
    `(≤ 0 means every case held, with this margin)` +
    `${v.bestScore !== undefined ? `; highest score the search reached ${esc(fmt(v.bestScore))} (the claim's score: how close to failing)` : ''}.</p>`
  );
}
