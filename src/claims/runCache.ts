/**
 * One per-process memo for experiment results that several claims share (a trained network per
 * seed, a kernel's test risk, a whole configuration's runs): claims and mutants that meet the
 * same configuration compute it once per process (each worker thread has its own).
 *
 * A cached value must be a pure function of its key: the key is the JSON of everything the
 * computation reads (configuration, base seed, seed index), so a hit can never differ from a
 * recomputation, and replays stay byte-identical. `maxEntries` bounds a cache whose keys a
 * shrinking mutant may multiply (oldest entry first out).
 */
export interface RunCache<V> {
  /** The value for `key` (any JSON value), computed by `compute` on the first request. */
  get(key: unknown, compute: () => V): V;
  /** The cached value for `key`, if any (never computes). */
  peek(key: unknown): V | undefined;
  readonly size: number;
  clear(): void;
}

export interface RunCacheOptions {
  /** Keep at most this many entries (first in, first out); default unbounded. */
  readonly maxEntries?: number;
}

const caches = new Set<RunCache<unknown>>();

export function runCache<V>(options: RunCacheOptions = {}): RunCache<V> {
  const max = options.maxEntries ?? Infinity;
  if (!(max >= 1)) throw new RangeError(`runCache: maxEntries must be >= 1, got ${options.maxEntries}`);
  const map = new Map<string, V>();
  const cache: RunCache<V> = {
    get(key, compute) {
      const id = JSON.stringify(key);
      if (map.has(id)) return map.get(id) as V;
      const value = compute();
      if (map.size >= max) map.delete(map.keys().next().value as string);
      map.set(id, value);
      return value;
    },
    peek: (key) => map.get(JSON.stringify(key)),
    get size() {
      return map.size;
    },
    clear: () => map.clear(),
  };
  caches.add(cache as RunCache<unknown>);
  return cache;
}

/** Forgets every run cache of this process (tests that must recompute from scratch). */
export function clearRunCaches(): void {
  for (const c of caches) c.clear();
}
