/**
 * Kernel ridge regression: alpha = (K + mu I)^{-1} Y, predictions K_test,train alpha, with
 * mu = lambda * n by default (the allenzhu-li-2019 catalog's "ridge lam * N"; n is the number
 * of rows the system is fitted on, so a holdout fit uses its own smaller n). Multi-output
 * targets (n x k) are solved together. The ridge is picked on a grid (`selectRidge.ts`); the
 * solver is float64 Cholesky up to CHOLESKY_MAX_N = 2000 rows and float32 CG with float64
 * refinement above (`solveRidge.ts`), each reporting its float64 residual.
 */
import type { Mat, Vec } from '../linalg/dense.js';
import type { CgOptions } from './cgRidge.js';
import { flatMatMul } from '../linalg/flatMatMul.js';
import { assertGram, subGram, selectRows, type FlatMatrix, type Gram } from '../kernels/Gram.js';
import { checkRidges, ridgeFactor, toTargets, type RidgeScale, type RidgeSolution, type RidgeSolverName } from './ridgeResidual.js';
import { meanSquaredError, selectRidge, type HoldoutSelection, type LambdaScore, type RidgeLearner } from './selectRidge.js';
import { solveRidgePath, type RidgeSolverChoice } from './solveRidge.js';

export type KrrSelection =
  | HoldoutSelection
  | {
      readonly kind: 'validation';
      /** Kernel between validation points and training points, n_val x n. */
      readonly K_val_train: Gram;
      readonly y_val: Mat | Vec | FlatMatrix;
    };

export interface KrrOptions {
  /** n x n training Gram. */
  readonly K_train: Gram;
  /** n targets, or n x k rows for k outputs. */
  readonly y_train: Mat | Vec | FlatMatrix;
  /** m x n kernel between test and training points; predictions are returned for these. */
  readonly K_test_train?: Gram;
  readonly lambdas: readonly number[];
  readonly ridgeScale?: RidgeScale;
  /** How lambda is picked; default { kind: 'holdout', fraction: 0.2 }. */
  readonly selection?: KrrSelection;
  readonly solver?: RidgeSolverChoice;
  readonly cg?: CgOptions;
}

export interface KrrResult {
  readonly lambda: number;
  readonly scores: readonly LambdaScore[];
  readonly selectedBy: 'holdout' | 'validation' | 'single';
  /** Dual coefficients, n x k, fitted on all training rows at the chosen lambda. */
  readonly alpha: FlatMatrix;
  /** m x k predictions for K_test_train's rows. */
  readonly predictions?: FlatMatrix;
  readonly solver: RidgeSolverName;
  /** Float64 relative residual of the final solve. */
  readonly residual: number;
  readonly iterations: number;
}

export function krr(options: KrrOptions): KrrResult {
  const K = options.K_train;
  assertGram(K, 'K_train');
  if (K.rows !== K.cols) throw new RangeError(`K_train must be square (n x n), got ${K.rows} x ${K.cols}`);
  const n = K.rows;
  const Y = toTargets(options.y_train, n, 'y_train');
  checkRidges(options.lambdas);
  if (options.K_test_train !== undefined) assertGram(options.K_test_train, 'K_test_train', undefined, n);
  const scale = options.ridgeScale ?? 'n';
  const selection = options.selection ?? { kind: 'holdout' };
  let validation: { K: Gram; Y: FlatMatrix } | undefined;
  if (selection.kind === 'validation') {
    assertGram(selection.K_val_train, 'selection.K_val_train', undefined, n);
    validation = { K: selection.K_val_train, Y: toTargets(selection.y_val, selection.K_val_train.rows, 'selection.y_val') };
  }
  const learner: RidgeLearner<RidgeSolution> = {
    n,
    fitPath: (lambdas, rows) => {
      const Kf = rows === undefined ? K : subGram(K, rows, rows);
      const Yf = rows === undefined ? Y : selectRows(Y, rows);
      const factor = ridgeFactor(scale, Kf.rows);
      return solveRidgePath(
        Kf,
        Yf,
        lambdas.map((l) => l * factor),
        options.solver,
        options.cg,
      );
    },
    heldOutMse: (sol, fitRows, evalRows) =>
      meanSquaredError(flatMatMul(subGram(K, evalRows, fitRows), asMatrix(sol, fitRows.length)), Y, evalRows),
    validationMse: validation && ((sol) => meanSquaredError(flatMatMul(validation.K, asMatrix(sol, n)), validation.Y)),
  };
  const choice = selectRidge(learner, options.lambdas, selection.kind === 'validation' ? 'validation' : selection);
  const alpha = asMatrix(choice.model, n);
  return {
    lambda: choice.lambda,
    scores: choice.scores,
    selectedBy: choice.selectedBy,
    alpha,
    predictions: options.K_test_train && flatMatMul(options.K_test_train, alpha),
    solver: choice.model.solver,
    residual: choice.model.residual,
    iterations: choice.model.iterations,
  };
}

function asMatrix(sol: RidgeSolution, rows: number): FlatMatrix {
  return { rows, cols: sol.X.length / rows, data: sol.X };
}
