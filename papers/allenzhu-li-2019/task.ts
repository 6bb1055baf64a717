/**
 * Targets of Allen-Zhu & Li 2019 ("What Can ResNet Learn Efficiently, Going Beyond Kernels?"):
 * H(x) = F(x) + alpha G(F(x)) with F: R^d -> R^k and G: R^k -> R^k.
 *
 * - 'parity' [V2, the paper's experiment at small d]: x uniform on {-1, 1}^d, k = d/2,
 *   F_j(x) = x_{2j-1} x_{2j}, G_i(F) = (-1)^i F_1 F_2 F_3 F_4 (i = 1..k), so alpha G(F) is a
 *   degree-8 parity. Every output coordinate is a parity of degree >= 2: orthogonal to every
 *   affine function, E y_j = 0 and E y_j^2 = 1 + alpha^2. tau = k alpha^2 is the test MSE of a
 *   model that learns F but not alpha G(F) (G_i = +-1).
 * - 'smooth' [M, the Setting's neuron form as in Allen-Zhu-Li-Liang]: x uniform on the unit
 *   sphere of R^d, F_r(x) = sum_i a_{r,i} phi_i(<w1_i, x>) <w2_i, x>, G the same form on R^k,
 *   unit-norm w's, phi_i(z) = c0 + c1 z + c2 z^2 (smooth, complexity C* sum (q+1)|c_q|).
 *   Each coordinate of F and of G(F) is rescaled to unit second moment on a fixed reference
 *   sample, so tau = k alpha^2 keeps its meaning (learn F, miss G).
 *
 * Data are drawn from JS `Rng`s (identical on every backend) and returned as float64 rows.
 */
import { fold, Rng, type Key } from 'claimcheck/core';

export type TaskKind = 'parity' | 'smooth';

export interface TaskSpec {
  readonly kind: TaskKind;
  /** Input dimension; even, >= 8 for 'parity' (G needs F_1..F_4). */
  readonly d: number;
  /** Weight of the composite signal, in [0, 1). */
  readonly alpha: number;
  /** 'smooth' only: neurons per output of F and G (default 4) and the key of the network draw. */
  readonly neurons?: number;
  readonly key?: Key;
}

export interface Task {
  readonly spec: TaskSpec;
  readonly d: number;
  readonly k: number;
  /** k alpha^2: the test MSE of learning F but not alpha G(F). */
  readonly tau: number;
  /** n samples (x_i, F(x_i), y_i = H(x_i)) drawn from `key`. */
  sample(n: number, key: Key): TaskSample;
}

export interface TaskSample {
  readonly X: number[][];
  readonly F: number[][];
  readonly Y: number[][];
}

function checkSpec(s: TaskSpec): void {
  if (s.kind !== 'parity' && s.kind !== 'smooth') throw new RangeError(`task kind must be 'parity' or 'smooth', got ${String(s.kind)}`);
  if (!Number.isInteger(s.d) || s.d < 2 || s.d % 2 !== 0) throw new RangeError(`task d must be an even integer >= 2, got ${s.d}`);
  if (s.kind === 'parity' && s.d < 8) throw new RangeError(`the parity task needs d >= 8 (G uses F_1..F_4), got d = ${s.d}`);
  if (!(s.alpha >= 0 && s.alpha < 1)) throw new RangeError(`alpha must be in [0, 1) (Thm 1's range), got ${s.alpha}`);
}

/** G_i(F) = (-1)^i F_1 F_2 F_3 F_4 with i 1-based: -F1F2F3F4 for i = 1, +F1F2F3F4 for i = 2, ... */
export function parityG(F: readonly number[]): number[] {
  const p = F[0] * F[1] * F[2] * F[3];
  return F.map((_, i) => (i % 2 === 0 ? -p : p));
}

export function parityTask(spec: TaskSpec): Task {
  checkSpec(spec);
  const { d, alpha } = spec;
  const k = d / 2;
  return {
    spec,
    d,
    k,
    tau: k * alpha * alpha,
    sample: (n, key) => {
      const rng = new Rng(fold(key, 'parity-x'));
      const X: number[][] = [];
      const Fs: number[][] = [];
      const Y: number[][] = [];
      for (let i = 0; i < n; i++) {
        const x = Array.from({ length: d }, () => (rng.next32() & 1 ? 1 : -1));
        const F = Array.from({ length: k }, (_, j) => x[2 * j] * x[2 * j + 1]);
        const G = parityG(F);
        X.push(x);
        Fs.push(F);
        Y.push(F.map((f, j) => f + alpha * G[j]));
      }
      return { X, F: Fs, Y };
    },
  };
}

