import { describe, expect, it } from 'vitest';
import { budgetReport, SUITE_FALSE_ALARM_BUDGET } from '../src/claims/errorBudget.js';
import { loadPapers } from '../papers/index.js';

const BUILTIN = await loadPapers();

/** Issue "No false alarms": the suite's budget adds up across the registered claims. */
describe('the false-alarm budget of the built-in papers', () => {
  const b = budgetReport(BUILTIN);
  const statistical = BUILTIN.filter((c) => c.type === 'claim' && c.kind !== 'exact');

  it('is split across every statistical and scaling claim, and the shares add up to the budget', () => {
    expect(b.claims).toBe(statistical.length);
    expect(b.shares.map((s) => s.id).sort()).toEqual(statistical.map((c) => c.id).sort());
    expect(b.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(SUITE_FALSE_ALARM_BUDGET, 12);
  });

  it('every statistical and scaling claim declares a stage rate; the ones whose calibration cannot yet support their share are named', () => {
    expect(b.shares.filter((s) => s.stageRate === undefined)).toEqual([]);
    // Declared honestly from their calibration (a 95% upper bound on 0-of-N counts, or a Student-t
    // predictive tail from 3-5 seeds), these stage rates are too high for a 1/18 share: more
    // calibration seeds or larger R are needed. A claim leaving this list must meet its share;
    // a claim joining it is a regression.
    expect([...b.unmet].sort()).toEqual([
      'allenzhu-li-2019/thm1/resnet-learns-composite',
      'allenzhu-li-2019/thm3/kernel-lower-bound',
      'allenzhu-li-2019/thm4/feature-map-regression-lower-bound',
    ]);
  });

  it('the declared two-stage false-alarm rates are the squares of the stage rates; their sum is what the report prints', () => {
    // With the three claims above, the sum may exceed the 1% budget: it is reported, not hidden.
    expect(b.declaredTotal).toBeCloseTo(
      b.shares.reduce((t, x) => t + (x.falseAlarmRate ?? 0), 0),
      15,
    );
    for (const s of b.shares) if (s.falseAlarmRate !== undefined) expect(s.falseAlarmRate).toBeCloseTo(s.stageRate! ** 2, 15);
  });
});
