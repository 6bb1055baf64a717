import { describe, expect, it } from 'vitest';
import { pairedSummary, requiredPasses, riskRange } from './pairedSeeds.js';

describe('pairedSeeds', () => {
  it('riskRange: median and range; a diverged (infinite) risk ranks last', () => {
    expect(riskRange([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(riskRange([0.1, 0.4, 0.2, 0.3])).toEqual({ median: 0.25, min: 0.1, max: 0.4 });
    expect(riskRange([0.1, Infinity, 0.3])).toEqual({ median: 0.3, min: 0.1, max: Infinity });
    expect(() => riskRange([])).toThrow(/at least one/);
  });

  it('pairedSummary: counts, Wilson interval and one-sided tests on the per-seed margins', () => {
    const s = pairedSummary([0.5, 0.6, 0.7, 0.8, 0.9], [true, true, true, true, true]);
    expect(s.passes).toBe(5);
    expect(s.signP).toBeCloseTo(1 / 32, 12);
    expect(s.wilcoxonP).toBeCloseTo(1 / 32, 12);
    expect(s.wilson[0]).toBeCloseTo(0.5655, 3);
    expect(s.wilson[1]).toBeCloseTo(1, 12);
    expect(s.medianDifference).toBe(0.7);
    const t = pairedSummary([-1, -2, 0.5, -0.1, -3], [false, false, true, false, false]);
    expect(t.passes).toBe(1);
    expect(t.signP).toBeCloseTo(31 / 32, 12);
    // A diverged seed (margin -Infinity) counts as no evidence in the tests.
    expect(pairedSummary([1, 1, -Infinity], [true, true, false]).signP).toBeCloseTo(1 / 4, 12);
    expect(() => pairedSummary([1], [true, false])).toThrow(/equal length/);
  });

  it('requiredPasses: the catalog rules 4 of 5 and 9 of 10 only', () => {
    expect(requiredPasses(5)).toBe(4);
    expect(requiredPasses(10)).toBe(9);
    expect(() => requiredPasses(7)).toThrow(/R = 5 and R = 10/);
  });
});
