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

  it('every statistical and scaling claim declares a stage rate whose square fits its share', () => {
    expect(b.shares.filter((s) => s.stageRate === undefined)).toEqual([]);
    // Each rate is derived from calibration seeds in the paper's CALIBRATION.md (Clopper-Pearson
    // bounds on counts pushed through the claim's k-of-R rule, or Student-t predictive tails of
    // calibration margins). A claim whose calibration cannot support its share is a regression.
    expect([...b.unmet]).toEqual([]);
    expect(b.declaredTotal).toBeLessThanOrEqual(SUITE_FALSE_ALARM_BUDGET);
  });

  it('the declared two-stage false-alarm rates are the squares of the stage rates; their sum is what the report prints', () => {
    // The union bound over the claims: what the report prints against the 1% budget.
    expect(b.declaredTotal).toBeCloseTo(
      b.shares.reduce((t, x) => t + (x.falseAlarmRate ?? 0), 0),
      15,
    );
    for (const s of b.shares) if (s.falseAlarmRate !== undefined) expect(s.falseAlarmRate).toBeCloseTo(s.stageRate! ** 2, 15);
  });
});
