import * as fc from 'fast-check';
import { e1, isZeroVector, matrixArb, plain, vectorArb, zeroMatrix, zeros } from './arrays.js';
import { cancellingV } from './cancellation.js';
import { NEEDS_NONZERO_W, type ResidualRegion, resolveRegionWeights, RESIDUAL_REGIONS } from './regions.js';
import { decadeArb, realArb, weightedPick } from './scalars.js';
import { stableChain } from './stableChain.js';

/**
 * Points (w, V) of the residual unit p(x) = w^T (x + V f(x)), drawn from the corner regions of
 * regions.ts. Random material is drawn per region and turned into (w, V) by a pure build that
 * sees the sample: cancellation and far-labels points are fitted to it, so a shrunk sample
 * gets a refitted point from the same material.
 */
export interface PointContext {
  /** n x d sample. */
  readonly X: readonly (readonly number[])[];
  /** Features on the sample, n x k (mlpForward(f, X)). */
  readonly F: readonly (readonly number[])[];
  readonly k: number;
  /** Labels; required by the far-labels region. */
  readonly y?: readonly number[];
}

export interface ResidualPointOptions {
  /** Fix the region (residualInstanceArb picks it first, since it also shapes data/features). */
  readonly region?: ResidualRegion;
  readonly regions?: Partial<Record<ResidualRegion, number>>;
  /** Thm 1 assumes w != 0: an all-zero w becomes e_1. */
  readonly requireNonzeroW?: boolean;
  /** Thm 2 evaluates at w = 0. */
  readonly zeroW?: boolean;
}

export interface ResidualPoint {
  readonly w: number[];
  /** d x k */
  readonly V: number[][];
  readonly region: ResidualRegion;
}

/** Random material of a point; which fields matter depends on the region. */
export interface PointMaterial {
  /** w, or its direction u for small-w (scaled by s) and far-labels (scaled to reach the gap). */
  readonly w: number[];
  /** ||w|| scale for small w, 10^[-4, 0]. */
  readonly s: number;
  readonly wMode: 'unbiased' | 'small';
  /** V, its shape M for large-V (times S), or the perturbation E for cancellation. */
  readonly V: number[][];
  /** ||V|| scale for large V, 10^[1, 3]. */
  readonly S: number;
  readonly vMode: 'zero' | 'unbiased';
  /** Relative perturbation of a cancelling V: 0 or 10^[-6, -2]. */
  readonly eta: number;
  /** Smallest |p_i - y_i| of far-labels points. */
  readonly gap: number;
}

/** Cap on ||w|| for far-labels points whose direction is nearly orthogonal to some z_i. */
const FAR_MAX_NORM = 1e4;

const nonzero = (v: number[]): number[] => (isZeroVector(v) ? e1(v.length) : v);
const norm = (v: readonly number[]): number => Math.hypot(...v);
const scale = (c: number, v: readonly number[]) => v.map((x) => c * x);

/** Material for a region; fields the region ignores stay constant (nothing to shrink there). */
export function pointMaterialArb(region: ResidualRegion, d: number, k: number, zeroW = false): fc.Arbitrary<PointMaterial> {
  const on = <T>(regions: readonly ResidualRegion[], arb: fc.Arbitrary<T>, off: T) => (regions.includes(region) ? arb : fc.constant(off));
  const smallWRegions: ResidualRegion[] = ['small-w', 'small-w-large-V', 'cancellation'];
  return fc.record({
    // With w = 0 fixed (Thm 2) there is nothing to draw, and nothing for the shrinker to chase.
    w: zeroW ? fc.constant(zeros(d)) : vectorArb(d, realArb()),
    s: on(smallWRegions, decadeArb(0, -4), 1),
    wMode:
      region === 'cancellation'
        ? weightedPick(
            [
              ['unbiased', 2],
              ['small', 1],
            ] as const,
            'wMode',
          )
        : fc.constant(region === 'small-w' || region === 'small-w-large-V' ? ('small' as const) : ('unbiased' as const)),
    V: region === 'zero-V' ? fc.constant(zeroMatrix(d, k)) : matrixArb(d, k, realArb()),
    S: on(['large-V', 'small-w-large-V'], decadeArb(1, 3), 1),
    vMode: on(['far-labels'], fc.constantFrom('zero' as const, 'unbiased' as const), 'unbiased' as const),
    eta: on(
      ['cancellation'],
      fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(0), weight: 1 }, { arbitrary: decadeArb(-2, -6), weight: 3 }),
      0,
    ),
    gap: on(['far-labels'], fc.integer({ min: 3, max: 8 }), 3),
  });
}

