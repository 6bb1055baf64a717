import { describe, expect, it } from 'vitest';
import { exactThreshold } from '../claims/Tolerance.js';
import type { Verdict } from '../claims/Verdict.js';
import type { SummaryResult } from './Summary.js';
import { boundPartsHtml, budgetHtml, confirmationHtml, counterexampleTrust, mutationScoreHtml, trustFacts } from './trustHtml.js';

const stats = { cases: 1, skipped: 0, maxSlack: 0, seed: 1, slacks: [] };
const evidence = { conditions: [{ name: 'k of R seeds', lhs: 9, op: '>=' as const, rhs: 8 }] };
const cx = { value: 0, evidence, violated: ['k of R seeds'], slack: 1, source: 'random' as const, seed: 1, shrinks: 2 };

const claim = (verdict: Verdict, extra: Partial<SummaryResult> = {}): SummaryResult => ({
  id: 'toy/thm/x',
  role: 'claim',
  paper: 'toy',
  kind: 'statistical',
  statement: 's',
  tolerance: exactThreshold('rule fixed before the run'),
  asExpected: true,
  words: '',
  verdict,
  ...extra,
});

describe('trust on the report pages', () => {
  it('says the strength, the design, the share of the budget and whether the check can fail', () => {
    const html = trustFacts(
      claim(
        { status: 'consistent', ...stats, evidence, strength: 'screen' },
        {
          design: {
            alpha: 0.05,
            calibration: { seeds: [90001, 90002], note: 'thresholds fixed here' },
            falseAlarm: { share: 5e-4, stageRate: 0.02, rate: 4e-4, how: '0 of 150 calibration seeds', meetsShare: true },
          },
          power: { status: 'no-power', mutants: ['toy/thm/x~lazy'] },
        },
      ),
    );
    expect(html).toContain('<code>screen</code>');
    expect(html).toContain('not significant');
    expect(html).toContain('NO POWER');
    expect(html).toContain('<code>90001</code>');
    expect(html).toContain('stage rate 0.02, two stages 0.0004 ≤ share; 0 of 150 calibration seeds');
  });

  it('warns when no stage rate is declared; exact claims get no statistical facts', () => {
    const html = trustFacts(
      claim(
        { status: 'consistent', ...stats, evidence, strength: 'test' },
        { design: { alpha: 0.05, falseAlarm: { share: 0.01, meetsShare: false } } },
      ),
    );
    expect(html).toContain('no calibrated stage rate declared');
    expect(html).toContain('not declared');
    expect(trustFacts(claim({ status: 'verified', ...stats }, { kind: 'exact' }))).toBe('');
  });

  it('shows both stages of a confirmation and whether they agreed', () => {
    const v: Verdict = {
      status: 'consistent',
      ...stats,
      evidence,
      strength: 'test',
      confirmation: {
        first: { outcome: 'violated', source: 'random', value: 1, evidence, violated: ['k of R seeds'] },
        second: { outcome: 'holds', source: 'confirmation', value: 2, evidence },
        confirmed: false,
      },
    };
    const html = confirmationHtml(v);
    expect(html).toContain('Confirmation stage');
    expect(html).toContain('first stage violated (k of R seeds) on random seeds');
    expect(html).toContain('held on fresh independent seeds');
    expect(html).toContain('did not agree');
    expect(confirmationHtml({ status: 'consistent', ...stats, evidence })).toBe('');
  });

  it('says how a counterexample was shrunk and whether it was certified', () => {
    const html = counterexampleTrust({
      status: 'refuted',
      ...stats,
      counterexample: {
        ...cx,
        shrink: { steps: 3, evaluations: 40, stopped: 'minimal', firstViolation: 0.01 },
        simplified: 2,
        certificate: { certified: true, digits: 40, detail: 'lhs - rhs = 0.2 at 40 digits' },
      },
    });
    expect(html).toContain('shrunk in 3 steps (40 evaluations), minimal');
    expect(html).toContain('2 real numbers rounded');
    expect(html).toContain('certified at 40 digits');
  });

  it('tables the budget and the mutation score by purpose', () => {
    const b = budgetHtml({
      budget: 0.01,
      claims: 2,
      shares: [
        { id: 'a', share: 0.005, stageRate: 0.05, falseAlarmRate: 0.0025, meetsShare: true },
        { id: 'b', share: 0.005, meetsShare: false },
      ],
      declaredTotal: 0.0025,
      unmet: ['b'],
    });
    expect(b).toContain('across its 2 statistical and scaling claims');
    expect(b).toContain('1 claim(s) do not yet declare');
    expect(budgetHtml({ budget: 0.01, claims: 0, shares: [], declaredTotal: 0, unmet: [] })).toBe('');
    const m = mutationScoreHtml({
      assumption: { refuted: 3, total: 3 },
      power: { refuted: 2, total: 2 },
      bound: { refuted: 0, total: 0 },
      sanity: { refuted: 1, total: 1 },
    });
    expect(m).toContain('<td>power</td><td class="num">2/2</td>');
    expect(m).not.toContain('<td>bound</td>');
  });

  it('tables which parts of an executable bound the generator shows necessary', () => {
    const mutant = (id: string, verdict: Verdict): SummaryResult => ({
      ...claim(verdict, { kind: 'exact' }),
      id,
      role: 'mutant',
      purpose: 'bound',
      change: `bound mutant: drop the term ${id}, i.e. x`,
    });
    const html = boundPartsHtml(
      [
        mutant('c~bound-a', {
          status: 'refuted',
          ...stats,
          counterexample: {
            ...cx,
            evidence: { conditions: [{ name: 'F <= B', lhs: 1.5, op: '<=', rhs: 1 }] },
            certificate: { certified: true, detail: '' },
          },
        }),
        mutant('c~bound-b', { status: 'verified', ...stats, cases: 40 }),
        mutant('c~bound-c', { status: 'inconclusive', ...stats, reason: 'cannot-generate', detail: '' }),
      ],
      (id) => `m-${id}`,
    );
    expect(html).toContain('<a href="#m-c~bound-a">drop the term c~bound-a</a>');
    expect(html).toContain('shown necessary</strong>: lhs - rhs = 0.5, certified');
    expect(html).toContain('not shown on 40 cases');
    expect(html).toContain('never strengthens the bound');
    expect(boundPartsHtml([], (id) => id)).toBe('');
  });
});
