/**
 * The Backward Feature Correction toy target (catalog allenzhu-li-2020-bfc.md, "Toy instance"
 * [R design]): x ~ N(0, I_d), W2 in R^{k x d} with orthonormal rows, W3 in R^{k x k} with
 * N(0, 1/k) entries,
 *
 *   P2 = Sum(sigma(W2 x)),  P3 = Sum(sigma(W3 sigma(W2 x))),  sigma(z) = z^2,
 *
 * each centred and scaled to unit variance on a large reference sample drawn from the task's
 * key, and y = alpha2 P2 + alpha3 P3. Everything is float64 and a pure function of the key.
 * Samples are row-major Float64Arrays (n x d) because the trainer loops over them directly.
 */
import { fold, rngFrom, type Key } from 'claimcheck/core';

export interface BfcTaskSpec {
  readonly d: number;
  /** Hidden width k of both target layers. */
  readonly k: number;
  readonly alpha2: number;
  readonly alpha3: number;
  /** Size of the reference sample that fixes the centring and scaling of P2 and P3. */
  readonly referenceSize: number;
  readonly key: Key;
  /**
   * false: the non-hierarchical control of the power mutant. Level 3 reads z = V x for V with k
   * orthonormal rows orthogonal to W2 instead of W2 x, and its degree-<=2 Hermite part is removed
   * (exactly, below), so P3 is a pure degree-4 function of features that nothing of lower degree
   * in y reveals: the same degree and energy, no hierarchy (P2 says nothing about V). Default true.
   */
  readonly hierarchical?: boolean;
}

export interface BfcTask {
  readonly spec: BfcTaskSpec;
  /** k x d, orthonormal rows (row-major). */
  readonly W2: Float64Array;
  /** k x k (row-major). */
  readonly W3: Float64Array;
  /** k x d: the features level 3 is built on (W2 itself for the hierarchical target). */
  readonly V: Float64Array;
  /** Centring and scaling of the raw parts: P = (raw - mean) / std. */
  readonly p2: { readonly mean: number; readonly std: number };
  readonly p3: { readonly mean: number; readonly std: number };
}

export interface BfcSample {
  readonly n: number;
  readonly d: number;
  /** n x d inputs, row-major. */
  readonly X: Float64Array;
  readonly y: Float64Array;
  /** The normalised parts, kept so checks can split y into its two levels. */
  readonly P2: Float64Array;
  readonly P3: Float64Array;
}

/** Orthonormal rows by Gram-Schmidt on Gaussian rows (k <= d); re-drawn rows never needed in practice. */
export function orthonormalRows(k: number, d: number, key: Key): Float64Array {
  if (!(Number.isInteger(k) && Number.isInteger(d) && k >= 1 && k <= d))
    throw new RangeError(`orthonormalRows: need integers 1 <= k <= d, got k = ${k}, d = ${d}`);
  const rng = rngFrom(key);
  const W = new Float64Array(k * d);
  for (let i = 0; i < k; i++) {
    for (;;) {
      for (let j = 0; j < d; j++) W[i * d + j] = rng.normal();
      // Two passes of classical Gram-Schmidt: orthogonal to rounding for these sizes.
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < i; p++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += W[i * d + j] * W[p * d + j];
          for (let j = 0; j < d; j++) W[i * d + j] -= dot * W[p * d + j];
        }
      }
      let nrm = 0;
      for (let j = 0; j < d; j++) nrm += W[i * d + j] ** 2;
      nrm = Math.sqrt(nrm);
      if (nrm > 1e-8) {
        for (let j = 0; j < d; j++) W[i * d + j] /= nrm;
        break;
      }
    }
  }
  return W;
}

