/**
 * W5 matmul-peak (float32): C = A B with A, B 1024 x 1024 ~ N(0,1); check = ||C||_F^2 / n^3
 * (README W5). Default: the wasm SIMD GEMM of src/core/wasm on all --threads. With an explicit
 * --backend (wasm, cpu, tensorflow) it runs tf.matMul on that TF.js backend instead.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../src/core/backend.js';
import { allocGemm, gemmTeam } from './kernels/gemm.js';
import { normals, workloadRng } from './draw.js';
import { teamLabel, type Workload } from './workload.js';

const n = 1024;

export interface MatmulInputs {
  readonly A: Float32Array;
  readonly B: Float32Array;
}

export const matmulPeak: Workload<MatmulInputs> = {
  name: 'matmul-peak',
  dtype: 'float32',
  flops: 2 * n ** 3 + 2 * n * n,
  draw(seed) {
    const rng = workloadRng(seed, this.name);
    return { A: Float32Array.from(normals(rng, n * n)), B: Float32Array.from(normals(rng, n * n)) };
  },
  fromArrays(set) {
    return { A: set.get('A', 'float32', [n, n]).data as Float32Array, B: set.get('B', 'float32', [n, n]).data as Float32Array };
  },
  async prepare(inp, ctx) {
    if (ctx.backend !== 'auto') {
      const backend = await initBackend(ctx.backend);
      const A = tf.tensor2d(inp.A, [n, n]);
      const B = tf.tensor2d(inp.B, [n, n]);
      return {
        backend: `tfjs-${backend}`,
        run: async () => {
          // Row sums first: one float32 sum over all 2^20 squares would lose ~1e-4 relative.
          const s = tf.tidy(() => tf.sum(tf.sum(tf.square(tf.matMul(A, B)), 1)));
          const v = (await s.data())[0];
          s.dispose();
          return { check: v / n ** 3 };
        },
        dispose: () => tf.dispose([A, B]),
      };
    }
    const team = ctx.team();
    const mark = team.mark();
    const g = allocGemm(team, 'f32', n, n, n);
    team.f32(g.a, n * n).set(inp.A);
    team.f32(g.b, n * n).set(inp.B);
    const C = team.f32(g.c, n * n);
    return {
      backend: teamLabel('wasm-simd f32 GEMM', team, ctx.fma),
      run: () => {
        gemmTeam(team, g);
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        for (let i = 0; i < n * n; i += 4) {
          s0 += C[i] * C[i];
          s1 += C[i + 1] * C[i + 1];
          s2 += C[i + 2] * C[i + 2];
          s3 += C[i + 3] * C[i + 3];
        }
        return { check: (s0 + s1 + s2 + s3) / n ** 3 };
      },
      dispose: () => team.release(mark),
    };
  },
};
