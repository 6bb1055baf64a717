import { afterAll, describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../random.js';
import { choleskyInPlace } from './cholesky64.js';
import { kernelModule, MAX_BYTES } from '../wasm/kernels.js';
import { matvec, triangularSolve } from '../wasm/calls.js';
import { WasmTeam } from '../wasm/WasmTeam.js';
import { solveLowerInPlace, solveLowerTransposeInPlace } from './triSolve64.js';

const rng = new Rng(keyFromSeed(11));
const teams = [1, 2].map((threads) => WasmTeam.create(kernelModule({ fma: false }), { threads, maxBytes: MAX_BYTES }));
afterAll(async () => {
  for (const t of teams) await t.close();
});

/** Unblocked textbook Cholesky (lower, float64). */
function naiveCholesky(A: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j];
    for (let p = 0; p < j; p++) s -= L[j * n + p] ** 2;
    L[j * n + j] = Math.sqrt(s);
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j];
      for (let p = 0; p < j; p++) t -= L[i * n + p] * L[j * n + p];
      L[i * n + j] = t / L[j * n + j];
    }
  }
  return L;
}

function randomSpd(n: number, ridge: number): Float64Array {
  const d = 5;
  const X = Float64Array.from({ length: n * d }, () => rng.normal() / Math.sqrt(d));
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += X[i * d + p] * X[j * d + p];
      A[i * n + j] = Math.exp(s) + (i === j ? ridge : 0); // exp of a Gram matrix is PSD
    }
  return A;
}

describe('blocked Cholesky on a wasm team', () => {
  for (const team of teams) {
    for (const [n, block] of [
      [8, 4],
      [36, 8],
      [100, 16],
      [132, 64],
    ] as const) {
      it(`n = ${n}, block ${block}, ${team.threads} thread(s): matches the unblocked factor`, () => {
        const A = randomSpd(n, 1e-2);
        const mark = team.mark();
        const a = team.alloc(8 * n * n);
        const M = team.f64(a, n * n);
        M.set(A);
        choleskyInPlace(team, a, n, n, { block });
        const want = naiveCholesky(A, n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j <= i; j++) {
            expect(Math.abs(M[i * n + j] - want[i * n + j])).toBeLessThan(1e-10 * (1 + Math.abs(want[i * n + j])));
          }
        // and the two triangular solves invert A
        const b = Float64Array.from({ length: n }, () => rng.normal());
        const x = Float64Array.from(b);
        solveLowerTransposeInPlace(M, n, n, solveLowerInPlace(M, n, n, x));
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
          expect(s).toBeCloseTo(b[i], 7);
        }
        team.release(mark);
      });
    }
  }

  it('names a non-positive pivot and rejects bad sizes', () => {
    const team = teams[0];
    const mark = team.mark();
    const a = team.alloc(8 * 16);
    team.f64(a, 16).set([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(() => choleskyInPlace(team, a, 4, 4)).toThrow(/not positive definite \(pivot 1/);
    expect(() => choleskyInPlace(team, a, 3, 3)).toThrow(/multiple of 4/);
    expect(() => choleskyInPlace(team, a, 4, 4, { block: 6 })).toThrow(/block/);
    team.release(mark);
  });
});

describe('wasm level-2 kernels (trsv_lower_f64, trsv_lower_t_f64, matvec_f64)', () => {
  it('match the JS solves and a plain matrix-vector product, odd sizes included', () => {
    for (const team of teams) {
      for (const n of [1, 2, 7, 30]) {
        const mark = team.mark();
        const ld = n + 3;
        const l = team.alloc(8 * n * ld);
        const L = team.f64(l, n * ld);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < ld; j++) L[i * ld + j] = j < i ? rng.normal() / n : j === i ? 1 + rng.uniform() : 99;
        const b0 = Float64Array.from({ length: n }, () => rng.normal());
        const bo = team.alloc(8 * n);
        const B = team.f64(bo, n);
        B.set(b0);
        triangularSolve(team, { lAddr: l, ld, n, bAddr: bo, transpose: false });
        const want = solveLowerInPlace(L, n, ld, Float64Array.from(b0));
        for (let i = 0; i < n; i++) expect(B[i]).toBeCloseTo(want[i], 12);
        B.set(b0);
        triangularSolve(team, { lAddr: l, ld, n, bAddr: bo, transpose: true });
        const wantT = solveLowerTransposeInPlace(L, n, ld, Float64Array.from(b0));
        for (let i = 0; i < n; i++) expect(B[i]).toBeCloseTo(wantT[i], 12);
        // matvec over the first n columns of each row
        const out = team.alloc(8 * n);
        matvec(team, { chunk: 2, addr: l, rows: n, cols: n, ld, xAddr: bo, outAddr: out });
        const O = team.f64(out, n);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += L[i * ld + j] * B[j];
          expect(O[i]).toBeCloseTo(s, 10);
        }
        team.release(mark);
      }
    }
  });
});
