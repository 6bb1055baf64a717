/**
 * W3 krr-relu-ntk (float64): kernel ridge regression with the ReLU NTK, 2000 train / 1000 test
 * points in d = 20, five ridge values (README W3). K and Kte come from the wasm SIMD GEMM
 * (lower triangle only for K), the NTK map and Kte alpha by f64x2 kernels on the team, each
 * K + lambda I is factored by the blocked Cholesky of src/core/linalg/cholesky64.ts on all
 * --threads, and alpha comes from two SIMD triangular solves.
 */
import { choleskyInPlace } from '../src/core/linalg/cholesky64.js';
import { packRowPanels } from '../src/core/wasm/pack.js';
import { gemm, matvec, reluNtkInPlace, triangularSolve } from '../src/core/wasm/calls.js';
import { GEMM_F64 } from '../src/core/wasm/kernels.js';
import { UNROLL } from '../src/core/wasm/gemmKernel.js';
import { normalizeRows, normals, teacher, workloadRng } from './draw.js';
import { teamLabel, type Workload } from './workload.js';

const N = 2000,
  Nt = 1000,
  d = 20;
const LAMBDAS = [1e-3, 1e-2, 1e-1, 1, 10] as const;

export interface KrrInputs {
  readonly Xtr: Float64Array;
  readonly ytr: Float64Array;
  readonly Xte: Float64Array;
  readonly yte: Float64Array;
}

const kernelFlops = 2 * d * (N * N + Nt * N) + 10 * (N * N + Nt * N);
const perLambda = N + N ** 3 / 3 + 2 * N * N + 2 * Nt * N + 3 * Nt;

export const krrReluNtk: Workload<KrrInputs> = {
  name: 'krr-relu-ntk',
  dtype: 'float64',
  flops: Math.trunc(kernelFlops + LAMBDAS.length * perLambda),
  draw(seed) {
    const rng = workloadRng(seed, this.name);
    const Xtr = normals(rng, N * d);
    const Xte = normals(rng, Nt * d);
    normalizeRows(Xtr, N, d);
    normalizeRows(Xte, Nt, d);
    const Wt = normals(rng, 8 * d);
    const at = normals(rng, 8, 1 / Math.sqrt(8));
    const eps = normals(rng, N);
    const ytr = teacher(Xtr, N, d, Wt, at, 8).map((v, i) => v + 0.1 * eps[i]);
    const yte = teacher(Xte, Nt, d, Wt, at, 8);
    return { Xtr, ytr, Xte, yte };
  },
  fromArrays(set) {
    const f = (name: string, shape: number[]) => set.get(name, 'float64', shape).data as Float64Array;
    return { Xtr: f('Xtr', [N, d]), ytr: f('ytr', [N]), Xte: f('Xte', [Nt, d]), yte: f('yte', [Nt]) };
  },
  async prepare(inp, ctx) {
    const team = ctx.team();
    const { MR, NR } = GEMM_F64;
    const kc = Math.ceil(d / UNROLL) * UNROLL;
    const mark = team.mark();
    const pTr = team.alloc(8 * N * kc);
    const pTe = team.alloc(8 * Nt * kc);
    const kOff = team.alloc(8 * N * N);
    const kteOff = team.alloc(8 * Nt * N);
    const lOff = team.alloc(8 * N * N);
    const K = team.f64(kOff, N * N);
    const L = team.f64(lOff, N * N);
    const alphaOff = team.alloc(8 * N);
    const predOff = team.alloc(8 * Nt);
    const alpha = team.f64(alphaOff, N);
    const pred = team.f64(predOff, Nt);
    const gram = (ap: number, c: number, rows: number, tri: boolean) =>
      gemm(team, {
        precision: 'f64',
        chunk: 8,
        aAddr: ap,
        bAddr: pTr,
        cAddr: c,
        ldcBytes: 8 * N,
        kc,
        rowTile0: 0,
        rowTile1: rows / MR,
        colTile0: 0,
        colTile1: N / NR,
        colChunk: 64,
        alpha: 1,
        accumulate: false,
        lowerTriangle: tri,
      });
    return {
      backend: teamLabel('wasm-simd f64 Cholesky', team, ctx.fma),
      run: () => {
        // Gram matrices: the packed rows of Xtr serve as both operands (MR = NR).
        packRowPanels(team.f64(pTr, N * kc), 0, inp.Xtr, d, 0, 0, N, d, MR, kc);
        packRowPanels(team.f64(pTe, Nt * kc), 0, inp.Xte, d, 0, 0, Nt, d, MR, kc);
        gram(pTr, kOff, N, true);
        gram(pTe, kteOff, Nt, false);
        reluNtkInPlace(team, { chunk: 16, addr: kOff, rows: N, cols: N, ld: N, lowerTriangle: true });
        reluNtkInPlace(team, { chunk: 16, addr: kteOff, rows: Nt, cols: N, ld: N, lowerTriangle: false });
        let best = Infinity;
        let bestLambda = NaN;
        for (const lam of LAMBDAS) {
          for (let i = 0; i < N; i++) {
            L.set(K.subarray(i * N, i * N + i + 1), i * N);
            L[i * N + i] += lam;
          }
          choleskyInPlace(team, lOff, N, N);
          alpha.set(inp.ytr);
          triangularSolve(team, { lAddr: lOff, ld: N, n: N, bAddr: alphaOff, transpose: false });
          triangularSolve(team, { lAddr: lOff, ld: N, n: N, bAddr: alphaOff, transpose: true });
          matvec(team, { chunk: 16, addr: kteOff, rows: Nt, cols: N, ld: N, xAddr: alphaOff, outAddr: predOff });
          let se = 0;
          for (let i = 0; i < Nt; i++) {
            const e = pred[i] - inp.yte[i];
            se += e * e;
          }
          const mse = se / Nt;
          if (mse < best) {
            best = mse;
            bestLambda = lam;
          }
        }
        return { check: best, extra: { best_lambda: bestLambda } };
      },
      dispose: () => team.release(mark),
    };
  },
};
