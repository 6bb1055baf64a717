import { confirmationWords, type Verdict } from '../claims/Verdict.js';
import type { BudgetReport } from '../claims/errorBudget.js';
import { code, fmt } from './format.js';
import { esc } from './html.js';
import type { MutationScore, SummaryResult } from './Summary.js';
import { strengthOf } from './wording.js';

/**
 * What a statistical or scaling verdict is worth, said on the page as in the CLI and summary.json
 * (issue "Verdicts a theorist can trust"): the strength, the pre-declared design, whether the
 * check was shown able to fail, a confirmation stage when one ran, and how a counterexample was
 * shrunk and certified.
 */

const STRENGTH_MEANING = {
  test: 'a pre-declared test on fresh seeds, significant at the claim’s alpha (a failure: confirmed on independent seeds)',
  screen: 'the pass rule held (or failed) but the test is not significant, or has too few seeds or grid points',
  replay: 'pinned seeds re-run as a regression check; their outcome was known from calibration, so no p-value is evidence',
} as const;

const POWER_MEANING = {
  shown: 'shown able to fail: its power mutant (the same check on something the theorem does not cover) was refuted',
  none: 'NOT shown able to fail: the claim has no power mutant',
  'no-power': 'NO POWER: a power mutant passes the same check, so passing it says little',
  'not-run': 'its power mutants were not run in this selection',
} as const;

/** Facts rows (inside a <dl class="facts">) for a statistical or scaling claim. */
export function trustFacts(r: SummaryResult): string {
  if (r.kind === 'exact' || r.role !== 'claim') return '';
  const rows: string[] = [];
  if (r.verdict.status !== 'inconclusive') {
    const s = strengthOf(r.verdict);
    rows.push(`<dt>strength</dt><dd>${code(s)}: ${esc(STRENGTH_MEANING[s])}</dd>`);
  }
  if (r.power) {
    const list = r.power.mutants.length ? ` (${r.power.mutants.map((m) => code(m)).join(', ')})` : '';
    rows.push(`<dt>power</dt><dd class="${r.power.status === 'shown' ? '' : 'warn'}">${esc(POWER_MEANING[r.power.status])}${list}</dd>`);
  }
  const d = r.design;
  if (d) {
    rows.push(`<dt>alpha</dt><dd>${fmt(d.alpha)}</dd>`);
    if (d.alternative) rows.push(`<dt>alternative rate</dt><dd>${fmt(d.alternative.value)} (${esc(d.alternative.label)})</dd>`);
    rows.push(
      `<dt>calibration seeds</dt><dd>${
        d.calibration
          ? `${d.calibration.seeds.map((s) => code(String(s))).join(' ')}: ${esc(d.calibration.note)} <span class="note">(never used for a verdict)</span>`
          : 'not declared'
      }</dd>`,
    );
    const fa = d.falseAlarm;
    rows.push(
      `<dt>false-alarm share</dt><dd>${fmt(fa.share)} of the run’s budget; ${
        fa.stageRate === undefined
          ? '<span class="warn">no calibrated stage rate declared</span>'
          : `stage rate ${fmt(fa.stageRate)}, two stages ${fmt(fa.rate)} ${fa.meetsShare ? '≤' : '<span class="warn">&gt;</span>'} share; ${esc(fa.how ?? '')}`
      }</dd>`,
    );
  }
  return rows.join('\n');
}

/** Both stages of a confirmation, when one ran (a claim's failure, a mutant's survival). */
export function confirmationHtml(v: Verdict): string {
  if ((v.status !== 'consistent' && v.status !== 'inconsistent') || !v.confirmation) return '';
  const c = v.confirmation;
  return `<div class="confirmation"><h4>Confirmation stage</h4>
<p>${esc(confirmationWords(c))}.</p>
<p class="note">${
    c.confirmed
      ? 'The independent second stage agreed with the first, so the result stands.'
      : 'The independent second stage did not agree with the first: the first stage is reported, and it does not decide the run.'
  }</p></div>`;
}

