import { runCommand } from './commands.js';
import { countResults, countsText } from './reportModel.js';
import type { Summary, SummaryResult } from './Summary.js';
import { mutantOutcome, verdictShort } from './wording.js';

/** Table cells: pipes and line breaks would end the cell or the row. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mark(r: SummaryResult): string {
  if (r.verdict.status === 'inconclusive') return '⚠️';
  return r.asExpected ? '✅' : '❌';
}

function claimVerdict(r: SummaryResult): string {
  return `${mark(r)} ${verdictShort(r.kind, r.verdict, r.subject)} (${r.verdict.cases} case${r.verdict.cases === 1 ? '' : 's'})`;
}

/**
 * reports/summary.md: the run as a compact table for a pull-request comment. Claims first with
 * their mutants counted; mutants that survived (the suite could not refute a false statement)
 * are named, since they are what a reviewer must look at.
 */
export function summaryMarkdown(s: Summary): string {
  const claims = s.results.filter((r) => r.role === 'claim');
  const mutants = s.results.filter((r) => r.role === 'mutant');
  const lines = [
    `### claimcheck: ${s.ok ? '✅' : '❌'} ${countsText(countResults(s.results))}`,
    '',
    `seed \`${s.seed}\` · backend \`${s.backend}\` · profile \`${s.profile}\``,
    '',
    '| claim | theorem | kind | verdict | mutants killed |',
    '| --- | --- | --- | --- | --- |',
    ...claims.map((c) => {
      const ms = mutants.filter((m) => m.of === c.id);
      const killed = ms.filter((m) => mutantOutcome(m.verdict) === 'killed').length;
      const cellM = ms.length ? `${killed === ms.length ? '' : '❌ '}${killed}/${ms.length}` : '–';
      return `| \`${cell(c.id)}\` | ${cell(c.theorem ?? '')} | ${c.kind} | ${cell(claimVerdict(c))} | ${cellM} |`;
    }),
  ];
  const notKilled = mutants.filter((m) => !m.asExpected);
  if (notKilled.length) {
    lines.push(
      '',
      '**Mutants not killed:**',
      '',
      '| mutant | catalog status | outcome |',
      '| --- | --- | --- |',
      ...notKilled.map(
        (m) =>
          `| \`${cell(m.id)}\` | ${cell(m.mutantStatus ?? '')} | ${mark(m)} ${mutantOutcome(m.verdict)}: ${cell(verdictShort(m.kind, m.verdict, m.subject))} |`,
      ),
    );
  }
  const orphans = mutants.filter((m) => !claims.some((c) => c.id === m.of));
  if (orphans.length) {
    lines.push('', `Mutants run without their claim: ${orphans.map((m) => `\`${cell(m.id)}\` ${mutantOutcome(m.verdict)}`).join(', ')}`);
  }
  const m = s.mutationScore;
  const score = (['assumption', 'power', 'bound', 'sanity'] as const)
    .filter((p) => m[p].total > 0)
    .map((p) => `${p} ${m[p].refuted}/${m[p].total}`);
  if (score.length) lines.push('', `Mutants refuted by purpose: ${score.join(', ')} (sanity mutants are outside the score).`);
  const b = s.falseAlarmBudget;
  if (b.claims) {
    lines.push(
      '',
      `False-alarm budget ${b.budget} over ${b.claims} statistical/scaling claims (share ${Number(b.budget / b.claims).toPrecision(3)} each); ` +
        `declared total ${Number(b.declaredTotal.toPrecision(3))}${b.unmet.length ? `, ${b.unmet.length} claim(s) without a rate within their share` : ''}.`,
    );
  }
  lines.push('', `Reproduce: \`${runCommand(s)}\``, '');
  return lines.join('\n');
}
