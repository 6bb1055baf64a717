/**
 * Picking the ridge from a grid, shared by kernel ridge regression and feature regression:
 * - 'holdout' (default): fit on a random (1 - fraction) of the training rows for every lambda,
 *   score on the held-out rest, refit on all rows with the best lambda. The honest choice.
 * - 'validation': fit on all rows, score on a provided validation set. The allenzhu-li-2019
 *   catalog picks on the test set itself ("which favours the kernels"): pass the test set here.
 * Scores are the catalog's test MSE: mean over points of the squared error summed over outputs.
 */
import { Rng, keyFromSeed, permutation, type Key } from '../random.js';
import type { FlatMatrix } from '../kernels/Gram.js';

export interface HoldoutSelection {
  readonly kind: 'holdout';
  /** Share of training rows held out; default 0.2. */
  readonly fraction?: number;
  /** Key of the random split; default keyFromSeed(0). */
  readonly key?: Key;
}

export interface LambdaScore {
  readonly lambda: number;
  /** Selection MSE (NaN when a single lambda was given and nothing was scored). */
  readonly mse: number;
}

export interface RidgeLearner<M> {
  /** Number of training rows. */
  readonly n: number;
  /** One model per lambda (same order), fitted on training rows `rows` (all rows if undefined). */
  fitPath(lambdas: readonly number[], rows?: Int32Array): M[];
  /** MSE on training rows `evalRows` of a model fitted on `fitRows`. */
  heldOutMse(model: M, fitRows: Int32Array, evalRows: Int32Array): number;
  /** MSE on the learner's validation set (required for the 'validation' mode). */
  validationMse?(model: M): number;
}

export interface RidgeChoice<M> {
  readonly lambda: number;
  readonly scores: readonly LambdaScore[];
  readonly selectedBy: 'holdout' | 'validation' | 'single';
  /** The model at the chosen lambda, fitted on all training rows. */
  readonly model: M;
}

/** Mean over rows of the squared error summed over the k outputs. */
export function meanSquaredError(pred: FlatMatrix, target: FlatMatrix, targetRows?: ArrayLike<number>): number {
  const m = pred.rows;
  const k = pred.cols;
  const rows = targetRows === undefined ? target.rows : targetRows.length;
  if (target.cols !== k || rows !== m) {
    throw new RangeError(`meanSquaredError: predictions are ${m} x ${k} but targets are ${rows} x ${target.cols}`);
  }
  let s = 0;
  for (let i = 0; i < m; i++) {
    const t = (targetRows === undefined ? i : targetRows[i]) * k;
    for (let c = 0; c < k; c++) s += (pred.data[i * k + c] - target.data[t + c]) ** 2;
  }
  return s / m;
}

/**
 * The one ridge-choice rule: the index of the smallest score, the first one on ties. A NaN or
 * Infinity score (a failed factorisation, a diverged fit) never beats a finite one.
 */
export function bestRidgeIndex(scores: readonly LambdaScore[]): number {
  if (scores.length === 0) throw new RangeError('bestRidgeIndex: no scores (pass at least one lambda)');
  const key = (m: number) => (Number.isNaN(m) ? Infinity : m);
  return scores.reduce((b, s, i) => (key(s.mse) < key(scores[b].mse) ? i : b), 0);
}

/** A random split of 0..n-1 into sorted fit and held-out rows (at least one of each). */
export function holdoutSplit(n: number, fraction: number, key: Key): { fit: Int32Array; held: Int32Array } {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`holdout fraction must be in (0, 1), got ${fraction}`);
  if (n < 2) throw new RangeError(`holdout selection needs at least 2 training rows, got ${n}; pass a single lambda instead`);
  const perm = permutation(new Rng(key), n);
  const h = Math.min(n - 1, Math.max(1, Math.round(fraction * n)));
  return { held: perm.slice(0, h).sort(), fit: perm.slice(h).sort() };
}

export function selectRidge<M>(
  learner: RidgeLearner<M>,
  lambdas: readonly number[],
  mode: HoldoutSelection | 'validation',
): RidgeChoice<M> {
  if (lambdas.length === 1) {
    return {
      lambda: lambdas[0],
      scores: [{ lambda: lambdas[0], mse: Number.NaN }],
      selectedBy: 'single',
      model: learner.fitPath(lambdas)[0],
    };
  }
  if (mode === 'validation') {
    const validationMse = learner.validationMse;
    if (validationMse === undefined)
      throw new RangeError("selection 'validation' needs validation data; pass it or use { kind: 'holdout' }");
    const models = learner.fitPath(lambdas);
    const scores = models.map((m, i) => ({ lambda: lambdas[i], mse: validationMse.call(learner, m) }));
    const i = bestRidgeIndex(scores);
    return { lambda: lambdas[i], scores, selectedBy: 'validation', model: models[i] };
  }
  const { fit, held } = holdoutSplit(learner.n, mode.fraction ?? 0.2, mode.key ?? keyFromSeed(0));
  const models = learner.fitPath(lambdas, fit);
  const scores = models.map((m, i) => ({ lambda: lambdas[i], mse: learner.heldOutMse(m, fit, held) }));
  const i = bestRidgeIndex(scores);
  return { lambda: lambdas[i], scores, selectedBy: 'holdout', model: learner.fitPath([lambdas[i]])[0] };
}
