/**
 * Seeded, splittable randomness (JAX-style keys) derived from a run's seed.
 *
 * Why keys instead of one global stream: a claim run draws numbers in many places (data, init,
 * SGD sampling). With keys each consumer gets its own stream derived by name (`fold`) or index
 * (`split`), so adding a draw in one place never shifts the numbers seen elsewhere, and the same
 * seed gives the same numbers on every backend (tensors are built from these JS draws, never
 * from backend RNGs).
 */
export type Key = readonly [number, number];

/** 32-bit finaliser of MurmurHash3: a good avalanche mix for deriving keys. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

export function keyFromSeed(seed: number): Key {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return [mix32(lo ^ 0x9e3779b9), mix32(hi ^ mix32(lo + 0x7f4a7c15))];
}

/** Child key for a name or index: deterministic and independent of every other child. */
export function fold(key: Key, data: string | number): Key {
  const d = typeof data === 'string' ? hashString(data) : mix32((data >>> 0) ^ 0x27d4eb2f);
  return [mix32(key[0] ^ d), mix32(key[1] + mix32(d ^ key[0]))];
}

export function split(key: Key, n: number): Key[] {
  return Array.from({ length: n }, (_, i) => fold(key, i));
}

/** A 32-bit integer seed for APIs that want one (fast-check's `seed`). */
export function keyToSeed(key: Key): number {
  return mix32(key[0] ^ mix32(key[1])) | 0;
}

/** sfc32 generator seeded from a key: fast, 128-bit state, passes PractRand at the sizes we use. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined;

  constructor(key: Key) {
    this.a = key[0];
    this.b = key[1];
    this.c = mix32(key[0] ^ 0xdeadbeef);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.next32() >>> 5;
    const lo = this.next32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Integer uniform in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    return u * m;
  }

  normals(n: number, std = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = std * this.normal();
    return out;
  }

  uniforms(n: number, lo = 0, hi = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * this.uniform();
    return out;
  }
}

/**
 * Fisher-Yates (Durstenfeld) shuffle of `a` in place, drawing j = rng.int(0, i) for i = n-1 .. 1:
 * every permutation equally likely. The one shuffle of the project (minibatch orders, holdout
 * splits), so a given Rng state always yields the same order.
 */
export function shuffleInPlace<T extends Int32Array | unknown[]>(rng: Rng, a: T): T {
  const v = a as unknown[];
  for (let i = v.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
  return a;
}

/** 0..n-1 in an order drawn by `shuffleInPlace`. */
export function permutation(rng: Rng, n: number): Int32Array {
  return shuffleInPlace(
    rng,
    Int32Array.from({ length: n }, (_, i) => i),
  );
}

export function rngFrom(key: Key, name?: string): Rng {
  return new Rng(name === undefined ? key : fold(key, name));
}
