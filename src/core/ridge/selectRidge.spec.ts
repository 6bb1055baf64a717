import { describe, expect, it } from 'vitest';
import { keyFromSeed } from '../random.js';
import { bestRidgeIndex, holdoutSplit, meanSquaredError, selectRidge, type RidgeLearner } from './selectRidge.js';

describe('selectRidge', () => {
  it('holdoutSplit partitions the rows, deterministically per key', () => {
    const a = holdoutSplit(50, 0.2, keyFromSeed(1));
    expect(a.held.length).toBe(10);
    expect([...a.fit, ...a.held].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(holdoutSplit(50, 0.2, keyFromSeed(1))).toEqual(a);
    expect(holdoutSplit(50, 0.2, keyFromSeed(2))).not.toEqual(a);
    expect(() => holdoutSplit(1, 0.2, keyFromSeed(1))).toThrow(/at least 2 training rows/);
  });

  it('meanSquaredError sums over outputs and averages over points', () => {
    const pred = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) };
    const target = { rows: 3, cols: 2, data: Float64Array.of(0, 0, 1, 1, 3, 3) };
    expect(meanSquaredError(pred, target, [1, 2])).toBeCloseTo((0 + 1 + 0 + 1) / 2, 14);
    expect(() => meanSquaredError(pred, target)).toThrow(/predictions are 2 x 2 but targets are 3 x 2/);
  });

  /** A fake learner whose model is (lambda, rows used); scores are |log10(lambda) + 2|. */
  function fake(): RidgeLearner<{ lambda: number; n: number }> & { fits: number[] } {
    const fits: number[] = [];
    const score = (m: { lambda: number }) => Math.abs(Math.log10(m.lambda) + 2);
    return {
      n: 20,
      fits,
      fitPath: (lambdas, rows) => {
        fits.push(rows?.length ?? 20);
        return lambdas.map((lambda) => ({ lambda, n: rows?.length ?? 20 }));
      },
      heldOutMse: (m, fit, held) => (expect(fit.length + held.length).toBe(20), score(m)),
      validationMse: score,
    };
  }

  it('holdout: scores every lambda on the held-out rows, then refits the best on all rows', () => {
    const l = fake();
    const c = selectRidge(l, [1e-4, 1e-2, 1], { kind: 'holdout', fraction: 0.25 });
    expect(c.lambda).toBe(1e-2);
    expect(c.selectedBy).toBe('holdout');
    expect(c.model).toEqual({ lambda: 1e-2, n: 20 });
    expect(l.fits).toEqual([15, 20]);
    expect(c.scores.map((s) => s.lambda)).toEqual([1e-4, 1e-2, 1]);
  });

  it('validation: fits once on all rows and scores on the validation set; a single lambda skips scoring', () => {
    const l = fake();
    expect(selectRidge(l, [1, 1e-3], 'validation')).toMatchObject({ lambda: 1e-3, selectedBy: 'validation' });
    expect(l.fits).toEqual([20]);
    expect(selectRidge(fake(), [0.5], 'validation').selectedBy).toBe('single');
    const { validationMse: _, ...noVal } = fake();
    expect(() => selectRidge(noVal, [1, 2], 'validation')).toThrow(/needs validation data/);
  });
});

describe('bestRidgeIndex', () => {
  it('takes the first smallest score; NaN and Infinity never beat a finite score', () => {
    const s = (...mse: number[]) => mse.map((m, i) => ({ lambda: i, mse: m }));
    expect(bestRidgeIndex(s(3, 1, 1, 2))).toBe(1);
    expect(bestRidgeIndex(s(Infinity, 2, NaN))).toBe(1);
    expect(bestRidgeIndex(s(NaN, 5))).toBe(1);
    expect(() => bestRidgeIndex([])).toThrow(/no scores/);
  });
});
