import * as fc from 'fast-check';
import { lossByName, type LossName } from '../../core/losses.js';
import { mlpForward, type MlpSpec } from '../../core/models/mlp64.js';
import { plain } from './arrays.js';
import { datasetFromShapeArb, datasetShapeArb, DEFAULT_LABEL_WEIGHTS, type InputKind } from './dataset.js';
import { buildFeatureMap, capK, DEFAULT_FEATURE_WEIGHTS, featureMaterialArb, featureShapeWithin, type FeatureKind } from './featureMap.js';
import type { LabelKind } from './labels.js';
import { resolveRegionWeights, RESIDUAL_REGIONS, type ResidualRegion } from './regions.js';
import { buildPoint, finishPoint, pointMaterialArb } from './residualPoint.js';
import { weightedPick } from './scalars.js';
import { maxKFor, resolveSizes, type SizeOptions } from './sizes.js';
import { stableChain } from './stableChain.js';
import { wStarArb, type WStarKind } from './wStar.js';

/**
 * One complete case for the Shamir 2018 exact claims (Thm 1, Thm 2 and their mutants): data,
 * loss, feature map, point (w, V) and comparator w*, all plain JSON.
 *
 * Structure, for shrinking: a (stable) chain over the discrete choices (region, loss, d, kinds, k, depth)
 * and then ONE record of random material (points, weights, point material, w*), built into the
 * instance by a pure function. A chain redraws everything after a source it shrinks, so only the
 * choices sit in sources; n lives in the material (shrinks by removing points), and shrinking
 * one part of the material keeps the others.
 *
 * The region comes first because it shapes the rest: q-zero forces dead features or zero labels,
 * cancellation prefers features that can cancel x, far-labels favours zero labels (F_lin(0) = 0
 * while F ~ 1 for saturating losses).
 */
export type QZeroRoute = 'dead-features' | 'zero-labels';

export interface ResidualInstance {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** n x d */
  readonly X: number[][];
  readonly y: number[];
  readonly loss: LossName;
  /** f_theta: R^d -> R^k; evaluate with mlpForward(f, X). */
  readonly f: MlpSpec;
  readonly w: number[];
  /** d x k */
  readonly V: number[][];
  /** null: use the float64 best linear predictor at check time. */
  readonly wStar: number[] | null;
  readonly region: ResidualRegion;
  readonly input: InputKind;
  readonly labels: LabelKind;
  readonly features: FeatureKind;
  /** How q = E[ell'(0; y) f(x)] was made exactly 0 (region q-zero), else null. */
  readonly qZero: QZeroRoute | null;
}

export interface ResidualInstanceOptions {
  /** Losses to draw from, simplest first (shrinking moves toward the first). */
  readonly losses: readonly LossName[];
  /** Thm 1: w != 0 (an all-zero w becomes e_1). */
  readonly requireNonzeroW?: boolean;
  /**
   * Thm 2: w = 0 fixed, w* != 0, and a large share of q = 0 instances. Also lowers the default
   * sizes.maxDk to THM2_MAX_DK, since the check eigen-decomposes a (d + dk)-sized Hessian.
   */
  readonly zeroW?: boolean;
  readonly regions?: Partial<Record<ResidualRegion, number>>;
  readonly sizes?: Partial<SizeOptions>;
  readonly wStar?: Partial<Record<WStarKind, number>>;
  readonly inputs?: Partial<Record<InputKind, number>>;
  /** Feature-kind weights for the regions that do not force their own. */
  readonly features?: Partial<Record<FeatureKind, number>>;
}

/** Default d * k cap in Thm 2 mode: d + dk <= 200, the catalog's size for a float64 Hessian. */
export const THM2_MAX_DK = 180;

/** Losses with ell'(0; 0) = 0, for which zero labels give q = 0 exactly (not softplus). */
export function vanishesAtZeroLabel(loss: LossName): boolean {
  return lossByName(loss).d1(0, 0) === 0;
}

function labelWeights(region: ResidualRegion, q: QZeroRoute | null, style: 'real' | 'sign'): Partial<Record<LabelKind, number>> {
  const base = DEFAULT_LABEL_WEIGHTS[style];
  if (q === 'zero-labels') return { zero: 1, constant: 0, sign: 0, linear: 0, noise: 0, large: 0 };
  // Half zero labels: the catalog's refuting family for the non-convex mutant has y = 0.
  if (region === 'far-labels') return { ...base, zero: Object.values(base).reduce((a, b) => a + b, 0) - base.zero };
  return base;
}

