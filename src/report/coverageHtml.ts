import type { Verdict } from '../claims/Verdict.js';
import { esc } from './html.js';

/** Hypothesis-space coverage: how often the generator reached each region the claim requires. */
export function hypothesisCoverageHtml(v: Verdict): string {
  const rows = v.coverage ?? [];
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.ok ? 'held' : 'violated'}"><td>${esc(r.label)}</td><td class="num">${r.hits} / ${r.total}</td>` +
        `<td class="num">${(100 * r.share).toFixed(1)}%</td><td class="num">${(100 * r.minShare).toFixed(1)}%</td>` +
        `<td>${r.ok ? '✓ covered' : '✗ not covered'}</td></tr>`,
    )
    .join('');
  return (
    `<section><h2>Hypothesis coverage</h2><p class="note">Share of generated cases in each region the claim's generator must reach; a region fails when never hit or when the 95% Wilson upper bound of its share is below the requirement.</p>` +
    `<table class="conditions"><thead><tr><th>region</th><th>cases</th><th>share</th><th>required</th><th></th></tr></thead><tbody>${body}</tbody></table></section>`
  );
}
