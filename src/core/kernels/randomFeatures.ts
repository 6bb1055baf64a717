/**
 * Random ReLU features phi(x) = relu(W^T x + b), W ~ N(0, I/d) (d x D), b ~ N(0, 1)
 * (allenzhu-li-2019 thm4 check; Rahimi & Recht 2007 for random-feature regression): ridge
 * regression over a fixed random feature map. As D -> infinity, Phi Phi^T / D tends to the
 * kernel E_w,b[relu(w.x + b) relu(w.z + b)], an arc-cosine kernel of the augmented inputs
 * (Cho & Saul 2009), so this is the random-feature approximation of that kernel method.
 */
import * as tf from '@tensorflow/tfjs-core';
import { assertMatrix, type Mat, type Vec } from '../linalg/dense.js';
import { positiveInt } from '../models/Model.js';
import { Rng, fold, type Key } from '../random.js';
import type { CgOptions } from '../ridge/cgRidge.js';
import { featureRidgeRegression, type FeatureRidgeResult } from '../ridge/featureRegression.js';
import { allocGram, type FlatMatrix } from './Gram.js';
import type { RidgeScale } from '../ridge/ridgeResidual.js';
import type { HoldoutSelection } from '../ridge/selectRidge.js';
import type { RidgeSolverChoice } from '../ridge/solveRidge.js';

export interface ReluFeatureMap {
  readonly inputDim: number;
  readonly D: number;
  /** relu(X W + b) for the rows of X, n x D, float32 (computed by one TF.js matMul). */
  map(X: Mat): FlatMatrix;
}

/** The random map, drawn from `key` (W from fold(key, 'W'), b from fold(key, 'b')). */
export function reluRandomFeatures(inputDim: number, D: number, key: Key): ReluFeatureMap {
  const d = positiveInt(inputDim, 'reluRandomFeatures: inputDim');
  positiveInt(D, 'reluRandomFeatures: D');
  const W = Float32Array.from(new Rng(fold(key, 'W')).normals(d * D, 1 / Math.sqrt(d)));
  const b = Float32Array.from(new Rng(fold(key, 'b')).normals(D, 1));
  return {
    inputDim: d,
    D,
    map: (X: Mat): FlatMatrix => {
      const [n] = assertMatrix(X, 'X', undefined, d);
      const phi = tf.tidy(() =>
        tf.relu(tf.add(tf.matMul(tf.tensor2d(Float32Array.from(X.flat()), [n, d]), tf.tensor2d(W, [d, D])), tf.tensor1d(b))),
      );
      const out = allocGram(n, D, 'float32');
      out.data.set(phi.dataSync() as Float32Array);
      phi.dispose();
      return out;
    },
  };
}

export interface RandomFeaturesOptions {
  readonly X: Mat;
  readonly y: Mat | Vec;
  /** Number of random features. */
  readonly D: number;
  readonly lambdas: readonly number[];
  readonly key: Key;
  /** Test inputs; predictions are returned for these. */
  readonly X_test?: Mat;
  readonly ridgeScale?: RidgeScale;
  /** Default { kind: 'holdout', fraction: 0.2 }. */
  readonly selection?: HoldoutSelection | { readonly kind: 'validation'; readonly X_val: Mat; readonly y_val: Mat | Vec };
  readonly solver?: RidgeSolverChoice;
  readonly cg?: CgOptions;
}

export function randomFeaturesRegression(options: RandomFeaturesOptions): FeatureRidgeResult & { readonly featureMap: ReluFeatureMap } {
  const [, d] = assertMatrix(options.X, 'X');
  const featureMap = reluRandomFeatures(d, options.D, options.key);
  const sel = options.selection;
  const result = featureRidgeRegression({
    features: featureMap.map(options.X),
    y: options.y,
    testFeatures: options.X_test && featureMap.map(options.X_test),
    lambdas: options.lambdas,
    ridgeScale: options.ridgeScale,
    selection: sel?.kind === 'validation' ? { kind: 'validation', features: featureMap.map(sel.X_val), y: sel.y_val } : sel,
    solver: options.solver,
    cg: options.cg,
  });
  return { ...result, featureMap };
}
