/**
 * Last-layer-only training of a core model: the hidden layers stay at their (random or
 * trained) parameters and only a linear read-out of the penultimate features is fitted, by
 * ridge regression (the "conjugate kernel" learner, K = Phi Phi^T; allenzhu-li-2019
 * thm4~output-layer-only). The closed-form ridge solution is the limit of training the read-out
 * alone by gradient descent on the regularised squared loss.
 *
 * `features` is the model up to the penultimate layer, e.g. `mlp({ ...opts, widths:
 * widths.slice(0, -1) })` (it reads the same W0, b0, ... from the full model's params) or a
 * stax `serial` without its last `dense`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertMatrix, type Mat, type Vec } from '../linalg/dense.js';
import type { Model, Params } from '../models/Model.js';
import type { CgOptions } from '../ridge/cgRidge.js';
import { featureRidgeRegression, type FeatureRidgeResult } from '../ridge/featureRegression.js';
import { allocGram, type FlatMatrix } from './Gram.js';
import type { RidgeScale } from '../ridge/ridgeResidual.js';
import type { HoldoutSelection } from '../ridge/selectRidge.js';
import type { RidgeSolverChoice } from '../ridge/solveRidge.js';

/** Penultimate features of the rows of X, n x width, float32 (one forward pass). */
export function modelFeatures(features: Model, params: Params, X: Mat): FlatMatrix {
  const [n, d] = assertMatrix(X, 'X', undefined, features.inputDim);
  const phi = tf.tidy(() => features.apply(params, tf.tensor2d(Float32Array.from(X.flat()), [n, d])));
  try {
    if (phi.rank !== 2) throw new RangeError(`lastLayer: features.apply must return [n, width] for unbatched params, got [${phi.shape}]`);
    const out = allocGram(n, phi.shape[1] as number, 'float32');
    out.data.set(phi.dataSync() as Float32Array);
    return out;
  } finally {
    phi.dispose();
  }
}

export interface LastLayerOptions {
  /** The model up to (and including) the penultimate layer's activation. */
  readonly features: Model;
  readonly params: Params;
  readonly X: Mat;
  readonly y: Mat | Vec;
  readonly X_test?: Mat;
  readonly lambdas: readonly number[];
  readonly ridgeScale?: RidgeScale;
  readonly selection?: HoldoutSelection | { readonly kind: 'validation'; readonly X_val: Mat; readonly y_val: Mat | Vec };
  readonly solver?: RidgeSolverChoice;
  readonly cg?: CgOptions;
}

export function lastLayerRegression(options: LastLayerOptions): FeatureRidgeResult {
  const { features, params } = options;
  const sel = options.selection;
  return featureRidgeRegression({
    features: modelFeatures(features, params, options.X),
    y: options.y,
    testFeatures: options.X_test && modelFeatures(features, params, options.X_test),
    lambdas: options.lambdas,
    ridgeScale: options.ridgeScale,
    selection:
      sel?.kind === 'validation' ? { kind: 'validation', features: modelFeatures(features, params, sel.X_val), y: sel.y_val } : sel,
    solver: options.solver,
    cg: options.cg,
  });
}
