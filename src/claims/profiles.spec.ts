import { describe, expect, it } from 'vitest';
import { claimBudgetMs, PROFILES } from './profiles.js';

describe('claimBudgetMs', () => {
  it("is the claim's own budget for the profile when it declares one, else the profile's", () => {
    expect(claimBudgetMs({ budgetSeconds: { quick: 300 } }, PROFILES.quick)).toBe(300_000);
    expect(claimBudgetMs({ budgetSeconds: { quick: 300 } }, PROFILES.ci)).toBe(PROFILES.ci.claimBudgetMs);
    expect(claimBudgetMs({}, PROFILES.quick)).toBe(60_000);
  });
});
