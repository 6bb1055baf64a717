/**
 * Stage 2 of Nichani, Damian & Lee's layer-wise algorithm and the two-layer baseline, as
 * feature maps for `ndlRidge.ridgeSelectAndFit` (catalog, "Reference implementation"):
 *
 * - stage 2: the learned feature phi, standardised on D2, enters m1 = 400 one-dimensional ReLU
 *   features ReLU(c_i phi + b_i), c_i = +-1, b_i ~ U(-3, 3) (a random-feature network in one
 *   variable, which learns g*); the top layer a is the ridge solution;
 * - the two-layer baseline: ReLU random features ReLU(W x + b), W ~ N(0, I/d), b ~ N(0, 1) (a
 *   kernel method: ridge on a fixed feature map).
 *
 * Both draw their random parameters from a Key; `map` is pure.
 */
import { Rng, tf, type Key } from 'claimcheck/core';
import type { BlockFeatureMap } from './ridge.js';

/** ReLU(c_i p + b_i) for scalar inputs p: c_i = +-1 with equal probability, b_i ~ U(-3, 3). */
export function scalarReluFeatures(m1: number, key: Key): BlockFeatureMap & { readonly c: Float64Array; readonly b: Float64Array } {
  if (!Number.isInteger(m1) || m1 < 1) throw new RangeError(`scalarReluFeatures: m1 must be a positive integer, got ${m1}`);
  const rng = new Rng(key);
  const c = Float64Array.from({ length: m1 }, () => (rng.uniform() < 0.5 ? -1 : 1));
  const b = rng.uniforms(m1, -3, 3);
  return {
    D: m1,
    inputWidth: 1,
    c,
    b,
    map(inputs, rows, out) {
      for (let p = 0; p < rows; p++) {
        const v = inputs[p],
          o = p * m1;
        for (let i = 0; i < m1; i++) {
          const z = c[i] * v + b[i];
          out[o + i] = z > 0 ? z : 0;
        }
      }
    },
  };
}

/**
 * The identity map of a scalar input: stage 2 reduced to a linear function of phi (the power
 * mutant of the loss-tracks-correlation claim: a top layer that cannot represent g* = ReLU).
 */
export const linearScalarFeature: BlockFeatureMap = {
  D: 1,
  inputWidth: 1,
  map(inputs, rows, out) {
    for (let p = 0; p < rows; p++) out[p] = inputs[p];
  },
};

/**
 * ReLU(W^T x + b) for x in R^d: W (d x D) with N(0, 1/d) entries, b ~ N(0, 1). `map` computes X W
 * by one float32 TF.js matMul per block (the baseline evaluates ~17000 rows x 3000 features per
 * seed; ~10x the float64 loop's speed); the features are float32-rounded (relative ~1e-7), and
 * `mapExact` is the float64 reference the spec compares with.
 */
export function reluRandomFeatureMap(
  d: number,
  D: number,
  key: Key,
): BlockFeatureMap & {
  readonly W: Float64Array;
  readonly b: Float64Array;
  mapExact(inputs: Float64Array, rows: number, out: Float64Array): void;
} {
  if (!Number.isInteger(d) || d < 1 || !Number.isInteger(D) || D < 1)
    throw new RangeError(`reluRandomFeatureMap: d and D must be positive integers, got ${d}, ${D}`);
  const rng = new Rng(key);
  const W = rng.normals(d * D, 1 / Math.sqrt(d));
  const b = rng.normals(D);
  const W32 = Float32Array.from(W),
    b32 = Float32Array.from(b);
  return {
    D,
    inputWidth: d,
    W,
    b,
    map(inputs, rows, out) {
      const z = tf.tidy(() =>
        tf.relu(
          tf.add(
            tf.matMul(tf.tensor2d(Float32Array.from(inputs.subarray(0, rows * d)), [rows, d]), tf.tensor2d(W32, [d, D])),
            tf.tensor1d(b32),
          ),
        ),
      );
      out.set(z.dataSync() as Float32Array);
      z.dispose();
    },
    mapExact(inputs, rows, out) {
      for (let p = 0; p < rows; p++) {
        const o = p * D;
        out.set(b, o);
        for (let t = 0; t < d; t++) {
          const x = inputs[p * d + t],
            wt = t * D;
          for (let j = 0; j < D; j++) out[o + j] += x * W[wt + j];
        }
        for (let j = 0; j < D; j++) if (out[o + j] < 0) out[o + j] = 0;
      }
    },
  };
}

/** (v - mean) / std with the mean and std of `ref` (std > 0, else NaN: a constant feature). */
export function standardiseBy(ref: Float64Array, ...xs: Float64Array[]): Float64Array[] {
  let m = 0;
  for (const v of ref) m += v;
  m /= ref.length;
  let s = 0;
  for (const v of ref) s += (v - m) ** 2;
  const sd = Math.sqrt(s / ref.length);
  return xs.map((x) => Float64Array.from(x, (v) => (sd > 0 ? (v - m) / sd : NaN)));
}