/** Raw (unnormalised) P2 and P3 of one input row. */
function rawParts(
  W2: Float64Array,
  V: Float64Array,
  W3: Float64Array,
  k: number,
  d: number,
  X: Float64Array,
  row: number,
  s: Float64Array,
): [number, number] {
  let p2 = 0;
  for (let i = 0; i < k; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += W2[i * d + j] * X[row * d + j];
    p2 += z * z;
    if (V !== W2) {
      z = 0;
      for (let j = 0; j < d; j++) z += V[i * d + j] * X[row * d + j];
    }
    s[i] = z * z;
  }
  let p3 = 0;
  for (let a = 0; a < k; a++) {
    let u = 0;
    for (let i = 0; i < k; i++) u += W3[a * k + i] * s[i];
    p3 += u * u;
  }
  if (V !== W2) p3 -= degree2PartOfP3(W3, k, s);
  return [p2, p3];
}

/**
 * The degree-<=2 Hermite part of P3 = Sum_{i,j} M_ij z_i^2 z_j^2 (M = W3^T W3) for z ~ N(0, I_k),
 * from z^4 = He4 + 6 He2 + 3 and z_i^2 z_j^2 = (He2_i + 1)(He2_j + 1) (i != j), He2 = z^2 - 1:
 * Sum_{i != j} M_ij (z_i^2 + z_j^2 - 1) + Sum_i M_ii (6 z_i^2 - 3). `s` holds z_i^2.
 */
function degree2PartOfP3(W3: Float64Array, k: number, s: Float64Array): number {
  let acc = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let m = 0;
      for (let a = 0; a < k; a++) m += W3[a * k + i] * W3[a * k + j];
      acc += i === j ? m * (6 * s[i] - 3) : m * (s[i] + s[j] - 1);
    }
  }
  return acc;
}

function gaussianInputs(n: number, d: number, key: Key): Float64Array {
  return rngFrom(key).normals(n * d);
}

export function makeBfcTask(spec: BfcTaskSpec): BfcTask {
  const { d, k } = spec;
  if (!(spec.referenceSize >= 100)) throw new RangeError(`makeBfcTask: referenceSize must be >= 100, got ${spec.referenceSize}`);
  const hierarchical = spec.hierarchical ?? true;
  if (!hierarchical && 2 * k > d) throw new RangeError(`makeBfcTask: the non-hierarchical target needs 2k <= d, got k = ${k}, d = ${d}`);
  // The non-hierarchical target draws W2 and V together (2k orthonormal rows) from its own key.
  const both = hierarchical ? undefined : orthonormalRows(2 * k, d, fold(spec.key, 'W2V'));
  const W2 = both ? both.slice(0, k * d) : orthonormalRows(k, d, fold(spec.key, 'W2'));
  const V = both ? both.slice(k * d) : W2;
  const W3 = rngFrom(spec.key, 'W3').normals(k * k, Math.sqrt(1 / k));
  const n = spec.referenceSize;
  const X = gaussianInputs(n, d, fold(spec.key, 'reference'));
  const s = new Float64Array(k);
  let m2 = 0,
    m3 = 0,
    q2 = 0,
    q3 = 0;
  for (let r = 0; r < n; r++) {
    const [a, b] = rawParts(W2, V, W3, k, d, X, r, s);
    m2 += a;
    m3 += b;
    q2 += a * a;
    q3 += b * b;
  }
  m2 /= n;
  m3 /= n;
  const std2 = Math.sqrt(Math.max(q2 / n - m2 * m2, 0));
  const std3 = Math.sqrt(Math.max(q3 / n - m3 * m3, 0));
  return { spec, W2, W3, V, p2: { mean: m2, std: std2 }, p3: { mean: m3, std: std3 } };
}

export function sampleBfc(task: BfcTask, n: number, key: Key): BfcSample {
  const { d, k, alpha2, alpha3 } = task.spec;
  const X = gaussianInputs(n, d, key);
  const y = new Float64Array(n),
    P2 = new Float64Array(n),
    P3 = new Float64Array(n);
  const s = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const [a, b] = rawParts(task.W2, task.V, task.W3, k, d, X, r, s);
    P2[r] = (a - task.p2.mean) / task.p2.std;
    P3[r] = (b - task.p3.mean) / task.p3.std;
    y[r] = alpha2 * P2[r] + alpha3 * P3[r];
  }
  return { n, d, X, y, P2, P3 };
}
