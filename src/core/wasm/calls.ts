/**
 * Typed calls of the core kernels (kernels.ts) on a team: each wrapper names its arguments and
 * passes them in the kernel's order, so no caller writes a positional list of numbers. Byte
 * addresses in the team's memory are `*Addr`; counts are elements; tiles are GEMM register
 * tiles (MR rows, NR columns; GEMM_F32 / GEMM_F64).
 */
import type { Precision } from './gemmKernel.js';
import type { WasmTeam } from './WasmTeam.js';

export interface GemmCall {
  readonly precision: Precision;
  /** Tile rows handed out per grab of the shared counter. */
  readonly chunk: number;
  /** Packed A panels (pack_rows layout) and packed B panels (pack_cols / pack_rows of B^T). */
  readonly aAddr: number;
  readonly bAddr: number;
  readonly cAddr: number;
  /** Byte stride between rows of C. */
  readonly ldcBytes: number;
  /** Depth of the packed panels (a multiple of the unroll, zero-padded). */
  readonly kc: number;
  /** Tile rows [rowTile0, rowTile1) and tile columns [colTile0, colTile1) of C. */
  readonly rowTile0: number;
  readonly rowTile1: number;
  readonly colTile0: number;
  readonly colTile1: number;
  /** Tile columns per chunk of B kept in L2 (GotoBLAS loop order). */
  readonly colChunk: number;
  /** C = alpha A B (accumulate false) or C += alpha A B. */
  readonly alpha: number;
  readonly accumulate: boolean;
  /** Only tiles touching the lower triangle (SYRK-like updates); `diag` = row origin - column origin. */
  readonly lowerTriangle?: boolean;
  readonly diag?: number;
}

/** C[tiles] (+)= alpha Ap Bp on every thread of the team (gemm_<p>_dyn). */
export function gemm(team: WasmTeam, g: GemmCall): void {
  team.runShared(`gemm_${g.precision}_dyn`, [
    g.chunk,
    g.aAddr,
    g.bAddr,
    g.cAddr,
    g.ldcBytes,
    g.kc,
    g.rowTile0,
    g.rowTile1,
    g.colTile0,
    g.colTile1,
    g.colChunk,
    g.alpha,
    g.accumulate ? 1 : 0,
    g.lowerTriangle ? 1 : 0,
    g.diag ?? 0,
  ]);
}

export interface PackCall {
  readonly precision: Precision;
  readonly dstAddr: number;
  readonly srcAddr: number;
  /** Leading dimension of the source (elements). */
  readonly ld: number;
  /** Tile size R (MR for A panels, NR for B panels). */
  readonly tile: number;
  /** Depth copied, and depth padded with zeros (a multiple of the unroll). */
  readonly kc: number;
  readonly kcPad: number;
  /** Tiles [tile0, tile1). */
  readonly tile0: number;
  readonly tile1: number;
}

const packArgs = (p: PackCall): number[] => [p.dstAddr, p.srcAddr, p.ld, p.tile, p.kc, p.kcPad, p.tile0, p.tile1];

/**
 * Packs row panels (dst[t][q][r] = src[(t R + r) ld + q]) or column panels
 * (dst[t][q][c] = src[q ld + t R + c]), one call per thread (null: that thread idles).
 */
export function pack(team: WasmTeam, layout: 'rows' | 'cols', perThread: readonly (PackCall | null)[]): void {
  team.run(perThread.map((p) => (p ? [`pack_${layout}_${p.precision}`, packArgs(p)] : null)));
}

/** The same packing on the calling thread only (no barrier). */
export function packHere(team: WasmTeam, layout: 'rows' | 'cols', p: PackCall): void {
  team.exports[`pack_${layout}_${p.precision}`](...packArgs(p));
}

export interface BlockCall {
  /** Rows handed out per grab of the shared counter. */
  readonly chunk: number;
  /** A float64 matrix at `addr` (row-major, leading dimension `ld`): its first rows x cols block. */
  readonly addr: number;
  readonly rows: number;
  readonly cols: number;
  readonly ld: number;
}

/** M[i][j] <- sphereReluNtk(M[i][j]) on the block (j <= i only, when lowerTriangle), all threads. */
export function reluNtkInPlace(team: WasmTeam, b: BlockCall & { readonly lowerTriangle: boolean }): void {
  team.runShared('relu_ntk_f64', [b.chunk, b.addr, b.rows, b.cols, b.ld, b.lowerTriangle ? 1 : 0]);
}

/** out[i] = M[i, :cols] . x for the block's rows (float64), all threads. */
export function matvec(team: WasmTeam, b: BlockCall & { readonly xAddr: number; readonly outAddr: number }): void {
  team.runShared('matvec_f64', [b.chunk, b.addr, b.ld, b.rows, b.cols, b.xAddr, b.outAddr]);
}

/** b <- L^-1 b (transpose false) or L^-T b, L lower triangular n x n at lAddr; the calling thread. */
export function triangularSolve(team: WasmTeam, s: { lAddr: number; ld: number; n: number; bAddr: number; transpose: boolean }): void {
  team.exports[s.transpose ? 'trsv_lower_t_f64' : 'trsv_lower_f64'](s.lAddr, s.ld, s.n, s.bAddr);
}
