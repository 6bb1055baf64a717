import { badge, code } from './format.js';
import { esc, link } from './html.js';
import { claimPath, mutantPath } from './paths.js';
import type { ClaimEntry } from './reportModel.js';

function mutantRow(from: string, e: ClaimEntry, i: number): string {
  const m = e.mutants[i];
  const slug = m.id.includes('~') ? m.id.slice(m.id.lastIndexOf('~')) : m.id;
  return (
    `<tr class="mutant-row"><td class="indent">↳ ${link(from, mutantPath(e.id, m.id), slug)}</td>` +
    `<td>mutant</td><td>${esc(m.kind)}</td><td>${esc(m.mutantStatus ?? '')}</td><td>${badge(m, true)}</td>` +
    `<td class="num">${m.verdict.cases}</td></tr>`
  );
}

/**
 * Claims with their mutants beneath, each linked to its page (mutants to their anchor on the
 * claim's page). Shared by the index and the paper pages so both read the same way.
 */
export function resultsTable(from: string, entries: readonly ClaimEntry[]): string {
  const rows = entries.flatMap((e) => {
    const c = e.claim;
    const head = c
      ? `<tr class="claim-row"><td>${link(from, claimPath(e.id), e.id)}</td><td>${esc(c.theorem ?? '')}</td>` +
        `<td>${esc(c.kind)}</td><td>${esc(c.confidence ?? '')}</td><td>${badge(c, true)}</td>` +
        `<td class="num">${c.verdict.cases}</td></tr>`
      : `<tr class="claim-row"><td>${link(from, claimPath(e.id), e.id)}</td><td colspan="5" class="note">claim not run</td></tr>`;
    return [head, ...e.mutants.map((_, i) => mutantRow(from, e, i))];
  });
  return (
    `<table class="results"><thead><tr><th>claim / mutant</th><th>theorem</th><th>kind</th>` +
    `<th>confidence / catalog status</th><th>verdict</th><th>cases</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
  );
}

export function runFacts(s: { seed: number; backend: string; profile: string }): string {
  return (
    `<dl class="facts inline"><dt>seed</dt><dd>${code(String(s.seed))}</dd><dt>backend</dt><dd>${code(s.backend)}</dd>` +
    `<dt>profile</dt><dd>${code(s.profile)}</dd></dl>`
  );
}
