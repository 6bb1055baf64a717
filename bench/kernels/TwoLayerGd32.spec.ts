import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { TwoLayerGd32 } from './TwoLayerGd32.js';
import { relaxedSimdSupported } from '../../src/core/wasm/emit.js';
import { MAX_BYTES } from '../../src/core/wasm/kernels.js';
import { benchKernelModule } from './wasm/benchModule.js';
import { WasmTeam } from '../../src/core/wasm/WasmTeam.js';

const rng = new Rng(keyFromSeed(3));
// Both kernel variants: plain mul + add, and relaxed-SIMD FMA where the engine allows it.
setFlagsFromString('--experimental-wasm-relaxed-simd');
const teams = [
  ...[1, 2].map((threads) => WasmTeam.create(benchKernelModule({ fma: false }), { threads, maxBytes: MAX_BYTES })),
  ...(relaxedSimdSupported() ? [WasmTeam.create(benchKernelModule({ fma: true }), { threads: 2, maxBytes: MAX_BYTES })] : []),
];
afterAll(async () => {
  for (const t of teams) await t.close();
});

/** The README's step, written out with plain loops in float64. */
function reference(
  X: Float32Array,
  y: Float32Array,
  W0: Float32Array,
  a0: Float32Array,
  N: number,
  d: number,
  m: number,
  steps: number,
  lr: number,
): number {
  const W = Float64Array.from(W0);
  const a = Float64Array.from(a0);
  const forward = () => {
    const Z = new Float64Array(N * m);
    const r = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      let p = 0;
      for (let j = 0; j < m; j++) {
        let z = 0;
        for (let q = 0; q < d; q++) z += X[i * d + q] * W[j * d + q];
        Z[i * m + j] = z;
        p += Math.max(z, 0) * a[j];
      }
      r[i] = p - y[i];
    }
    return { Z, r };
  };
  for (let s = 0; s < steps; s++) {
    const { Z, r } = forward();
    for (let i = 0; i < N; i++) r[i] /= N;
    const ga = new Float64Array(m);
    const gW = new Float64Array(m * d);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < m; j++) {
        const z = Z[i * m + j];
        ga[j] += Math.max(z, 0) * r[i];
        if (z > 0) for (let q = 0; q < d; q++) gW[j * d + q] += r[i] * a[j] * X[i * d + q];
      }
    for (let j = 0; j < m; j++) a[j] -= lr * ga[j];
    for (let t = 0; t < m * d; t++) W[t] -= lr * gW[t];
  }
  const { r } = forward();
  let se = 0;
  for (const v of r) se += v * v;
  return (0.5 * se) / N;
}

describe('fused float32 two-layer GD on a wasm team', () => {
  for (const team of teams) {
    for (const [N, d, m, steps] of [
      [16, 5, 24, 7],
      [40, 8, 8, 20],
      [12, 3, 16, 1],
    ] as const) {
      it(`N=${N} d=${d} m=${m}, ${steps} steps, ${team.threads} thread(s)${team === teams[2] ? ', FMA' : ''}: matches the float64 loops`, () => {
        const f32 = (n: number, s: number) => Float32Array.from({ length: n }, () => s * rng.normal());
        const X = f32(N * d, 1);
        const y = f32(N, 0.5);
        const W0 = f32(m * d, 0.5 / Math.sqrt(d));
        const a0 = f32(m, 1 / Math.sqrt(m));
        const gd = new TwoLayerGd32(team, N, d, m);
        gd.setData(X, y);
        const got = gd.train(W0, a0, steps, 0.05);
        // twice: train restarts from (W0, a0)
        expect(gd.train(W0, a0, steps, 0.05)).toBe(got);
        gd.dispose();
        const want = reference(X, y, W0, a0, N, d, m, steps, 0.05);
        expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
      });
    }
  }

  it('gives the same loss, bit for bit, on 1 and 2 threads (partials are summed in block order)', () => {
    const N = 32,
      d = 6,
      m = 40;
    const f32 = (n: number, s: number) => Float32Array.from({ length: n }, () => s * rng.normal());
    const X = f32(N * d, 1),
      y = f32(N, 0.5),
      W0 = f32(m * d, 0.3),
      a0 = f32(m, 0.2);
    const losses = teams.slice(0, 2).map((team) => {
      const gd = new TwoLayerGd32(team, N, d, m);
      gd.setData(X, y);
      const l = gd.train(W0, a0, 15, 0.05);
      gd.dispose();
      return l;
    });
    expect(losses[1]).toBe(losses[0]);
  });

  it('rejects shapes the kernel cannot tile', () => {
    expect(() => new TwoLayerGd32(teams[0], 10, 4, 8)).toThrow(/multiple of 4/);
    expect(() => new TwoLayerGd32(teams[0], 8, 4, 12)).toThrow(/multiple of 8/);
  });
});