/** How a counterexample was shrunk, simplified and certified. */
export function counterexampleTrust(v: Verdict): string {
  if (v.status !== 'refuted' && v.status !== 'inconsistent') return '';
  const cx = v.counterexample;
  const parts: string[] = [];
  if (cx.shrink) {
    parts.push(
      `shrunk in ${cx.shrink.steps} steps (${cx.shrink.evaluations} evaluations), ${
        cx.shrink.stopped === 'minimal' ? 'minimal' : 'stopped by its budget'
      }; every step kept a violation of at least ${fmt(cx.shrink.firstViolation)}`,
    );
  }
  if (cx.simplified)
    parts.push(`${cx.simplified} real number${cx.simplified === 1 ? '' : 's'} rounded to simpler ones, keeping the margin`);
  if (cx.certificate) {
    parts.push(
      cx.certificate.certified
        ? `certified at ${cx.certificate.digits ?? '?'} digits: ${cx.certificate.detail}`
        : `not certified: ${cx.certificate.detail}`,
    );
  }
  return parts.length ? `<ul class="cx-trust">${parts.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
}

/** The suite's false-alarm budget and each claim's share, for the index page. */
export function budgetHtml(b: BudgetReport): string {
  if (b.claims === 0) return '';
  const rows = b.shares.map(
    (s) =>
      `<tr><td>${code(s.id)}</td><td class="num">${fmt(s.share)}</td><td class="num">${s.stageRate === undefined ? '—' : fmt(s.stageRate)}</td>` +
      `<td class="num">${s.falseAlarmRate === undefined ? '—' : fmt(s.falseAlarmRate)}</td><td>${s.meetsShare ? '✓' : '<span class="warn">not met</span>'}</td></tr>`,
  );
  return `<h2>False-alarm budget</h2>
<p>At most ${fmt(b.budget)} of runs of this selection may report a true claim as failed. The budget is
split evenly (Bonferroni) across its ${b.claims} statistical and scaling claims. A failure must be
confirmed by an independent second stage, so a claim’s false-alarm rate is its calibrated stage rate
squared. Declared total ${fmt(b.declaredTotal)}${b.unmet.length ? `; ${b.unmet.length} claim(s) do not yet declare a rate within their share` : ''}.</p>
<table class="budget"><thead><tr><th>claim</th><th>share</th><th>stage rate</th><th>two stages</th><th>meets share</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** Mutants refuted per purpose; only assumption, power and bound mutants count as evidence. */
export function mutationScoreHtml(m: MutationScore): string {
  const rows = (['assumption', 'power', 'bound', 'sanity'] as const)
    .filter((p) => m[p].total > 0)
    .map((p) => `<tr><td>${p}</td><td class="num">${m[p].refuted}/${m[p].total}</td></tr>`);
  if (!rows.length) return '';
  return `<h2>Mutation score by purpose</h2>
<p class="note">assumption: a hypothesis dropped; power: the same check on something the theorem does not cover;
bound: a term of an executable bound dropped or weakened; sanity: a harness check refuted for an incidental
reason, outside the score.</p>
<table class="score"><thead><tr><th>purpose</th><th>refuted</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/**
 * "Which parts of the bound this generator shows necessary": one row per bound mutant (a term
 * dropped, a constant halved, an exponent lowered), refuted with its margin, or not shown. A
 * part not shown is a finding, not a failure: it may be slack, or the generator may miss its corner.
 */
export function boundPartsHtml(mutants: readonly SummaryResult[], anchor: (id: string) => string): string {
  const rows = mutants
    .filter((m) => m.purpose === 'bound')
    .map((m) => {
      const change = (m.change ?? m.id).replace(/^bound mutant: /, '').replace(/, i\.e\. .*$/, '');
      const v = m.verdict;
      let what: string;
      if (v.status === 'refuted' || v.status === 'inconsistent') {
        const c = v.counterexample.evidence.conditions[0];
        const certified = v.counterexample.certificate?.certified ? ', certified' : '';
        what = `<strong>shown necessary</strong>: lhs - rhs = ${esc(fmt(c ? c.lhs - c.rhs : NaN))}${certified}`;
      } else if (v.status === 'inconclusive') {
        what =
          v.reason === 'cannot-generate'
            ? 'not shown: the edit never strengthens the bound on a generated case'
            : `not shown: ${esc(v.reason)}`;
      } else what = `not shown on ${v.cases} cases (the part may be slack, or the generator may miss its corner)`;
      return `<tr><td><a href="#${esc(anchor(m.id))}">${esc(change)}</a></td><td>${what}</td></tr>`;
    });
  if (!rows.length) return '';
  return `<section class="bound-parts"><h2>Which parts of the bound this generator shows necessary</h2>
<table class="bound-parts"><thead><tr><th>part changed</th><th>result</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}
