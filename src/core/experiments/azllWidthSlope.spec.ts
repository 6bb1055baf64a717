import { describe, expect, it } from 'vitest';
import { fitSemiLogSlope } from './azllWidthSlope.js';

describe('fitSemiLogSlope', () => {
  it('recovers an exact line in ln m with a zero-width interval', () => {
    const ms = [100, 300, 1000, 3000, 100, 300, 1000, 3000];
    const f = fitSemiLogSlope(ms, ms.map((m) => 0.5 - 0.03 * Math.log(m)));
    expect(f.slope).toBeCloseTo(-0.03, 12);
    expect(f.ciHigh - f.ciLow).toBeLessThan(1e-10);
    expect(f.meanY).toBeCloseTo(0.5 - 0.03 * (Math.log(100) + Math.log(300) + Math.log(1000) + Math.log(3000)) / 4, 12);
  });

  it('matches the textbook t interval on a noisy example', () => {
    const xs = [1, Math.E, Math.E ** 2, Math.E ** 3];
    const ys = [1, 3, 2, 5];
    // In u = ln x = 0..3: slope = Sxy / Sxx = 5.5 / 5 = 1.1; residual SS = 2.7 (n - 2 = 2 df); t_{0.975, 2} = 4.302653.
    const f = fitSemiLogSlope(xs, ys);
    expect(f.slope).toBeCloseTo(1.1, 12);
    const half = 4.302652729911275 * Math.sqrt(2.7 / 2 / 5);
    expect(f.ciLow).toBeCloseTo(1.1 - half, 6);
    expect(f.ciHigh).toBeCloseTo(1.1 + half, 6);
  });

  it('rejects degenerate input', () => {
    expect(() => fitSemiLogSlope([1, 2], [1, 2])).toThrow(/>= 3/);
    expect(() => fitSemiLogSlope([5, 5, 5], [1, 2, 3])).toThrow(/equal/);
    expect(() => fitSemiLogSlope([1, 2, 3], [1, NaN, 3])).toThrow(/finite/);
  });
});
