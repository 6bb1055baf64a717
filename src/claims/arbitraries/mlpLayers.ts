import * as fc from 'fast-check';
import type { DenseLayer } from '../../core/models/mlp64.js';
import { matrixArb, vectorArb, zeros } from './arrays.js';
import { realArb } from './scalars.js';

/**
 * Dense layers for random untrained feature maps, as plain JSON weights.
 * Weights: Gaussian with He scale sqrt(2 / fanIn), sometimes small integers (shrink targets).
 */
export function weightsArb(fanIn: number, fanOut: number): fc.Arbitrary<number[][]> {
  return matrixArb(fanOut, fanIn, realArb({ scale: Math.sqrt(2 / fanIn) }));
}

/**
 * Biases: a share of exact zeros (unbiased layers, the shrink target) and Gaussian draws.
 * `nonPositive` keeps later layers of a dead network dead: relu(W 0 + b) = 0 needs b <= 0.
 */
export function biasArb(width: number, nonPositive = false): fc.Arbitrary<number[]> {
  const drawn = vectorArb(width, realArb({ scale: 0.5, grid: [0, 1, -1] }));
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(zeros(width)), weight: 1 },
    { arbitrary: nonPositive ? drawn.map((b) => b.map((v) => (v === 0 ? 0 : -Math.abs(v)))) : drawn, weight: 2 },
  );
}

export function layerArb(fanIn: number, fanOut: number, nonPositiveBias = false): fc.Arbitrary<DenseLayer> {
  return fc.record({ W: weightsArb(fanIn, fanOut), b: biasArb(fanOut, nonPositiveBias) });
}

/**
 * Largest |W_r . x| a unit can see: exact on the sample X when given, otherwise the bound
 * ||W_r||_1 * inputBound that holds for every input with max |x_j| <= inputBound.
 */
export function unitReach(row: readonly number[], X: readonly (readonly number[])[] | undefined, inputBound: number): number {
  if (X) return X.reduce((m, x) => Math.max(m, Math.abs(x.reduce((s, xj, j) => s + row[j] * xj, 0))), 0);
  return row.reduce((s, v) => s + Math.abs(v), 0) * inputBound;
}

/**
 * Bias that kills a ReLU unit: pre-activations stay <= -margin on the sample (or the input
 * box), so the unit outputs exactly 0 and stays dead under perturbations smaller than the
 * margin (the catalog's certificate for the no-skip mutant). ceil keeps the bias an integer.
 */
export function deadBias(
  row: readonly number[],
  X: readonly (readonly number[])[] | undefined,
  inputBound: number,
  margin: number,
): number {
  return -(Math.ceil(unitReach(row, X, inputBound)) + margin);
}
