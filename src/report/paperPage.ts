import { esc, page } from './html.js';
import { paperPath } from './paths.js';
import { runFooter } from './paperLine.js';
import { countResults, countsText, type PaperEntry } from './reportModel.js';
import { resultsTable, runFacts } from './resultsTable.js';
import type { Summary } from './Summary.js';

/** One paper: its reference, then its claims (in the registry's order) with their mutants. */
export function paperPage(s: Summary, p: PaperEntry): string {
  const path = paperPath(p.ref.key);
  const counts = countResults(p.claims.flatMap((e) => [...(e.claim ? [e.claim] : []), ...e.mutants]));
  const meta = [p.ref.authors, p.ref.venue, p.ref.arxiv ? `arXiv:${p.ref.arxiv}` : ''].filter(Boolean).map(esc).join(' · ');
  const statements = p.claims
    .filter((e) => e.claim)
    .map((e) => `<li><strong>${esc(e.claim?.theorem ?? '')}</strong>: ${esc(e.claim?.statement ?? '')}</li>`);
  const body = `<h1>${esc(p.ref.title)}</h1>
<p>${meta}</p>
<p>Paper key ${`<code>${esc(p.ref.key)}</code>`}${p.ref.confidence ? `; catalog confidence <strong>${esc(p.ref.confidence)}</strong>` : ''}. ${esc(countsText(counts))}.</p>
${runFacts(s)}
<h2>Claims</h2>
${resultsTable(path, p.claims)}
${statements.length ? `<h2>Statements</h2><ul class="statements">${statements.join('\n')}</ul>` : ''}`;
  return page({ path, title: `${p.ref.title}: claimcheck`, crumbs: [{ text: p.ref.title }], body, footer: runFooter(s) });
}
