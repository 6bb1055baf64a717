import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { thm1Gaps, type Thm1Batch } from './thm1Batch64.js';
import { Thm1Wasm } from './Thm1Wasm.js';
import { relaxedSimdSupported } from '../../src/core/wasm/emit.js';
import { MAX_BYTES } from '../../src/core/wasm/kernels.js';
import { benchKernelModule } from './wasm/benchModule.js';
import { WasmTeam } from '../../src/core/wasm/WasmTeam.js';

setFlagsFromString('--experimental-wasm-relaxed-simd');
const teams = [
  ...[1, 2].map((threads) => WasmTeam.create(benchKernelModule({ fma: false }), { threads, maxBytes: MAX_BYTES })),
  ...(relaxedSimdSupported() ? [WasmTeam.create(benchKernelModule({ fma: true }), { threads: 2, maxBytes: MAX_BYTES })] : []),
];
afterAll(async () => {
  for (const t of teams) await t.close();
});

describe('Thm1Wasm (row pass as an f64x2 kernel on a team)', () => {
  const rng = new Rng(keyFromSeed(23));
  for (const [n, d, k, h] of [
    [12, 3, 4, 5],
    [100, 8, 8, 8],
    [20, 6, 2, 3],
  ] as const) {
    it(`n=${n} d=${d} k=${k} h=${h}: equals the JS gaps to rounding on every team`, () => {
      const I = 37;
      const v = (len: number, s = 1) => Float64Array.from({ length: len }, () => s * rng.normal());
      const b: Thm1Batch = {
        instances: I,
        n,
        d,
        k,
        h,
        X: v(I * n * d),
        y: v(I * n),
        A: v(I * h * d, 1 / Math.sqrt(d)),
        c: v(I * h),
        B: v(I * k * h, 1 / Math.sqrt(h)),
        w: v(I * d, 1 / Math.sqrt(d)),
        V: v(I * d * k, 1 / Math.sqrt(k)),
      };
      const want = thm1Gaps(b);
      for (const team of teams) {
        const t = new Thm1Wasm(team, b);
        const got = t.gaps();
        for (let i = 0; i < I; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-11 * (1 + Math.abs(want[i])));
        t.dispose();
      }
    });
  }

  it('needs an even number of rows', () => {
    const z = (len: number) => new Float64Array(len);
    expect(
      () => new Thm1Wasm(teams[0], { instances: 1, n: 3, d: 1, k: 1, h: 1, X: z(3), y: z(3), A: z(1), c: z(1), B: z(1), w: z(1), V: z(1) }),
    ).toThrow(/n must be even/);
  });
});
