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

  it('every statistical and scaling claim declares a calibrated stage rate whose square fits its share', () => {
    expect(b.unmet).toEqual([]);
  });

  it('the declared two-stage false-alarm rates sum to at most the budget', () => {
    expect(b.declaredTotal).toBeLessThanOrEqual(SUITE_FALSE_ALARM_BUDGET);
    for (const s of b.shares) if (s.falseAlarmRate !== undefined) expect(s.falseAlarmRate).toBeCloseTo(s.stageRate! ** 2, 15);
  });
});
