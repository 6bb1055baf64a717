import { replayCommand, verifyCommand } from './commands.js';
import { counterexampleHtml, inconclusiveHtml } from './counterexampleHtml.js';
import { conditionsTable, evidenceOf, quantitiesTable, runStatsHtml } from './evidenceHtml.js';
import { badge, code } from './format.js';
import { esc } from './html.js';
import { mutantAnchor } from './paths.js';
import { resultPlots } from './resultPlots.js';
import type { Summary, SummaryResult } from './Summary.js';
import { confirmationHtml } from './trustHtml.js';
import { mutantOutcome } from './wording.js';

const PURPOSE = {
  assumption: 'assumption: drops a hypothesis of the theorem',
  power: 'power: the same check on something the theorem does not cover, to show the check can fail',
  bound: 'bound: a term of the executable bound dropped or weakened',
  sanity: 'sanity: a harness check refuted for an incidental reason; outside the mutation score',
} as const;

/**
 * One mutant on its claim's page: the deliberate change, the catalog's status and expectation,
 * and what the suite did with it. A surviving mutant is the alarming case (the suite cannot tell
 * the false statement from the true one), so its evidence is shown in full too.
 */
export async function mutantSection(s: Summary, m: SummaryResult): Promise<string> {
  const v = m.verdict;
  const ev = evidenceOf(v);
  const slug = m.id.includes('~') ? m.id.slice(m.id.lastIndexOf('~')) : m.id;
  const replay = replayCommand(m);
  const body =
    v.status === 'refuted' || v.status === 'inconsistent'
      ? confirmationHtml(v) + counterexampleHtml(m)
      : v.status === 'inconclusive'
        ? inconclusiveHtml(v)
        : `${runStatsHtml(v)}${confirmationHtml(v)}${ev ? conditionsTable(ev, m.tolerance) + quantitiesTable(ev.quantities) : ''}`;
  return `<section class="mutant ${mutantOutcome(v)}" id="${esc(mutantAnchor(m.id))}">
<h3>${esc(slug)} ${badge(m)}</h3>
<p class="mutant-id">${code(m.id)}</p>
<dl class="facts">
<dt>change</dt><dd>${esc(m.change ?? '(not recorded)')}</dd>
${m.purpose ? `<dt>purpose</dt><dd>${esc(PURPOSE[m.purpose])}</dd>` : ''}
<dt>catalog status</dt><dd>${esc(m.mutantStatus ?? '(not recorded)')}</dd>
${m.expectedCounterexample ? `<dt>catalog's expected counterexample</dt><dd>${esc(m.expectedCounterexample)}</dd>` : ''}
<dt>kind</dt><dd>${esc(m.kind)}</dd>
<dt>verdict</dt><dd>${esc(m.words)}</dd>
</dl>
${body}
${await resultPlots(m)}
<h4>Replay</h4>
${replay ? `<pre class="cmd">${esc(replay)}</pre>` : ''}
<pre class="cmd">${esc(verifyCommand(s, m.id))}</pre>
<p class="note">fast-check seed ${code(String(v.seed))} (derived from run seed ${code(String(s.seed))} and the id)</p>
</section>`;
}
