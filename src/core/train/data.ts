/**
 * Normalises and checks a trainer's inputs at the boundary: X [n, d] or [C, n, d], y [n],
 * [n, out] or [C, n, out], params by name and shape. Errors name the argument and the expected
 * shape, so a mis-shaped hypothesis fails here rather than inside a matMul.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Model, Params } from '../models/Model.js';

export interface TrainData {
  /** [n, d] shared, or [C, n, d] per chain. */
  readonly X: tf.Tensor;
  /** [n, out] shared, or [C, n, out] per chain. */
  readonly y: tf.Tensor;
  readonly n: number;
  readonly xPerChain: boolean;
  readonly yPerChain: boolean;
  /** Tensors created here (reshapes); the trainer disposes them. */
  readonly owned: tf.Tensor[];
}

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

export function prepareData(who: string, model: Model, X: tf.Tensor, y: tf.Tensor, chains: number | undefined): TrainData {
  const d = model.inputDim;
  const out = model.outputDim;
  const xPerChain = X.rank === 3;
  if (!(X.rank === 2 || (xPerChain && chains !== undefined)) || X.shape[X.rank - 1] !== d || (xPerChain && X.shape[0] !== chains)) {
    const want = chains === undefined ? `[n, ${d}]` : `[n, ${d}] or [${chains}, n, ${d}]`;
    throw new RangeError(`${who}: X must be ${want} for this model, got ${fmt(X.shape)}`);
  }
  const n = X.shape[X.rank - 2];
  const owned: tf.Tensor[] = [];
  let yy = y;
  if (y.rank === 1 && out === 1) {
    yy = tf.reshape(y, [y.shape[0], 1]);
    owned.push(yy);
  }
  const yPerChain = yy.rank === 3;
  const ok =
    yy.shape[yy.rank - 1] === out &&
    yy.shape[yy.rank - 2] === n &&
    (yy.rank === 2 || (yPerChain && chains !== undefined && yy.shape[0] === chains));
  if (!ok) {
    tf.dispose(owned);
    const want = chains === undefined ? `[${n}, ${out}]` : `[${n}, ${out}] or [${chains}, ${n}, ${out}]`;
    throw new RangeError(`${who}: y must be ${want}${out === 1 ? ` (or [${n}])` : ''} to match X and the model, got ${fmt(y.shape)}`);
  }
  return { X, y: yy, n, xPerChain, yPerChain, owned };
}

/** Expands `trainable` patterns (exact names, or a prefix ending in `*`) to parameter names. */
export function selectTrainable(who: string, params: Params, patterns: readonly string[] | undefined, what = 'trainable'): string[] {
  const all = Object.keys(params);
  if (patterns === undefined) return all;
  const chosen = new Set<string>();
  for (const pat of patterns) {
    const hits = pat.endsWith('*') ? all.filter((n) => n.startsWith(pat.slice(0, -1))) : all.filter((n) => n === pat);
    if (hits.length === 0) {
      throw new RangeError(`${who}: ${what} entry "${pat}" matches no parameter; params are: ${all.join(', ')}`);
    }
    hits.forEach((h) => chosen.add(h));
  }
  return all.filter((n) => chosen.has(n));
}

/** Every model parameter is present with its shape (with a leading [C] when batched). */
export function checkParams(who: string, model: Model, params: Params, chains: number | undefined): void {
  for (const [name, shape] of Object.entries(model.shapes)) {
    const t = params[name];
    const want = chains === undefined ? [...shape] : [chains, ...shape];
    if (t === undefined) throw new RangeError(`${who}: params has no "${name}"; the model needs ${Object.keys(model.shapes).join(', ')}`);
    if (!tf.util.arraysEqual(t.shape, want)) {
      throw new RangeError(
        `${who}: params["${name}"] must be ${fmt(want)}, got ${fmt(t.shape)}${chains === undefined ? '' : ' (stack chains with stackParams)'}`,
      );
    }
    if (t.dtype !== 'float32') throw new RangeError(`${who}: params["${name}"] must be float32, got ${t.dtype}`);
  }
}
