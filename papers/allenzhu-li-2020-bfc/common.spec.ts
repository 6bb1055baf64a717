import { describe, expect, it } from 'vitest';
import { collectCheckables } from '../../src/claims/registry.js';
import { binomialTail, clopperPearsonUpper } from '../../src/core/stats.js';
import * as bfc from './index.js';
import { CAL_FAILED, FRESH_SEEDS, WIDE_SEEDS, required, stageRateFromCalibration } from './common.js';

describe('bfc seed rules and false-alarm arithmetic', () => {
  it('every fresh-seed rule is significant when it holds (one-sided sign test p <= 0.05)', () => {
    for (const R of [FRESH_SEEDS, WIDE_SEEDS]) expect(binomialTail(required(R), R, 0.5)).toBeLessThanOrEqual(0.05);
    expect(binomialTail(required(FRESH_SEEDS), FRESH_SEEDS, 0.5)).toBeCloseTo(79 / 4096, 12);
  });

  it('Clopper-Pearson upper bound: 0 of m is 1 - 0.05^(1/m); 1 of 60 matches scipy.stats.beta.ppf(0.95, 2, 59) = 0.076640', () => {
    expect(clopperPearsonUpper(0, 60)).toBeCloseTo(1 - 0.05 ** (1 / 60), 9);
    expect(clopperPearsonUpper(1, 60)).toBeCloseTo(0.0766399949, 8);
  });

  it("each claim's declared stage rate fits its share of the suite budget (<= 0.0229, issue 16)", () => {
    const claims = collectCheckables(bfc, 'allenzhu-li-2020-bfc').filter((c) => c.type === 'claim');
    expect(claims).toHaveLength(4);
    for (const c of claims) {
      const fa = c.design?.falseAlarm;
      expect(fa, c.id).toBeDefined();
      expect(fa!.stageRate, `${c.id}: ${fa!.how}`).toBeLessThanOrEqual(0.0229);
    }
    expect(stageRateFromCalibration(CAL_FAILED.upper, 60, WIDE_SEEDS)).toBeLessThanOrEqual(0.0229);
  });
});
