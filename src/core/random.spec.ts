import { describe, expect, it } from 'vitest';
import { keyFromSeed, permutation, Rng, shuffleInPlace } from './random.js';

describe('shuffleInPlace / permutation', () => {
  it('is the Durstenfeld loop with j = rng.int(0, i), written out here as the reference', () => {
    const ref = Int32Array.from({ length: 50 }, (_, i) => i);
    const rng = new Rng(keyFromSeed(7));
    for (let i = ref.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [ref[i], ref[j]] = [ref[j], ref[i]];
    }
    expect(Array.from(permutation(new Rng(keyFromSeed(7)), 50))).toEqual(Array.from(ref));
  });

  it('returns a permutation, shuffles arrays of any element type, and is roughly uniform', () => {
    const p = permutation(new Rng(keyFromSeed(1)), 100);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(shuffleInPlace(new Rng(keyFromSeed(2)), ['a', 'b', 'c']).sort()).toEqual(['a', 'b', 'c']);
    // Each of the 6 orders of 3 items appears 1/6 of the time: 6000 draws, counts within 5 sigma.
    const counts = new Map<string, number>();
    const rng = new Rng(keyFromSeed(3));
    for (let t = 0; t < 6000; t++) {
      const k = shuffleInPlace(rng, [0, 1, 2]).join('');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(5 * Math.sqrt(6000 * (1 / 6) * (5 / 6)));
  });
});
