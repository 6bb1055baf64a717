/**
 * W4 shamir-thm1-eval (float64): Shamir (2018) Theorem 1 on 1000 random instances (README W4).
 * check = max over instances of (F - F_lin) - RHS: bench/kernels/Thm1Wasm.ts (row pass on the
 * wasm team) with the per-instance tail of bench/kernels/thm1Batch64.ts.
 */
import type { Thm1Batch } from './kernels/thm1Batch64.js';
import { Thm1Wasm } from './kernels/Thm1Wasm.js';
import { normals, workloadRng } from './draw.js';
import { teamLabel, type Workload } from './workload.js';

const I = 1000,
  n = 100,
  d = 8,
  k = 8,
  h = 8;
const per =
  2 * n * (d * h + h * k + k * d + d * d + 4 * d + k + h) +
  n * d +
  8 * n +
  (2 * d ** 3) / 3 +
  2 * d * d +
  10 * d * k * k +
  3 * d * k +
  3 * d +
  k +
  10;

export const shamirThm1Eval: Workload<Thm1Batch> = {
  name: 'shamir-thm1-eval',
  dtype: 'float64',
  flops: Math.trunc(I * per),
  draw(seed) {
    const rng = workloadRng(seed, this.name);
    const X = normals(rng, I * n * d);
    const u = normals(rng, I * d, 1 / Math.sqrt(d));
    const g = normals(rng, I * d, 1 / Math.sqrt(d));
    const eps = normals(rng, I * n);
    const A = normals(rng, I * h * d, 1 / Math.sqrt(d));
    const c = normals(rng, I * h);
    const B = normals(rng, I * k * h, 1 / Math.sqrt(h));
    const w = normals(rng, I * d, 1 / Math.sqrt(d));
    const V = normals(rng, I * d * k, 1 / Math.sqrt(k));
    const y = new Float64Array(I * n);
    for (let i = 0; i < I; i++) {
      for (let r = 0; r < n; r++) {
        let su = 0,
          sg = 0;
        for (let a = 0; a < d; a++) {
          su += X[(i * n + r) * d + a] * u[i * d + a];
          sg += X[(i * n + r) * d + a] * g[i * d + a];
        }
        y[i * n + r] = su + Math.max(sg, 0) + 0.1 * eps[i * n + r];
      }
    }
    return { instances: I, n, d, k, h, X, y, A, c, B, w, V };
  },
  fromArrays(set) {
    const f = (name: string, shape: number[]) => set.get(name, 'float64', shape).data as Float64Array;
    return {
      instances: I,
      n,
      d,
      k,
      h,
      X: f('X', [I, n, d]),
      y: f('y', [I, n]),
      A: f('A', [I, h, d]),
      c: f('c', [I, h]),
      B: f('B', [I, k, h]),
      w: f('w', [I, d]),
      V: f('V', [I, d, k]),
    };
  },
  async prepare(batch, ctx) {
    // The row pass runs as an f64x2 wasm kernel on the team's threads; the per-instance tail in JS.
    const team = ctx.team();
    const t = new Thm1Wasm(team, batch);
    return {
      backend: teamLabel('wasm-simd f64 rows + js', team, ctx.fma),
      run: () => {
        const out = t.gaps();
        let best = -Infinity;
        for (let i = 0; i < I; i++) best = Math.max(best, out[i]);
        return { check: best };
      },
      dispose: () => t.dispose(),
    };
  },
};