/** A two-layer smooth network R^p -> R^q in the Setting's neuron form. */
interface SmoothNet {
  readonly w1: Float64Array[];
  readonly w2: Float64Array[];
  /** [q][neurons] output weights. */
  readonly a: Float64Array[];
  /** [neurons][3] coefficients of phi_i. */
  readonly c: Float64Array[];
  /** Per-output rescaling to unit second moment. */
  scale: Float64Array;
}

function unitVector(rng: Rng, p: number): Float64Array {
  const v = rng.normals(p);
  const nrm = Math.hypot(...v);
  return v.map((x) => x / nrm);
}

function drawSmoothNet(key: Key, p: number, q: number, neurons: number): SmoothNet {
  const rng = new Rng(key);
  return {
    w1: Array.from({ length: neurons }, () => unitVector(rng, p)),
    w2: Array.from({ length: neurons }, () => unitVector(rng, p)),
    a: Array.from({ length: q }, () => rng.normals(neurons, 1 / Math.sqrt(neurons))),
    c: Array.from({ length: neurons }, () => rng.normals(3)),
    scale: new Float64Array(q).fill(1),
  };
}

function evalSmoothNet(net: SmoothNet, z: ArrayLike<number>): number[] {
  const units = net.w1.map((w1, i) => {
    let u = 0,
      v = 0;
    for (let t = 0; t < z.length; t++) {
      u += w1[t] * z[t];
      v += net.w2[i][t] * z[t];
    }
    const c = net.c[i];
    return (c[0] + c[1] * u + c[2] * u * u) * v;
  });
  return net.a.map((a, r) => net.scale[r] * units.reduce((s, h, i) => s + a[i] * h, 0));
}

function sphere(rng: Rng, d: number): number[] {
  return Array.from(unitVector(rng, d));
}

/** Rescales each output of `net` to unit second moment over the given inputs. */
function normalise(net: SmoothNet, inputs: readonly (readonly number[])[]): void {
  const q = net.a.length;
  const m2 = new Float64Array(q);
  for (const z of inputs) evalSmoothNet(net, z).forEach((v, r) => (m2[r] += v * v));
  net.scale = m2.map((s) => (s > 0 ? 1 / Math.sqrt(s / inputs.length) : 1));
}

const REFERENCE_SAMPLE = 4096;

export function smoothTask(spec: TaskSpec): Task {
  checkSpec(spec);
  const { d, alpha } = spec;
  const k = d / 2;
  const neurons = spec.neurons ?? 4;
  if (!Number.isInteger(neurons) || neurons < 1) throw new RangeError(`neurons must be a positive integer, got ${neurons}`);
  if (spec.key === undefined) throw new RangeError("the 'smooth' task needs spec.key to draw F and G");
  const F = drawSmoothNet(fold(spec.key, 'F'), d, k, neurons);
  const G = drawSmoothNet(fold(spec.key, 'G'), k, k, neurons);
  const refRng = new Rng(fold(spec.key, 'reference'));
  const ref = Array.from({ length: REFERENCE_SAMPLE }, () => sphere(refRng, d));
  normalise(F, ref);
  normalise(
    G,
    ref.map((x) => evalSmoothNet(F, x)),
  );
  return {
    spec,
    d,
    k,
    tau: k * alpha * alpha,
    sample: (n, key) => {
      const rng = new Rng(fold(key, 'sphere-x'));
      const X: number[][] = [];
      const Fs: number[][] = [];
      const Y: number[][] = [];
      for (let i = 0; i < n; i++) {
        const x = sphere(rng, d);
        const f = evalSmoothNet(F, x);
        const g = evalSmoothNet(G, f);
        X.push(x);
        Fs.push(f);
        Y.push(f.map((v, j) => v + alpha * g[j]));
      }
      return { X, F: Fs, Y };
    },
  };
}

export function makeTask(spec: TaskSpec): Task {
  return spec.kind === 'parity' ? parityTask(spec) : smoothTask(spec);
}

/** Test MSE as the catalog defines it: mean over points of the squared error summed over outputs. */
export function summedMse(pred: readonly (readonly number[])[] | Float64Array | Float32Array, Y: readonly (readonly number[])[]): number {
  const k = Y[0].length;
  let s = 0;
  for (let i = 0; i < Y.length; i++) {
    for (let j = 0; j < k; j++) {
      const p = Array.isArray(pred) ? (pred as number[][])[i][j] : (pred as Float64Array)[i * k + j];
      s += (p - Y[i][j]) ** 2;
    }
  }
  return s / Y.length;
}
