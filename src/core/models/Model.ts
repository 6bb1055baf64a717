/**
 * The model contract: an `{init, apply}` pair in the style of JAX stax / neural-tangents, with
 * parameters as a name -> tensor map rather than positional tuples, so optimisers can freeze or
 * project parameters by name (Shamir Thm 4 projects (w, v) jointly and leaves theta free).
 *
 * Chains: any parameter may carry a leading chain axis C (see `stackParams`), so C independent
 * runs (seeds) train in one tensor program; `apply` then returns [C, n, out]. x is [n, d] (shared
 * by all chains, broadcast by matMul) or [C, n, d]. Unbatched, `apply` returns [n, out].
 */
import * as tf from '@tensorflow/tfjs-core';
import { fold, Rng, type Key } from '../random.js';

/** Parameter name -> tensor; each model documents its names and unbatched shapes in `shapes`. */
export type Params = Record<string, tf.Tensor>;

/** Nested plain arrays, as produced by `tensor.arraySync()`; JSON-safe for fixtures. */
export type NestedArray = number | NestedArray[];
export type ParamArrays = Record<string, NestedArray>;

export interface Model {
  readonly inputDim: number;
  readonly outputDim: number;
  /** Unbatched shape of every parameter, by name. */
  readonly shapes: Readonly<Record<string, readonly number[]>>;
  /** Draws parameters from JS `Rng`s derived from `key`: identical numbers on every backend. */
  init(key: Key): Params;
  /** Predictions [n, out], or [C, n, out] for chain-stacked params or x [C, n, d]. */
  apply(params: Params, x: tf.Tensor2D | tf.Tensor3D): tf.Tensor;
}

/**
 * N(0, std^2) tensor drawn from the stream `fold(key, name)`: one stream per parameter, so adding
 * a parameter never changes the numbers drawn for the others.
 */
export function normalParam(key: Key, name: string, shape: readonly number[], std: number): tf.Tensor {
  if (!(std >= 0) || !Number.isFinite(std)) {
    throw new RangeError(`init std for "${name}" must be a finite number >= 0, got ${std}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const values = std === 0 ? new Float32Array(size) : Float32Array.from(new Rng(fold(key, name)).normals(size, std));
  return tf.tensor(values, [...shape], 'float32');
}

/** Plain nested arrays (float32 values widened to float64) for the float64 reference path. */
export function paramsToArrays(params: Params): ParamArrays {
  const out: ParamArrays = {};
  for (const [name, t] of Object.entries(params)) out[name] = t.arraySync() as NestedArray;
  return out;
}

/** Shape of a rectangular nested array; throws (naming `path`) on ragged or non-numeric input. */
function shapeOf(a: NestedArray, path: string): number[] {
  if (typeof a === 'number') return [];
  if (!Array.isArray(a) || a.length === 0) throw new RangeError(`${path} must be a number or a non-empty array`);
  const inner = shapeOf(a[0], `${path}[0]`);
  a.forEach((e, i) => {
    if (!tf.util.arraysEqual(shapeOf(e, `${path}[${i}]`), inner)) {
      throw new RangeError(`${path}[${i}] has a different shape from ${path}[0]; nested arrays must be rectangular`);
    }
  });
  return [a.length, ...inner];
}

/** Tensors from nested arrays (e.g. a fixture); shapes are inferred and must be rectangular. */
export function paramsFromArrays(arrays: ParamArrays): Params {
  const shapes = Object.entries(arrays).map(([name, a]) => [name, shapeOf(a, `paramsFromArrays: "${name}"`)] as const);
  const out: Params = {};
  for (const [name, shape] of shapes) {
    const a = arrays[name];
    out[name] = tf.tensor(typeof a === 'number' ? a : ((a as unknown[]).flat(Infinity) as number[]), shape, 'float32');
  }
  return out;
}

/** Stacks C parameter sets (same names and shapes) along a new leading chain axis. */
export function stackParams(list: readonly Params[]): Params {
  if (list.length === 0) throw new RangeError('stackParams: list is empty; pass at least one Params');
  const names = Object.keys(list[0]);
  list.forEach((p, i) => {
    const ks = Object.keys(p);
    if (ks.length !== names.length || !names.every((n) => n in p)) {
      throw new RangeError(`stackParams: list[${i}] has names [${ks.join(', ')}], expected [${names.join(', ')}]`);
    }
  });
  const out: Params = {};
  for (const n of names) out[n] = tf.stack(list.map((p) => p[n]));
  return out;
}

/** Inverse of `stackParams`: C parameter sets, each owning new tensors. */
export function unstackParams(params: Params): Params[] {
  const names = Object.keys(params);
  if (names.length === 0) return [];
  const chains = params[names[0]].shape[0];
  const parts = names.map((n) => tf.unstack(params[n]));
  return Array.from({ length: chains }, (_, c) => Object.fromEntries(names.map((n, j) => [n, parts[j][c]])));
}

export function disposeParams(params: Params): void {
  tf.dispose(Object.values(params));
}

/** Parameters whose name starts with `prefix`, with the prefix removed (e.g. "theta."). */
export function subParams(params: Params, prefix: string): Params {
  const out: Params = {};
  for (const [name, t] of Object.entries(params)) if (name.startsWith(prefix)) out[name.slice(prefix.length)] = t;
  return out;
}

/** The same tensors under `prefix + name` (no copies). */
export function prefixParams(params: Params, prefix: string): Params {
  const out: Params = {};
  for (const [name, t] of Object.entries(params)) out[prefix + name] = t;
  return out;
}

/**
 * Checks x's feature width against the model's input dimension, naming the argument; models call
 * it first in `apply`, so shape bugs fail here rather than deep inside a matMul.
 */
export function checkInput(model: string, x: tf.Tensor, inputDim: number): void {
  if ((x.rank !== 2 && x.rank !== 3) || x.shape[x.rank - 1] !== inputDim) {
    throw new RangeError(`${model}.apply: x must be [n, ${inputDim}] or [chains, n, ${inputDim}], got [${x.shape.join(', ')}]`);
  }
}

/** Looks up a parameter, naming the missing one and the model. */
export function param(params: Params, name: string, model: string): tf.Tensor {
  const t = params[name];
  if (t === undefined) {
    throw new RangeError(`${model}.apply: params has no "${name}" (got: ${Object.keys(params).join(', ') || 'none'})`);
  }
  return t;
}

export function positiveInt(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value as number;
}
