import { describe, expect, it } from 'vitest';
import { clearRunCaches, runCache } from './runCache.js';

describe('runCache', () => {
  it('computes once per key (keys compared as JSON) and returns the cached value after', () => {
    const c = runCache<number>();
    let calls = 0;
    const f = () => ++calls;
    expect(c.get({ a: 1, r: 0 }, f)).toBe(1);
    expect(c.get({ a: 1, r: 0 }, f)).toBe(1);
    expect(c.get({ a: 1, r: 1 }, f)).toBe(2);
    expect(c.peek({ a: 1, r: 1 })).toBe(2);
    expect(c.peek({ a: 2 })).toBeUndefined();
    expect(c.size).toBe(2);
  });

  it('drops the oldest entry past maxEntries, and clearRunCaches forgets every cache', () => {
    const c = runCache<string>({ maxEntries: 2 });
    for (const k of ['x', 'y', 'z']) c.get(k, () => k.toUpperCase());
    expect([c.peek('x'), c.peek('y'), c.peek('z')]).toEqual([undefined, 'Y', 'Z']);
    clearRunCaches();
    expect(c.size).toBe(0);
    expect(() => runCache({ maxEntries: 0 })).toThrow(/maxEntries must be >= 1/);
  });
});