/**
 * V_ls + eta * sigma * E, with V_ls the least-squares cancelling V and sigma chosen so that
 * ||sigma E f|| ~ ||x|| on average: the relative residual is then ~eta whatever the feature
 * scale (a per-entry relative perturbation breaks ill-conditioned fits with large V_ls).
 */
function cancelV(ctx: PointContext, E: readonly (readonly number[])[], eta: number): number[][] {
  const Vls = cancellingV(ctx.X, ctx.F);
  const d = Vls.length;
  const rms = (rows: readonly (readonly number[])[]) => Math.sqrt(rows.reduce((s, r) => s + norm(r) ** 2, 0) / rows.length);
  const rf = rms(ctx.F);
  const sigma = rf === 0 ? 0 : rms(ctx.X) / (rf * Math.sqrt(d));
  return Vls.map((row, j) => row.map((v, c) => v + eta * sigma * E[j][c]));
}

/** w = c u with c the smallest scale putting every prediction >= gap away from its label. */
export function farW(ctx: PointContext, V: readonly (readonly number[])[], u: readonly number[], gap: number): number[] {
  if (!ctx.y) throw new RangeError('residualPointArb: region "far-labels" needs ctx.y (the labels)');
  const nu = norm(u);
  let c = 0;
  ctx.X.forEach((x, i) => {
    const z = x.map((xj, j) => xj + V[j].reduce((s, v, col) => s + v * ctx.F[i][col], 0));
    const a = z.reduce((s, zj, j) => s + u[j] * zj, 0);
    // Points with z_i ~ 0 or z_i orthogonal to u cannot be pushed; skip them rather than blow up.
    if (Math.abs(a) > 1e-9 * nu * norm(z)) c = Math.max(c, (Math.abs(ctx.y![i]) + gap) / Math.abs(a));
  });
  if (c === 0) c = gap / nu;
  return scale(Math.min(c, FAR_MAX_NORM / nu), u);
}

/** (w, V) from material, fitted to the sample where the region asks for it. */
export function buildPoint(region: ResidualRegion, m: PointMaterial, ctx: PointContext): { w: number[]; V: number[][] } {
  const w = m.wMode === 'small' ? scale(m.s, nonzero(m.w)) : m.w;
  switch (region) {
    case 'large-V':
    case 'small-w-large-V':
      return { w, V: m.V.map((row) => scale(m.S, row)) };
    case 'cancellation':
      return { w, V: cancelV(ctx, m.V, m.eta) };
    case 'far-labels': {
      const V = m.vMode === 'zero' ? zeroMatrix(m.V.length, ctx.k) : m.V;
      return { w: farW(ctx, V, nonzero(m.w), m.gap), V };
    }
    default: // unbiased, q-zero (q = 0 comes from data and features), zero-V, small-w
      return { w, V: m.V };
  }
}

/** Final (w, V, region) under the mode's constraints on w. */
export function finishPoint(region: ResidualRegion, p: { w: number[]; V: number[][] }, opts: ResidualPointOptions): ResidualPoint {
  const w = opts.zeroW ? zeros(p.w.length) : opts.requireNonzeroW ? nonzero(p.w) : p.w;
  return plain({ w, V: p.V, region });
}

/** `{ w, V, region }` for the sample in ctx. */
export function residualPointArb(ctx: PointContext, opts: ResidualPointOptions = {}): fc.Arbitrary<ResidualPoint> {
  const d = ctx.X[0]?.length ?? 0;
  if (d < 1 || ctx.F.length !== ctx.X.length || ctx.F.some((r) => r.length !== ctx.k)) {
    throw new RangeError('residualPointArb: ctx.X must be n x d (d >= 1) and ctx.F n x k with k = ctx.k');
  }
  if (opts.zeroW && opts.requireNonzeroW) throw new RangeError('residualPointArb: zeroW and requireNonzeroW exclude each other');
  if (opts.zeroW && opts.region !== undefined && NEEDS_NONZERO_W.has(opts.region)) {
    throw new RangeError(`residualPointArb: region "${opts.region}" needs w != 0, but zeroW fixes w = 0`);
  }
  const weights = resolveRegionWeights(!!opts.zeroW, opts.regions);
  const region =
    opts.region !== undefined
      ? fc.constant(opts.region)
      : weightedPick(
          RESIDUAL_REGIONS.map((r) => [r, weights[r]] as const),
          'regions',
        );
  return stableChain(region, (r) => pointMaterialArb(r, d, ctx.k, !!opts.zeroW).map((m) => finishPoint(r, buildPoint(r, m, ctx), opts)));
}
