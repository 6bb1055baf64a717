import * as fc from 'fast-check';
import { ACTIVATIONS, type Activation, type DenseLayer, type MlpSpec } from '../../core/models/mlp64.js';
import { plain, vectorArb, zeroMatrix, zeros } from './arrays.js';
import { biasArb, deadBias, layerArb, weightsArb } from './mlpLayers.js';
import { GAUSSIAN_BOUND, realArb, sizeArb, weightedPick } from './scalars.js';
import { maxKFor, resolveSizes, type SizeOptions } from './sizes.js';
import { stableChain } from './stableChain.js';

/**
 * Feature maps f_theta: R^d -> R^k (Shamir 2018: "arbitrary", any depth, need not be
 * differentiable). Stored as MlpSpec weights and evaluated at check time with mlpForward.
 *
 * Kinds, simplest first: the zero map, constant features, a linear embedding (identity
 * activation, depth 1: lets x + V f(x) cancel exactly when k >= d), random untrained MLPs of
 * depth 1-3, all-dead ReLU networks (f = 0 on the sample) and partly dead ones.
 *
 * Split into shape (dimensions, kind), material (random weights) and a pure build that turns
 * material into dead biases for the sample X: shrinking the sample then keeps the weights.
 */
export const FEATURE_KINDS = ['zero', 'constant', 'linear', 'random-mlp', 'dead-relu', 'partly-dead'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** mlp64's activations reordered simplest-first, so shrinking lands on identity, then relu. */
export const ACTIVATION_ORDER: readonly Activation[] = ['identity', 'relu', 'tanh', 'softplus', 'quadratic'];
if (ACTIVATION_ORDER.length !== ACTIVATIONS.length || !ACTIVATIONS.every((a) => ACTIVATION_ORDER.includes(a))) {
  throw new Error('featureMap.ts: ACTIVATION_ORDER must list every activation of mlp64.ts');
}

export interface FeatureShape {
  readonly k: number;
  readonly kind: FeatureKind;
  readonly depth: number;
  readonly activation: Activation;
  /** Widths of the hidden layers (depth - 1 of them); the last layer has width k. */
  readonly hidden: readonly number[];
}

/** Random weights before dead biases are fitted to the sample. */
export interface FeatureMaterial {
  readonly layers: DenseLayer[];
  /** Pre-activations of dead units stay <= -margin. */
  readonly margin: number;
  /** Dead units of the first layer. */
  readonly dead: boolean[];
}

export interface FeatureMapCase {
  readonly k: number;
  readonly f: MlpSpec;
  readonly kind: FeatureKind;
}

export interface FeatureMapOptions {
  readonly sizes?: Partial<SizeOptions>;
  readonly kinds?: Partial<Record<FeatureKind, number>>;
  /** The sample, when known: dead biases are then tight (exactly dead on these points). */
  readonly X?: readonly (readonly number[])[];
  /** Without X: max |x_j| the map must be dead on (default covers datasetArb's inputs). */
  readonly inputBound?: number;
}

export const DEFAULT_FEATURE_WEIGHTS: Record<FeatureKind, number> = {
  zero: 1,
  constant: 1,
  linear: 2,
  'random-mlp': 8,
  'dead-relu': 2,
  'partly-dead': 2,
};

/**
 * Dimensions, kind, depth, activation: one flat record, no chain, so that shrinking one choice
 * does not redraw the others (hidden widths are drawn for depth 3 and cut to depth - 1).
 * Depth and activation are fixed for the simple kinds.
 */
export function featureShapeArb(d: number, opts: FeatureMapOptions = {}): fc.Arbitrary<FeatureShape> {
  return featureShapeWithin(maxKFor(d, resolveSizes(opts.sizes)), opts);
}

/** As featureShapeArb, with k <= kMax instead of a bound derived from d. */
export function featureShapeWithin(kMax: number, opts: FeatureMapOptions = {}): fc.Arbitrary<FeatureShape> {
  const s = resolveSizes(opts.sizes);
  const weights = { ...DEFAULT_FEATURE_WEIGHTS, ...opts.kinds };
  const width = sizeArb(s.typicalK, Math.min(kMax, s.maxK), s.largeShare);
  return fc
    .record({
      k: width,
      kind: weightedPick(
        FEATURE_KINDS.map((k) => [k, weights[k]] as const),
        'feature kinds',
      ),
      depth: fc.integer({ min: 1, max: 3 }),
      activation: fc.constantFrom(...ACTIVATION_ORDER),
      hidden: vectorArb(2, width),
    })
    .map((h) => {
      const simple = h.kind === 'zero' || h.kind === 'constant' || h.kind === 'linear';
      const activation: Activation = simple ? 'identity' : h.kind === 'random-mlp' ? h.activation : 'relu';
      // Quadratic units square at every layer: depth 3 reaches x^8 and ~1e28 features; stop at 2.
      const depth = simple ? 1 : activation === 'quadratic' ? Math.min(h.depth, 2) : h.depth;
      return { k: h.k, kind: h.kind, depth, activation, hidden: h.hidden.slice(0, depth - 1) };
    });
}

/** The shape with k capped (the d * k budget is known only once d is drawn). */
export function capK(shape: FeatureShape, kMax: number): FeatureShape {
  return shape.k <= kMax ? shape : { ...shape, k: kMax };
}

function layersArb(sizes: readonly number[], nonPositiveAfterFirst: boolean): fc.Arbitrary<DenseLayer[]> {
  return fc.tuple(...sizes.slice(1).map((out, l) => layerArb(sizes[l], out, nonPositiveAfterFirst && l > 0)));
}

/** Random weights for a shape. */
export function featureMaterialArb(d: number, shape: FeatureShape): fc.Arbitrary<FeatureMaterial> {
  const { k, kind } = shape;
  const sizes = [d, ...shape.hidden, k];
  const first = sizes[1];
  const margin = fc.integer({ min: 1, max: 10 });
  const none = (layers: DenseLayer[]): FeatureMaterial => ({ layers, margin: 1, dead: [] });
  switch (kind) {
    case 'zero':
      return fc.constant(none([{ W: zeroMatrix(k, d), b: zeros(k) }]));
    case 'constant':
      return vectorArb(k, realArb({ grid: [1, -1, 2, 0] })).map((b) => none([{ W: zeroMatrix(k, d), b }]));
    case 'linear':
      return fc.record({ W: weightsArb(d, k), b: biasArb(k) }).map((layer) => none([layer]));
    case 'random-mlp':
      return layersArb(sizes, false).map(none);
    case 'dead-relu':
      // Later biases <= 0 keep relu(W 0 + b) = 0 after a dead first layer, so f = 0.
      return fc.record({ layers: layersArb(sizes, true), margin, dead: fc.constant(new Array<boolean>(first).fill(true)) });
    case 'partly-dead':
      // At least one dead unit, else this is a random MLP (shrinking ends at unit 0 dead).
      return fc
        .record({ layers: layersArb(sizes, false), margin, dead: vectorArb(first, fc.boolean()) })
        .map((m) => ({ ...m, dead: m.dead.some(Boolean) ? m.dead : m.dead.map((_, i) => i === 0) }));
  }
}

/** The MlpSpec: dead units get biases that keep them dead on X (or on |x_j| <= inputBound). */
export function buildFeatureMap(
  shape: FeatureShape,
  m: FeatureMaterial,
  X?: readonly (readonly number[])[],
  inputBound = GAUSSIAN_BOUND,
): FeatureMapCase {
  const [first, ...rest] = m.layers;
  const b = first.b.map((v, r) => (m.dead[r] ? deadBias(first.W[r], X, inputBound, m.margin) : v));
  const f: MlpSpec = { layers: [{ W: first.W, b }, ...rest], activation: shape.activation };
  return plain({ k: shape.k, f, kind: shape.kind });
}

/** `{ k, f, kind }`: a feature map R^d -> R^k. Pass `X` to make dead kinds dead on that sample. */
export function featureMapArb(d: number, opts: FeatureMapOptions = {}): fc.Arbitrary<FeatureMapCase> {
  if (!Number.isSafeInteger(d) || d < 1) throw new RangeError(`featureMapArb: d must be an integer >= 1, got ${d}`);
  if (opts.X && opts.X.some((x) => x.length !== d)) {
    throw new RangeError(`featureMapArb: every row of opts.X must have length d = ${d}`);
  }
  return stableChain(featureShapeArb(d, opts), (shape) =>
    featureMaterialArb(d, shape).map((m) => buildFeatureMap(shape, m, opts.X, opts.inputBound)),
  );
}
