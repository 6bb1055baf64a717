import * as fc from 'fast-check';
import { matrixArb, plain, vectorArb } from './arrays.js';
import { buildLabel, labelRowArb, labelSharedArb, LABEL_KINDS, type LabelKind } from './labels.js';
import { realArb, sizeArb, weightedPick } from './scalars.js';
import { resolveSizes, type SizeOptions } from './sizes.js';
import { stableChain } from './stableChain.js';

/**
 * Finite samples {(x_i, y_i)}: the empirical distribution the Shamir claims quantify over.
 *
 * d and the kinds are drawn first (the chain's source). The points are one fast-check array of
 * (x_i, label material) rows, so shrinking n removes points and keeps the others: with a chain
 * on n, every smaller n would redraw all the data and shrinking would stall (e.g. at n = 5).
 */

/** Simplest first: hypercube points are +-1, so shrinking lands on x = 1. */
export const INPUT_KINDS = ['hypercube', 'gaussian', 'duplicated'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface DatasetShape {
  readonly d: number;
  readonly input: InputKind;
  readonly labels: LabelKind;
}

export interface Dataset extends DatasetShape {
  readonly n: number;
  /** n x d */
  readonly X: number[][];
  readonly y: number[];
}

export interface DatasetOptions {
  readonly sizes?: Partial<SizeOptions>;
  readonly inputs?: Partial<Record<InputKind, number>>;
  /** Label-kind weights; defaults depend on `labelStyle`. */
  readonly labels?: Partial<Record<LabelKind, number>>;
  /** 'sign' (logistic, hinge) favours +-1 labels; other kinds keep a share (any real y is valid). */
  readonly labelStyle?: 'real' | 'sign';
}

export const DEFAULT_INPUT_WEIGHTS: Record<InputKind, number> = { hypercube: 2, gaussian: 5, duplicated: 1 };

export const DEFAULT_LABEL_WEIGHTS: Record<'real' | 'sign', Record<LabelKind, number>> = {
  real: { zero: 1, constant: 1, sign: 1, linear: 3, noise: 2, large: 1 },
  sign: { zero: 1, constant: 1, sign: 6, linear: 1, noise: 1, large: 1 },
};

/** d and the kinds (the head of every dataset chain). */
export function datasetShapeArb(opts: DatasetOptions = {}): fc.Arbitrary<DatasetShape> {
  const s = resolveSizes(opts.sizes);
  const inputW = { ...DEFAULT_INPUT_WEIGHTS, ...opts.inputs };
  const labelW = { ...DEFAULT_LABEL_WEIGHTS[opts.labelStyle ?? 'real'], ...opts.labels };
  return fc.record({
    d: sizeArb(s.typicalD, s.maxD, s.largeShare),
    input: weightedPick(
      INPUT_KINDS.map((k) => [k, inputW[k]] as const),
      'dataset inputs',
    ),
    labels: weightedPick(
      LABEL_KINDS.map((k) => [k, labelW[k]] as const),
      'dataset labels',
    ),
  });
}

const gaussianEntry = () => realArb({ grid: [1, 0, -1, 2, -2] });

/** Material of one input row; for 'duplicated' a one-entry index into the pool. */
function xRowArb(d: number, input: InputKind): fc.Arbitrary<number[]> {
  if (input === 'hypercube') return vectorArb(d, fc.constantFrom(1, -1));
  if (input === 'gaussian') return vectorArb(d, gaussianEntry());
  return vectorArb(1, fc.nat(2)); // shrinks to index 0: every point a copy of the first
}

/** n rows, mostly n <= typicalN, a largeShare up to maxN; shrinks by removing rows. */
function rowsArb<T>(row: fc.Arbitrary<T>, s: { typicalN: number; maxN: number; largeShare: number }): fc.Arbitrary<T[]> {
  const arr = (max: number) => fc.array(row, { minLength: 1, maxLength: max, size: 'max' });
  const large = Math.round(1000 * s.largeShare);
  if (s.typicalN >= s.maxN || large === 0) return arr(s.typicalN);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: arr(s.typicalN), weight: 1000 - large },
    { arbitrary: arr(s.maxN), weight: large },
  );
}

/** The points for a given shape. */
export function datasetFromShapeArb(shape: DatasetShape, sizes?: Partial<SizeOptions>): fc.Arbitrary<Dataset> {
  const s = resolveSizes(sizes);
  const { d, input, labels } = shape;
  return fc
    .record({
      // A pool of at most 3 distinct points for 'duplicated' inputs.
      pool: input === 'duplicated' ? fc.array(vectorArb(d, gaussianEntry()), { minLength: 1, maxLength: 3 }) : fc.constant<number[][]>([]),
      rows: rowsArb(fc.tuple(xRowArb(d, input), labelRowArb(labels)), s),
      shared: labelSharedArb(labels, d),
    })
    .map(({ pool, rows, shared }) => {
      const X = rows.map(([x]) => (input === 'duplicated' ? pool[x[0] % pool.length].slice() : x));
      const y = rows.map(([, row], i) => buildLabel(labels, X[i], row, shared));
      return plain({ n: X.length, d, X, y, input, labels });
    });
}

/** `{ n, d, X, y, input, labels }` with n in [1, maxN], d in [1, maxD]. */
export function datasetArb(opts: DatasetOptions = {}): fc.Arbitrary<Dataset> {
  resolveSizes(opts.sizes); // validate now, not at the first draw
  return stableChain(datasetShapeArb(opts), (shape) => datasetFromShapeArb(shape, opts.sizes));
}

/** n x d inputs of one kind (fixed n): for tests and claims that supply their own labels. */
export function inputsArb(n: number, d: number, input: InputKind): fc.Arbitrary<number[][]> {
  if (input !== 'duplicated') return matrixArb(n, d, input === 'hypercube' ? fc.constantFrom(1, -1) : gaussianEntry());
  return fc
    .tuple(fc.array(vectorArb(d, gaussianEntry()), { minLength: 1, maxLength: 3 }), vectorArb(n, fc.nat(2)))
    .map(([pool, idx]) => idx.map((i) => pool[i % pool.length].slice()));
}

export { LABEL_KINDS, type LabelKind };
