import type { Verdict } from '../claims/Verdict.js';
import { conditionsTable, quantitiesTable } from './evidenceHtml.js';
import { code } from './format.js';
import { esc } from './html.js';
import type { SummaryResult } from './Summary.js';
import { counterexampleTrust } from './trustHtml.js';

/**
 * A shrunk counterexample: what the case is (the claim's own description), which conditions it
 * violates and by how much, where it came from and how to replay it.
 */
export function counterexampleHtml(r: SummaryResult): string {
  const v = r.verdict;
  if (v.status !== 'refuted' && v.status !== 'inconsistent') return '';
  const cx = v.counterexample;
  const origin =
    `${esc(cx.source)} case, shrunk ${cx.shrinks} time${cx.shrinks === 1 ? '' : 's'}; ` +
    `fast-check seed ${code(String(cx.seed))}${cx.path ? ` path ${code(cx.path)}` : ''}`;
  return `<div class="counterexample">
<h4>Shrunk counterexample</h4>
<p class="cx-description">${cx.description ? esc(cx.description) : `<code>${esc(JSON.stringify(cx.value))}</code>`}</p>
<p>Violated: ${cx.violated.map((n) => `<strong>${esc(n)}</strong>`).join('; ') || 'none recorded'}</p>
${conditionsTable(cx.evidence, r.tolerance, cx.violated)}
${quantitiesTable(cx.evidence.quantities)}
${counterexampleTrust(v)}
<p class="note">${origin}${cx.fixture ? `; fixture ${code(cx.fixture)}` : ''}</p>
</div>`;
}

/** Why a run gave no verdict. */
export function inconclusiveHtml(v: Verdict): string {
  if (v.status !== 'inconclusive') return '';
  return `<div class="inconclusive"><p><strong>${esc(v.reason)}</strong>: ${esc(v.detail)}</p></div>`;
}
