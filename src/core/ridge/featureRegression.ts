/**
 * Ridge regression over an explicit feature map Phi (n x D): the learner behind random
 * features and last-layer-only training (a "conjugate kernel" method: kernel ridge regression
 * with K = Phi Phi^T). Weights W = (Phi^T Phi + mu I)^{-1} Phi^T Y (primal, D x D system, used
 * when D <= n) = Phi^T (Phi Phi^T + mu I)^{-1} Y (dual, n x n system, used when D > n): the
 * two are the same estimator, so the smaller system is solved. mu = lambda * n by default, as in
 * `krr`. No intercept: append a constant feature if one is wanted.
 */
import type { Mat, Vec } from '../linalg/dense.js';
import type { CgOptions } from './cgRidge.js';
import { flatMatMul } from '../linalg/flatMatMul.js';
import { assertGram, selectRows, type FlatMatrix } from '../kernels/Gram.js';
import { checkRidges, ridgeFactor, toTargets, type RidgeScale, type RidgeSolverName } from './ridgeResidual.js';
import { meanSquaredError, selectRidge, type HoldoutSelection, type LambdaScore, type RidgeLearner } from './selectRidge.js';
import { solveRidgePath, type RidgeSolverChoice } from './solveRidge.js';

export type FeatureSelection =
  | HoldoutSelection
  | {
      readonly kind: 'validation';
      /** Validation features (n_val x D, the same map) and targets. */
      readonly features: FlatMatrix;
      readonly y: Mat | Vec | FlatMatrix;
    };

export interface FeatureRidgeOptions {
  /** Phi, n x D. */
  readonly features: FlatMatrix;
  readonly y: Mat | Vec | FlatMatrix;
  /** Test features (m x D); predictions are returned for these. */
  readonly testFeatures?: FlatMatrix;
  readonly lambdas: readonly number[];
  readonly ridgeScale?: RidgeScale;
  /** Default { kind: 'holdout', fraction: 0.2 }. */
  readonly selection?: FeatureSelection;
  readonly solver?: RidgeSolverChoice;
  readonly cg?: CgOptions;
}

export interface FeatureRidgeResult {
  readonly lambda: number;
  readonly scores: readonly LambdaScore[];
  readonly selectedBy: 'holdout' | 'validation' | 'single';
  /** D x k weights at the chosen lambda, fitted on all rows. */
  readonly weights: FlatMatrix;
  readonly predictions?: FlatMatrix;
  /** Which system was solved for the final fit. */
  readonly form: 'primal' | 'dual';
  readonly solver: RidgeSolverName;
  readonly residual: number;
  readonly iterations: number;
}

export interface FeatureModel {
  readonly W: FlatMatrix;
  readonly form: 'primal' | 'dual';
  readonly solver: RidgeSolverName;
  readonly residual: number;
  readonly iterations: number;
}

/** Fits every lambda on (Phi, Y), in primal or dual form, whichever system is smaller. */
export function featureRidgePath(
  Phi: FlatMatrix,
  Y: FlatMatrix,
  mus: readonly number[],
  solver?: RidgeSolverChoice,
  cg?: CgOptions,
): FeatureModel[] {
  const [n, D] = [Phi.rows, Phi.cols];
  if (D <= n) {
    const A = flatMatMul(Phi, Phi, { transposeA: true });
    const B = flatMatMul(Phi, Y, { transposeA: true });
    return solveRidgePath(A, B, mus, solver, cg).map((s) => ({
      W: { rows: D, cols: Y.cols, data: s.X },
      form: 'primal',
      solver: s.solver,
      residual: s.residual,
      iterations: s.iterations,
    }));
  }
  const A = flatMatMul(Phi, Phi, { transposeB: true });
  return solveRidgePath(A, Y, mus, solver, cg).map((s) => ({
    W: flatMatMul(Phi, { rows: n, cols: Y.cols, data: s.X }, { transposeA: true }),
    form: 'dual',
    solver: s.solver,
    residual: s.residual,
    iterations: s.iterations,
  }));
}

export function featureRidgeRegression(options: FeatureRidgeOptions): FeatureRidgeResult {
  const Phi = options.features;
  assertGram(Phi, 'features');
  const n = Phi.rows;
  const Y = toTargets(options.y, n, 'y');
  checkRidges(options.lambdas);
  if (options.testFeatures !== undefined) assertGram(options.testFeatures, 'testFeatures', undefined, Phi.cols);
  const scale = options.ridgeScale ?? 'n';
  const selection = options.selection ?? { kind: 'holdout' };
  let validation: { Phi: FlatMatrix; Y: FlatMatrix } | undefined;
  if (selection.kind === 'validation') {
    assertGram(selection.features, 'selection.features', undefined, Phi.cols);
    validation = { Phi: selection.features, Y: toTargets(selection.y, selection.features.rows, 'selection.y') };
  }
  const learner: RidgeLearner<FeatureModel> = {
    n,
    fitPath: (lambdas, rows) => {
      const Pf = rows === undefined ? Phi : selectRows(Phi, rows);
      const Yf = rows === undefined ? Y : selectRows(Y, rows);
      const factor = ridgeFactor(scale, Pf.rows);
      return featureRidgePath(
        Pf,
        Yf,
        lambdas.map((l) => l * factor),
        options.solver,
        options.cg,
      );
    },
    heldOutMse: (m, _fit, evalRows) => meanSquaredError(flatMatMul(selectRows(Phi, evalRows), m.W), Y, evalRows),
    validationMse: validation && ((m) => meanSquaredError(flatMatMul(validation.Phi, m.W), validation.Y)),
  };
  const choice = selectRidge(learner, options.lambdas, selection.kind === 'validation' ? 'validation' : selection);
  const m = choice.model;
  return {
    lambda: choice.lambda,
    scores: choice.scores,
    selectedBy: choice.selectedBy,
    weights: m.W,
    predictions: options.testFeatures && flatMatMul(options.testFeatures, m.W),
    form: m.form,
    solver: m.solver,
    residual: m.residual,
    iterations: m.iterations,
  };
}