function featureWeights(
  region: ResidualRegion,
  q: QZeroRoute | null,
  user: Partial<Record<FeatureKind, number>> = {},
): Partial<Record<FeatureKind, number>> {
  const none = Object.fromEntries(Object.keys(DEFAULT_FEATURE_WEIGHTS).map((k) => [k, 0]));
  if (q === 'dead-features') return { ...none, zero: 1, 'dead-relu': 3 };
  // Features that can cancel x: zero, constant and all-dead maps cannot.
  if (region === 'cancellation') return { ...none, linear: 3, 'random-mlp': 3, 'partly-dead': 1 };
  return user;
}

/** `{ n, d, k, X, y, loss, f, w, V, wStar, region, input, labels, features, qZero }`. */
export function residualInstanceArb(opts: ResidualInstanceOptions): fc.Arbitrary<ResidualInstance> {
  if (!opts.losses || opts.losses.length === 0) throw new RangeError('residualInstanceArb: losses must list at least one loss');
  opts.losses.forEach((l) => lossByName(l)); // throws, naming the valid losses, on a typo
  if (opts.zeroW && opts.requireNonzeroW) throw new RangeError('residualInstanceArb: zeroW and requireNonzeroW exclude each other');
  const zeroW = !!opts.zeroW;
  const sizeOpts: Partial<SizeOptions> = { ...(zeroW ? { maxDk: THM2_MAX_DK } : {}), ...opts.sizes };
  const sizes = resolveSizes(sizeOpts); // validate now, not at the first draw
  const regionW = resolveRegionWeights(zeroW, opts.regions);
  const head = fc.record({
    region: weightedPick(
      RESIDUAL_REGIONS.map((r) => [r, regionW[r]] as const),
      'regions',
    ),
    loss: fc.constantFrom(...opts.losses),
    route: fc.constantFrom<QZeroRoute>('dead-features', 'zero-labels'),
  });
  return stableChain(head, ({ region, loss, route }) => {
    const qZero = region !== 'q-zero' ? null : vanishesAtZeroLabel(loss) ? route : 'dead-features';
    const style = lossByName(loss).labels;
    // All dimensions and kinds in one record: shrinking d redraws the material, not the kinds.
    const shapes = fc
      .record({
        ds: datasetShapeArb({ sizes: sizeOpts, inputs: opts.inputs, labelStyle: style, labels: labelWeights(region, qZero, style) }),
        fs: featureShapeWithin(sizes.maxK, { sizes: sizeOpts, kinds: featureWeights(region, qZero, opts.features) }),
      })
      .map(({ ds, fs }) => ({ ds, fs: capK(fs, maxKFor(ds.d, sizes)) }));
    return stableChain(shapes, ({ ds, fs }) =>
      // Drawn in this order from one stream (see stableChain.ts): the data and w* do not depend
      // on k, so a smaller k keeps them.
      fc
        .record({
          data: datasetFromShapeArb(ds, sizeOpts),
          wStar: wStarArb(ds.d, { nonzero: zeroW, weights: opts.wStar }),
          point: pointMaterialArb(region, ds.d, fs.k, zeroW),
          feat: featureMaterialArb(ds.d, fs),
        })
        .map(({ data, feat, point, wStar }): ResidualInstance => {
          const fm = buildFeatureMap(fs, feat, data.X);
          const ctx = { X: data.X, F: mlpForward(fm.f, data.X), k: fs.k, y: data.y };
          const pt = finishPoint(region, buildPoint(region, point, ctx), { zeroW, requireNonzeroW: opts.requireNonzeroW });
          return plain<ResidualInstance>({
            n: data.n,
            d: ds.d,
            k: fs.k,
            X: data.X,
            y: data.y,
            loss,
            f: fm.f as MlpSpec,
            w: pt.w,
            V: pt.V,
            wStar,
            region,
            input: ds.input,
            labels: ds.labels,
            features: fs.kind,
            qZero,
          });
        }),
    );
  });
}
