import { replayCommand, verifyCommand } from './commands.js';
import { counterexampleHtml, inconclusiveHtml } from './counterexampleHtml.js';
import { hypothesisCoverageHtml } from './coverageHtml.js';
import { conditionsTable, evidenceOf, quantitiesTable, runStatsHtml, toleranceHtml } from './evidenceHtml.js';
import { badge, code } from './format.js';
import { esc, link, page } from './html.js';
import { renderBound } from './math.js';
import { mutantSection } from './mutantSection.js';
import type { CoverageNumbers } from './coverageIndex.js';
import { claimPath, mutantAnchor, paperPath } from './paths.js';
import { paperLine, runFooter } from './paperLine.js';
import { resultPlots } from './resultPlots.js';
import type { ClaimEntry, PaperEntry } from './reportModel.js';
import type { Summary, SummaryResult } from './Summary.js';
import { boundPartsHtml, confirmationHtml, trustFacts } from './trustHtml.js';
import { verdictLabel } from './wording.js';

function evidenceSection(r: SummaryResult): string {
  const v = r.verdict;
  if (v.status === 'refuted' || v.status === 'inconsistent') return runStatsHtml(v) + confirmationHtml(v) + counterexampleHtml(r);
  if (v.status === 'inconclusive') return runStatsHtml(v) + inconclusiveHtml(v);
  const ev = evidenceOf(v);
  // A Verified exact run keeps no per-case evidence (only slacks): the stats and plot say it.
  return runStatsHtml(v) + confirmationHtml(v) + (ev ? conditionsTable(ev, r.tolerance) + quantitiesTable(ev.quantities) : '');
}

/** The runner's words add nothing when they only repeat the badge (and the kind, listed below). */
function sameWords(c: SummaryResult): boolean {
  return c.words.replace(/\s*\((exact|statistical|scaling)\)$/, '') === verdictLabel(c.kind, c.verdict, c.subject);
}

/** A claim's `claimcheck coverage` numbers and its c8 report (relative to the report folder). */
export interface CoverageLink extends Pick<CoverageNumbers, 'lines' | 'functions' | 'branches' | 'exercised'> {
  readonly href: string;
}

function coverageFact(path: string, cov: CoverageLink | undefined): string {
  if (!cov) return '';
  const text = `lines ${cov.lines}%, functions ${cov.functions}%, branches ${cov.branches}% of the core files loaded; ${cov.exercised.length} src/core files exercised`;
  return `\n<dt>code coverage</dt><dd>${link(path, cov.href, text)}</dd>`;
}

async function claimBody(s: Summary, path: string, paper: PaperEntry, c: SummaryResult, cov?: CoverageLink): Promise<string> {
  const replay = replayCommand(c);
  const plots = await resultPlots(c);
  return `<header class="claim-head">
<p class="kicker">${esc(c.theorem ?? '')} · ${link(path, paperPath(paper.ref.key), paper.ref.title)}</p>
<h1>${code(c.id)}</h1>
<p class="statement">${esc(c.statement)}</p>
</header>
<section class="verdict-box">
<p>${badge(c)}</p>
${sameWords(c) ? '' : `<p class="words">${esc(c.words)}</p>`}
</section>
<dl class="facts">
<dt>paper</dt><dd>${paperLine(path, paper.ref)}</dd>
<dt>theorem</dt><dd>${esc(c.theorem ?? '(not recorded)')}</dd>
<dt>confidence</dt><dd>${esc(c.confidence ?? '(not recorded)')} <span class="note">(catalog label)</span></dd>
<dt>kind</dt><dd>${esc(c.kind)}${c.kind === 'exact' ? '' : ' <span class="note">(evidence at the tested scale, not a proof)</span>'}</dd>
${trustFacts(c)}${coverageFact(path, cov)}
</dl>
${c.bound ? `<section><h2>Bound</h2>${renderBound(c.bound)}<p class="note">from ${code(c.bound)}</p></section>` : ''}
${plots ? `<section><h2>Plots</h2>${plots}</section>` : ''}
<section><h2>Evidence</h2>${evidenceSection(c)}</section>
${hypothesisCoverageHtml(c.verdict)}
<section><h2>Tolerance</h2>${toleranceHtml(c.tolerance)}</section>
${c.notes ? `<section><h2>Notes</h2><p>${esc(c.notes)}</p></section>` : ''}
<section><h2>Reproduce</h2>
<dl class="facts"><dt>run seed</dt><dd>${code(String(s.seed))}</dd><dt>claim's fast-check seed</dt><dd>${code(String(c.verdict.seed))}</dd>
<dt>backend</dt><dd>${code(s.backend)}</dd><dt>profile</dt><dd>${code(s.profile)}</dd></dl>
<pre class="cmd">${esc(verifyCommand(s, c.id))}</pre>
${replay ? `<p>Replay the saved counterexample:</p><pre class="cmd">${esc(replay)}</pre>` : ''}
</section>`;
}

/** One claim: what it says, what the run found, how sure to be, and how to reproduce it. */
export async function claimPage(s: Summary, paper: PaperEntry, e: ClaimEntry, coverage?: CoverageLink): Promise<string> {
  const path = claimPath(e.id);
  const head = e.claim
    ? await claimBody(s, path, paper, e.claim, coverage)
    : `<h1>${code(e.id)}</h1><p class="note">This claim was not run; only its mutants below were.</p>`;
  const killed = e.mutants.filter((m) => m.asExpected).length;
  const mutants = e.mutants.length
    ? `<section class="mutants"><h2>Mutants (${killed}/${e.mutants.length} killed)</h2>
<p class="note">Deliberately false variants of the claim: the suite must refute each one, or it could not tell the theorem from its mutant.</p>
${(await Promise.all(e.mutants.map((m) => mutantSection(s, m)))).join('\n')}</section>`
    : '<section class="mutants"><h2>Mutants</h2><p class="note">No mutants were run for this claim.</p></section>';
  return page({
    path,
    title: `${e.id}: claimcheck`,
    crumbs: [{ text: paper.ref.title, path: paperPath(paper.ref.key) }, { text: e.claim?.theorem ?? e.id }],
    body: `${head}\n${boundPartsHtml(e.mutants, mutantAnchor)}\n${mutants}`,
    footer: runFooter(s),
  });
}
