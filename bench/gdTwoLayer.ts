/**
 * W1 gd-two-layer (float32): 200 full-batch GD steps on f(x) = a.relu(W x), N = 1000, d = 20,
 * m = 256, hand-written backprop (README W1). Default: the fused wasm kernels of
 * bench/kernels/TwoLayerGd32.ts on all --threads. With an explicit --backend it runs the same
 * step as TF.js ops on that backend (layouts chosen so wasm matMuls avoid transposes).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../src/core/backend.js';
import { TwoLayerGd32 } from './kernels/TwoLayerGd32.js';
import { normals, teacher, workloadRng } from './draw.js';
import { teamLabel, type Workload } from './workload.js';

const N = 1000,
  d = 20,
  m = 256,
  mt = 8,
  steps = 200,
  lr = 0.05;

export interface GdInputs {
  readonly X: Float32Array;
  readonly y: Float32Array;
  readonly W0: Float32Array;
  readonly a0: Float32Array;
}

const perStep = 4 * N * m * d + 7 * N * m + N + 3 * m * d + 3 * m;

export const gdTwoLayer: Workload<GdInputs> = {
  name: 'gd-two-layer',
  dtype: 'float32',
  flops: steps * perStep + 2 * N * m * d + 3 * N * m + 3 * N,
  draw(seed) {
    const rng = workloadRng(seed, this.name);
    const X = Float32Array.from(normals(rng, N * d));
    const Wt = Float32Array.from(normals(rng, mt * d, 1 / Math.sqrt(d)));
    const at = Float32Array.from(normals(rng, mt, 1 / Math.sqrt(mt)));
    const W0 = Float32Array.from(normals(rng, m * d, 1 / (2 * Math.sqrt(d))));
    const a0 = Float32Array.from(normals(rng, m, 1 / Math.sqrt(m)));
    return { X, y: Float32Array.from(teacher(X, N, d, Wt, at, mt)), W0, a0 };
  },
  fromArrays(set) {
    const f = (name: string, shape: number[]) => set.get(name, 'float32', shape).data as Float32Array;
    return { X: f('X', [N, d]), y: f('y', [N]), W0: f('W0', [m, d]), a0: f('a0', [m]) };
  },
  async prepare(inp, ctx) {
    if (ctx.backend !== 'auto') return prepareTfjs(inp, await initBackend(ctx.backend));
    const team = ctx.team();
    const gd = new TwoLayerGd32(team, N, d, m);
    gd.setData(inp.X, inp.y);
    return {
      backend: teamLabel('wasm-simd f32 fused', team, ctx.fma),
      run: () => ({ check: gd.train(inp.W0, inp.a0, steps, lr) }),
      dispose: () => gd.dispose(),
    };
  },
};

/** The same step as TF.js ops: ~10 ops per step, no readback until the final loss. */
function prepareTfjs(inp: GdInputs, backend: string) {
  const X = tf.tensor2d(inp.X, [N, d]);
  const Xt = tf.transpose(X);
  const yt = tf.tensor2d(inp.y, [1, N]);
  const W0 = tf.tensor2d(inp.W0, [m, d]);
  const a0 = tf.tensor2d(inp.a0, [1, m]);
  return {
    backend: `tfjs-${backend}`,
    run: async () => {
      let W = W0.clone();
      let a = a0.clone();
      for (let s = 0; s < steps; s++) {
        const [W2, a2] = tf.tidy(() => {
          const Ht = tf.relu(tf.matMul(W, Xt)); // m x N
          const rt = tf.div(tf.sub(tf.matMul(a, Ht), yt), N); // 1 x N
          const ga = tf.matMul(rt, Ht, false, true); // 1 x m
          const gW = tf.mul(tf.matMul(tf.mul(tf.step(Ht), rt), X), tf.transpose(a)); // m x d
          return [tf.sub(W, tf.mul(gW, lr)), tf.sub(a, tf.mul(ga, lr))];
        });
        W.dispose();
        a.dispose();
        W = W2;
        a = a2;
      }
      const loss = tf.tidy(() => {
        const r = tf.sub(tf.matMul(a, tf.relu(tf.matMul(W, Xt))), yt);
        return tf.mul(0.5, tf.mean(tf.square(r)));
      });
      const v = (await loss.data())[0];
      tf.dispose([loss, W, a]);
      return { check: v };
    },
    dispose: () => tf.dispose([X, Xt, yt, W0, a0]),
  };
}
