import type { Targeting } from './Claim.js';

/**
 * Targeted search (after Hypothesis' `target()`): hill-climb the score of the best cases the
 * random phase saw (by default the scale-free slack, score.ts). Boundaries of an inequality are
 * thin regions; climbing finds them where uniform generation only lands by luck. Pure: knows
 * nothing of fast-check or of claims.
 */
export interface Scored<H> {
  readonly value: H;
  readonly score: number;
}

export type Score<H> = (h: H) => Promise<number | 'violated' | undefined>;

export interface ClimbResult<H> {
  /** A case whose score reached the violated region, if one was found. */
  readonly violated?: H;
  readonly best: Scored<H> | undefined;
  readonly evaluations: number;
}

/** Keeps the k highest-scoring cases seen (ties broken by arrival, for determinism). */
export class TopK<H> {
  private readonly items: Scored<H>[] = [];
  constructor(private readonly k: number) {}

  offer(value: H, score: number): void {
    if (!Number.isFinite(score)) return;
    if (this.items.length === this.k && score <= this.items[this.items.length - 1].score) return;
    // Values are plain JSON: a structured clone keeps later mutation of the original away.
    this.items.push({ value: structuredClone(value), score });
    this.items.sort((a, b) => b.score - a.score);
    if (this.items.length > this.k) this.items.pop();
  }

  get entries(): readonly Scored<H>[] {
    return this.items;
  }
}

/** mulberry32: the climb's own deterministic stream (seeded from the claim's seed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Greedy climb with a per-start adaptive step: accept a neighbour when its score is higher,
 * grow the step after a success and shrink it after a failure (a (1+1)-ES with the 1/5 rule's
 * spirit). Starts are visited round-robin so one stuck start cannot eat the budget.
 */
export async function climb<H>(
  starts: readonly Scored<H>[],
  target: Targeting<H>,
  score: Score<H>,
  opts: { evaluations: number; seed: number; deadline: number },
): Promise<ClimbResult<H>> {
  const rand = seededRandom(opts.seed);
  const current = starts.map((s) => ({ ...s, scale: 0.3 }));
  let best: Scored<H> | undefined = starts[0];
  let evaluations = 0;
  for (let i = 0; evaluations < opts.evaluations && current.length > 0; i++) {
    if (Date.now() > opts.deadline) break;
    // One round over every start, then mostly the best one: a boundary is usually approached
    // from one basin, and spreading evaluations evenly starves the climb that is getting there.
    const leader = current.reduce((a, b) => (b.score > a.score ? b : a));
    const c = i < current.length || rand() < 0.25 ? current[i % current.length] : leader;
    const candidate = target.perturb(structuredClone(c.value), rand, c.scale);
    const s = await score(candidate);
    evaluations++;
    if (s === 'violated') return { violated: candidate, best, evaluations };
    if (s !== undefined && s > c.score) {
      c.value = candidate;
      c.score = s;
      c.scale = Math.min(c.scale * 1.5, 4);
      if (best === undefined || s > best.score) best = { value: candidate, score: s };
    } else {
      c.scale = Math.max(c.scale * 0.7, 1e-6);
    }
  }
  return { best, evaluations };
}

/** A generic perturbation for claims whose hypothesis space is "any real numbers" in the
 *  listed fields: multiplicative-and-additive jitter of non-integer numeric leaves. */
export function jitterFields<H extends object>(fields: readonly (keyof H & string)[]): Targeting<H> {
  const jitter = (v: unknown, rand: () => number, scale: number, p: number): unknown => {
    if (typeof v === 'number') {
      if (rand() > p) return v;
      const g = gaussian(rand);
      // Multiplicative moves explore decades (tiny ||w||, huge ||V||); additive ones cross zero.
      return rand() < 0.5 ? v * Math.exp(scale * g) : v + scale * g * (Math.abs(v) + 1e-3);
    }
    if (Array.isArray(v)) return v.map((x) => jitter(x, rand, scale, p));
    return v;
  };
  return {
    fields,
    perturb(h, rand, scale) {
      const out = { ...h } as Record<string, unknown>;
      const field = fields[Math.floor(rand() * fields.length)];
      const leaves = countLeaves(out[field]);
      // Move a few coordinates at a time: small moves keep the climb local.
      out[field] = jitter(out[field], rand, scale, Math.min(1, 3 / Math.max(1, leaves)));
      return out as H;
    },
  };
}

function countLeaves(v: unknown): number {
  if (typeof v === 'number') return 1;
  if (Array.isArray(v)) return v.reduce((s: number, x) => s + countLeaves(x), 0);
  return 0;
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
