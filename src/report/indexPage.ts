import { runCommand } from './commands.js';
import { code } from './format.js';
import { esc, link, page } from './html.js';
import { INDEX, paperPath } from './paths.js';
import { runFooter } from './paperLine.js';
import { countResults, countsText, type PaperEntry } from './reportModel.js';
import { resultsTable, runFacts } from './resultsTable.js';
import type { Summary } from './Summary.js';
import { budgetHtml, mutationScoreHtml } from './trustHtml.js';

/** The run at a glance: did everything come out as expected, per paper, then every result. */
export function indexPage(s: Summary, papers: readonly PaperEntry[]): string {
  const all = countResults(s.results);
  const paperRows = papers.map((p) => {
    const c = countResults(p.claims.flatMap((e) => [...(e.claim ? [e.claim] : []), ...e.mutants]));
    return (
      `<tr><td>${link(INDEX, paperPath(p.ref.key), p.ref.title)}<br><span class="note">${esc(p.ref.key)}</span></td>` +
      `<td>${esc(p.ref.authors)}</td><td>${esc(p.ref.venue)}</td><td>${esc(p.ref.confidence)}</td>` +
      `<td class="num">${c.held}/${c.claims}</td><td class="num">${c.killed}/${c.mutants}</td></tr>`
    );
  });
  const sections = papers.map((p) => `<h3>${link(INDEX, paperPath(p.ref.key), p.ref.title)}</h3>\n${resultsTable(INDEX, p.claims)}`);
  const body = `<h1>claimcheck report</h1>
<p class="overall ${s.ok ? 'good' : 'bad'}"><span class="badge ${s.ok ? 'good' : 'bad'}">${s.ok ? 'as expected' : 'NOT as expected'}</span>
${esc(countsText(all))}.</p>
${runFacts(s)}
<p>Exact claims are Verified or Refuted on the generated instances. A statistical or scaling claim reads
consistent or inconsistent with the theorem at the tested scale only when its strength is <code>test</code>
(a pre-declared, significant test on fresh seeds); a <code>screen</code> passed its rule without
significance, and a <code>replay</code> re-ran pinned seeds as a regression check.</p>
<h2>Papers</h2>
<table class="papers"><thead><tr><th>paper</th><th>authors</th><th>venue</th><th>confidence</th><th>claims hold</th><th>mutants killed</th></tr></thead>
<tbody>${paperRows.join('\n')}</tbody></table>
<h2>Claims and mutants</h2>
${sections.join('\n')}
${budgetHtml(s.falseAlarmBudget)}
${mutationScoreHtml(s.mutationScore)}
<h2>Reproduce</h2>
<pre class="cmd">${esc(runCommand(s))}</pre>
<p class="note">Pull-request summary: ${code('summary.md')} beside this page.</p>`;
  return page({ path: INDEX, title: 'claimcheck report', crumbs: [], body, footer: runFooter(s) });
}
