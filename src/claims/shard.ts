import { UserError } from './errors.js';

/**
 * `--shard i/n`: the i-th of n contiguous slices of the selected claims and mutants, in the stable
 * paper order (each claim followed by its mutants). Slice sizes follow `vitest --shard` exactly
 * (BaseSequencer.calculateShardRange): with c items, every shard gets floor(c / n) and the first
 * c mod n shards one more. vitest slices test files sorted by a hash of their path; we slice the
 * paper order instead, so a shard's results are a contiguous run of the unsharded summary and
 * merging the shards in index order reproduces it byte for byte.
 */
export interface Shard {
  /** 1-based, like vitest. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(s: string | undefined): Shard | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard must be i/n with 1 <= i <= n, got "${s}"`, 'for example --shard 2/4 runs the second of four slices');
  }
  return { index, count };
}

/** [start, end) of shard `index` of `count` over `total` items (vitest's arithmetic). */
export function shardRange(total: number, { index, count }: Shard): [number, number] {
  const base = Math.floor(total / count);
  const remainder = total % count;
  if (remainder >= index) return [(base + 1) * (index - 1), (base + 1) * index];
  const start = remainder * (base + 1) + (index - remainder - 1) * base;
  return [start, start + base];
}

/**
 * The shard's items. Like vitest, more shards than items is a mistake (some shard would run
 * nothing and a CI matrix would report green for it).
 */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  if (shard.count > items.length) {
    throw new UserError(
      `--shard ${shard.index}/${shard.count}: only ${items.length} claims and mutants are selected, fewer than ${shard.count} shards`,
      `use at most ${items.length} shards`,
    );
  }
  const [start, end] = shardRange(items.length, shard);
  return items.slice(start, end);
}

export function shardLabel(s: Shard): string {
  return `${s.index}-of-${s.count}`;
}
