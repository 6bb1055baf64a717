import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { allocGemm, gemmTeam } from './gemm.js';
import { packRowPanels } from '../../src/core/wasm/pack.js';
import { relaxedSimdSupported } from '../../src/core/wasm/emit.js';
import { GEMM_F64, kernelModule, kernelsUseFma, MAX_BYTES } from '../../src/core/wasm/kernels.js';
import { gemm } from '../../src/core/wasm/calls.js';
import { WasmTeam } from '../../src/core/wasm/WasmTeam.js';

// Node 20 has relaxed SIMD (FMA) behind a V8 flag, as bin/bench.js sets it; this test process
// sets it too so that both kernel variants are checked (Node >= 22 has it on by default).
setFlagsFromString('--experimental-wasm-relaxed-simd');
const fmaAvailable = relaxedSimdSupported();

const rng = new Rng(keyFromSeed(7));
const teams = [
  ...[1, 2].map((threads) => WasmTeam.create(kernelModule({ fma: false }), { threads, maxBytes: MAX_BYTES })),
  ...(fmaAvailable ? [WasmTeam.create(kernelModule({ fma: true }), { threads: 2, maxBytes: MAX_BYTES })] : []),
];
const label = (team: WasmTeam) => `${team.threads} thread(s)${team === teams[2] ? ', FMA' : ''}`;
afterAll(async () => {
  for (const t of teams) await t.close();
});

/** Straightforward triple loop in float64. */
function naive(A: ArrayLike<number>, B: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p] * B[p * n + j];
      C[i * n + j] = s;
    }
  return C;
}

describe('wasm SIMD GEMM (C = A B on a team)', () => {
  for (const team of teams) {
    for (const [precision, m, k, n] of [
      ['f64', 12, 7, 8],
      ['f64', 40, 33, 20],
      ['f64', 8, 530, 12],
      ['f32', 16, 5, 24],
      ['f32', 36, 21, 40],
      ['f32', 8, 300, 16],
    ] as const) {
      it(`${precision} ${m}x${k} * ${k}x${n} on ${label(team)} matches the triple loop`, () => {
        const mark = team.mark();
        const g = allocGemm(team, precision, m, k, n);
        const view = (o: number, len: number) => (precision === 'f32' ? team.f32(o, len) : team.f64(o, len));
        const A = view(g.a, m * k);
        const B = view(g.b, k * n);
        for (let i = 0; i < A.length; i++) A[i] = rng.normal();
        for (let i = 0; i < B.length; i++) B[i] = rng.normal();
        gemmTeam(team, g);
        const C = view(g.c, m * n);
        const want = naive(A, B, m, k, n);
        const tol = precision === 'f32' ? 1e-5 * Math.sqrt(k) : 1e-13 * Math.sqrt(k);
        for (let i = 0; i < want.length; i++) expect(Math.abs(C[i] - want[i])).toBeLessThan(tol * (1 + Math.abs(want[i])));
        team.release(mark);
      });
    }
  }

  it('accumulates with alpha/beta and restricts to lower-triangle tiles with tri', () => {
    const team = teams[0];
    const mark = team.mark();
    const { MR, NR } = GEMM_F64;
    const n = 16,
      k = 8;
    const P = Float64Array.from({ length: n * k }, () => rng.normal());
    const ap = team.alloc(8 * n * k);
    packRowPanels(team.f64(ap, n * k), 0, P, k, 0, 0, n, k, MR, k);
    const c = team.alloc(8 * n * n);
    const C = team.f64(c, n * n);
    C.fill(1);
    // C = 1*C - P P^T on tiles with first column <= last row
    gemm(team, {
      precision: 'f64',
      chunk: 1,
      aAddr: ap,
      bAddr: ap,
      cAddr: c,
      ldcBytes: 8 * n,
      kc: k,
      rowTile0: 0,
      rowTile1: n / MR,
      colTile0: 0,
      colTile1: n / NR,
      colChunk: 64,
      alpha: -1,
      accumulate: true,
      lowerTriangle: true,
    });
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += P[i * k + p] * P[j * k + p];
        const inTile = Math.floor(j / NR) * NR <= Math.floor(i / MR) * MR + MR - 1;
        expect(C[i * n + j]).toBeCloseTo(inTile ? 1 - s : 1, 12);
      }
    team.release(mark);
  });

  it('rejects shapes the tiles do not divide', () => {
    expect(() => allocGemm(teams[0], 'f32', 6, 4, 8)).toThrow(/multiple of 4/);
    expect(() => allocGemm(teams[0], 'f32', 8, 4, 12)).toThrow(/multiple of 8/);
  });
});

describe('kernel variants', () => {
  it('uses FMA exactly when asked and supported', () => {
    expect(kernelsUseFma({ fma: false })).toBe(false);
    expect(kernelsUseFma({ fma: true })).toBe(fmaAvailable);
  });
});

describe('WasmTeam', () => {
  it('splits work by weight and rejects bad thread counts', () => {
    expect(WasmTeam.split(10, 2)).toEqual([0, 5, 10]);
    const tri = WasmTeam.split(100, 2, (i) => i + 1);
    expect(tri[1]).toBeGreaterThan(60);
    expect(() => WasmTeam.create(kernelModule(), { threads: 0, maxBytes: 1 << 20 })).toThrow(/threads/);
  });

  it('reports an unknown function by name', () => {
    expect(() => teams[1].run([null, ['nope', []]])).toThrow(/no function "nope"/);
  });
});
