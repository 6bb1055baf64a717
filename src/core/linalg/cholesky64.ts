/**
 * Blocked right-looking Cholesky factorisation in float64 on a wasm team (SIMD + threads).
 *
 * For each block column of width nb: factor the nb x nb diagonal block in JS (nb^3/3 flops),
 * invert it, then two GEMMs on the team do the O(n^2 nb) work: the panel L21 = A21 L11^-T (a
 * GEMM with the small inverse instead of a triangular solve, so it runs in the same SIMD kernel)
 * and the trailing update A22 -= L21 L21^T restricted to lower-triangle tiles. Only the lower
 * triangle is read or written (tiles on the diagonal also write a few entries above it).
 *
 * Accuracy: multiplying by inv(L11) instead of substituting costs at most cond(L11) * eps in
 * the panel; for the SPD systems here (kernel matrices plus a ridge) that is far below the
 * 1e-9 the benchmark compares at (tested against an unblocked reference in the spec).
 */
import { GEMM_F64 } from '../wasm/kernels.js';
import { UNROLL } from '../wasm/gemmKernel.js';
import { WasmTeam } from '../wasm/WasmTeam.js';
import { gemm, pack } from '../wasm/calls.js';
import { packRowPanels } from '../wasm/pack.js';

const { MR, NR } = GEMM_F64;
/** Columns of B panels per chunk: 64 tiles x 4 columns x nb 64 x 8 B = 128 KiB, within L2. */
const JCHUNK = 64;
/** Tile rows per work item handed out to the team's threads. */
const CHUNK = 4;
// One packed panel serves as both GEMM operands, and block widths are multiples of the unroll.
if (MR !== NR || UNROLL !== 4) throw new Error('cholesky64: packing assumes MR = NR and UNROLL = 4');

export interface CholeskyOptions {
  /** Block width nb (a multiple of 4); default 64. */
  readonly block?: number;
}

/**
 * Factors the SPD matrix stored at byte offset `a` of the team's memory (row-major, leading
 * dimension `ld` >= n, n a multiple of 4) in place: on return its lower triangle holds L with
 * A = L L^T. Throws if a pivot is not positive (the matrix is not numerically SPD).
 */
export function choleskyInPlace(team: WasmTeam, a: number, n: number, ld: number, opts: CholeskyOptions = {}): void {
  const nb = opts.block ?? 64;
  if (n % 4 !== 0) throw new RangeError(`choleskyInPlace: n must be a multiple of 4 (pad with an identity block), got ${n}`);
  if (nb % 4 !== 0 || nb < 4) throw new RangeError(`choleskyInPlace: block must be a positive multiple of 4, got ${nb}`);
  if (ld < n) throw new RangeError(`choleskyInPlace: ld (${ld}) must be >= n (${n})`);
  const mark = team.mark();
  try {
    const panelBytes = 8 * (n + MR) * nb;
    const ap = team.alloc(panelBytes);
    const bp = team.alloc(8 * nb * nb);
    const A = team.f64(a, n * ld);
    const Bv = team.f64(bp, nb * nb);
    const inv = new Float64Array(nb * nb);
    for (let k0 = 0; k0 < n; k0 += nb) {
      const kb = Math.min(nb, n - k0);
      factorDiagonal(A, ld, k0, kb);
      const m = n - k0 - kb;
      if (m === 0) break;
      invertLower(A, ld, k0, kb, inv);
      const r0 = k0 + kb;
      // TRSM as GEMM: L21 = A21 * inv(L11)^T. B[p][c] = inv[c][p]: the rows of inv are B's columns.
      packRowPanels(Bv, 0, inv, kb, 0, 0, kb, kb, NR, kb);
      const mt = m / MR;
      packPanel(team, ap, a + 8 * (r0 * ld + k0), ld, mt, kb);
      // Tile rows are handed out dynamically (gemm_f64_dyn), so a thread slowed by other load takes fewer.
      gemm(team, {
        precision: 'f64',
        chunk: CHUNK,
        aAddr: ap,
        bAddr: bp,
        cAddr: a + 8 * (r0 * ld + k0),
        ldcBytes: 8 * ld,
        kc: kb,
        rowTile0: 0,
        rowTile1: mt,
        colTile0: 0,
        colTile1: kb / NR,
        colChunk: JCHUNK,
        alpha: 1,
        accumulate: false,
      });
      // SYRK: A22 -= L21 L21^T on lower tiles; with MR = NR one packing serves as A and B.
      packPanel(team, ap, a + 8 * (r0 * ld + k0), ld, mt, kb);
      gemm(team, {
        precision: 'f64',
        chunk: CHUNK,
        aAddr: ap,
        bAddr: ap,
        cAddr: a + 8 * (r0 * ld + r0),
        ldcBytes: 8 * ld,
        kc: kb,
        rowTile0: 0,
        rowTile1: mt,
        colTile0: 0,
        colTile1: m / NR,
        colChunk: JCHUNK,
        alpha: -1,
        accumulate: true,
        lowerTriangle: true,
      });
    }
  } finally {
    team.release(mark);
  }
}

/** Packs the mt row tiles of the kb-wide panel at byte address `src` into `dst`, split over the team. */
function packPanel(team: WasmTeam, dst: number, src: number, ld: number, mt: number, kb: number): void {
  const cuts = WasmTeam.split(mt, team.threads);
  pack(
    team,
    'rows',
    cuts
      .slice(0, -1)
      .map((lo, t) =>
        cuts[t + 1] > lo
          ? { precision: 'f64', dstAddr: dst, srcAddr: src, ld, tile: MR, kc: kb, kcPad: kb, tile0: lo, tile1: cuts[t + 1] }
          : null,
      ),
  );
}

/** Unblocked Cholesky of the kb x kb diagonal block at (k0, k0), in place (lower). */
function factorDiagonal(A: Float64Array, ld: number, k0: number, kb: number): void {
  for (let j = 0; j < kb; j++) {
    const rj = (k0 + j) * ld + k0;
    let s = A[rj + j];
    for (let p = 0; p < j; p++) s -= A[rj + p] * A[rj + p];
    if (!(s > 0)) throw new RangeError(`choleskyInPlace: the matrix is not positive definite (pivot ${k0 + j} is ${s})`);
    const d = Math.sqrt(s);
    A[rj + j] = d;
    for (let i = j + 1; i < kb; i++) {
      const ri = (k0 + i) * ld + k0;
      let t = A[ri + j];
      for (let p = 0; p < j; p++) t -= A[ri + p] * A[rj + p];
      A[ri + j] = t / d;
    }
  }
}

/** inv = L11^-1 (lower, kb x kb, row-major with stride kb) by column-wise forward substitution. */
function invertLower(A: Float64Array, ld: number, k0: number, kb: number, inv: Float64Array): void {
  inv.fill(0, 0, kb * kb);
  for (let j = 0; j < kb; j++) {
    inv[j * kb + j] = 1 / A[(k0 + j) * ld + k0 + j];
    for (let i = j + 1; i < kb; i++) {
      const ri = (k0 + i) * ld + k0;
      let s = 0;
      for (let p = j; p < i; p++) s += A[ri + p] * inv[p * kb + j];
      inv[i * kb + j] = -s / A[ri + i];
    }
  }
}
