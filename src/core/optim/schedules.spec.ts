import { describe, expect, it } from 'vitest';
import { stepDecay } from './schedules.js';

describe('stepDecay', () => {
  it('divides by 10 at each listed fraction of the steps (0-based step >= f * total)', () => {
    expect([0, 49, 50, 74, 75, 99].map((s) => stepDecay(1, [0.5, 0.75], s, 100))).toEqual([1, 1, 1 / 10, 1 / 10, 1 / 10 / 10, 1 / 10 / 10]);
    expect(stepDecay(0.3, [], 1e6, 10)).toBe(0.3);
  });
});
