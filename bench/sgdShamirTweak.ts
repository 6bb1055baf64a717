/**
 * W2 sgd-shamir-tweak (float64): one pass of projected single-sample SGD with logistic loss on
 * Shamir's tweaked unit (README W2). Computed by the fused loop in bench/kernels/tweakedSgd64.ts.
 */
import { tweakedOnlineSgd } from './kernels/tweakedSgd64.js';
import { normalizeRows, normals, workloadRng } from './draw.js';
import type { Workload } from './workload.js';

const T = 5000,
  d = 10,
  k = 20,
  b = 3,
  noise = 0.1;
const eta = b / (Math.sqrt(2) * Math.sqrt(T));

export interface SgdInputs {
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly Theta0: Float64Array;
  readonly c: Float64Array;
}

export const sgdShamirTweak: Workload<SgdInputs> = {
  name: 'sgd-shamir-tweak',
  dtype: 'float64',
  flops: T * (4 * k * d + 12 * k + 8 * d + 15),
  draw(seed) {
    const rng = workloadRng(seed, this.name);
    const X = normalizeRows(normals(rng, T * d), T, d);
    const u = normals(rng, d);
    const flip = rng.uniforms(T);
    const Theta0 = normals(rng, k * d, 1 / Math.sqrt(k));
    const c = normals(rng, k, 1 / Math.sqrt(k));
    const y = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += X[t * d + a] * u[a];
      y[t] = (s >= 0 ? 1 : -1) * (flip[t] < noise ? -1 : 1);
    }
    return { X, y, Theta0, c };
  },
  fromArrays(set) {
    return {
      X: set.get('X', 'float64', [T, d]).data as Float64Array,
      y: set.get('y', 'float64', [T]).data as Float64Array,
      Theta0: set.get('Theta0', 'float64', [k, d]).data as Float64Array,
      c: set.get('c', 'float64', [k]).data as Float64Array,
    };
  },
  async prepare(inp) {
    return {
      backend: 'js-f64 (fused loop)',
      run: () => ({ check: tweakedOnlineSgd({ T, d, k, X: inp.X, y: inp.y, Theta0: inp.Theta0, c: inp.c, eta, radius: b }).onlineLoss }),
      dispose: () => undefined,
    };
  },
};
