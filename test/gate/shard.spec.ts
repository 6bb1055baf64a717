import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/claims/errors.js';
import { parseShard, shardOf, shardRange } from '../../src/claims/shard.js';
import { loadPapers } from '../../papers/index.js';

const BUILTIN = await loadPapers();

describe('--shard i/n', () => {
  it('puts every item in exactly one shard, contiguously and in order, sizes differing by at most one', () => {
    for (let total = 1; total <= 40; total++) {
      for (let count = 1; count <= total; count++) {
        const items = Array.from({ length: total }, (_, i) => i);
        const shards = Array.from({ length: count }, (_, i) => shardOf(items, { index: i + 1, count }));
        expect(shards.flat()).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // vitest's rule: the first (total mod count) shards take one more.
        expect(sizes).toEqual(sizes.map((_, i) => Math.floor(total / count) + (i < total % count ? 1 : 0)));
      }
    }
  });

  it('matches vitest --shard on the 17 built-in claims and mutants over 4 shards, and is deterministic', () => {
    expect([1, 2, 3, 4].map((index) => shardRange(17, { index, count: 4 }))).toEqual([
      [0, 5],
      [5, 9],
      [9, 13],
      [13, 17],
    ]);
    const ids = (i: number) => shardOf(BUILTIN, { index: i, count: 4 }).map((c) => c.id);
    expect(ids(2)).toEqual(ids(2));
    expect(new Set([1, 2, 3, 4].flatMap(ids)).size).toBe(BUILTIN.length);
  });

  it('rejects malformed shards and more shards than items with a UserError naming --shard', () => {
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3']) {
      expect(() => parseShard(bad)).toThrow(/--shard must be i\/n/);
    }
    expect(parseShard(' 2/4 ')).toEqual({ index: 2, count: 4 });
    let err: unknown;
    try {
      shardOf([1, 2], { index: 1, count: 3 });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err) && err.message).toMatch(/--shard 1\/3: only 2 claims and mutants are selected/);
  });
});
