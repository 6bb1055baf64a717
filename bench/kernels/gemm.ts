/**
 * C = A B (row-major, float32 or float64) on a wasm team: pack A into row panels and B into
 * column panels (pack.ts), then split the tile rows of C across the team's threads, each
 * running the SIMD macro-kernel of wasm/gemmKernel.ts. Operands live in the team's memory.
 */
import { GEMM_F32, GEMM_F64 } from '../../src/core/wasm/kernels.js';
import { UNROLL, type Precision } from '../../src/core/wasm/gemmKernel.js';
import { WasmTeam } from '../../src/core/wasm/WasmTeam.js';
import { gemm, pack } from '../../src/core/wasm/calls.js';

/** Tile columns per chunk: B chunk = 32 tiles of (kc x NR) stays in L2 while A panels stream. */
const JCHUNK = 32;
/** Depth of a k block. */
const KC = 256;
/** Tile rows per work item handed out to the threads (dynamic scheduling). */
const CHUNK = 8;

export interface GemmBuffers {
  readonly precision: Precision;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** Byte offsets in the team's memory. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly ap: number;
  readonly bp: number;
  /** Depth of one packed block (k is processed in blocks of at most KC). */
  readonly kcBlock: number;
}

/**
 * Allocates A (m x k), B (k x n), C (m x n) and packing space in the team's memory.
 * m must be a multiple of MR and n of NR (4 and 4 for f64, 4 and 8 for f32).
 */
export function allocGemm(team: WasmTeam, precision: Precision, m: number, k: number, n: number): GemmBuffers {
  const shape = precision === 'f32' ? GEMM_F32 : GEMM_F64;
  if (m % shape.MR !== 0) throw new RangeError(`allocGemm: m must be a multiple of ${shape.MR}, got ${m}`);
  if (n % shape.NR !== 0) throw new RangeError(`allocGemm: n must be a multiple of ${shape.NR}, got ${n}`);
  const kcBlock = Math.min(KC, Math.ceil(k / UNROLL) * UNROLL);
  const s = shape.size;
  return {
    precision,
    m,
    k,
    n,
    kcBlock,
    a: team.alloc(s * m * k),
    b: team.alloc(s * k * n),
    c: team.alloc(s * m * n),
    ap: team.alloc(s * m * kcBlock),
    bp: team.alloc(s * kcBlock * n),
  };
}

/** C = A B with the buffers of allocGemm (A and B already written). */
export function gemmTeam(team: WasmTeam, g: GemmBuffers): void {
  const shape = g.precision === 'f32' ? GEMM_F32 : GEMM_F64;
  const { MR, NR, size } = shape;
  const mt = g.m / MR,
    nt = g.n / NR,
    T = team.threads;
  const rows = WasmTeam.split(mt, T),
    cols = WasmTeam.split(nt, T);
  // k in blocks of KC, so that an A panel (MR x KC) and a B panel (KC x NR) stay in L1.
  for (let k0 = 0; k0 < g.k; k0 += KC) {
    const kb = Math.min(KC, g.k - k0);
    const kbPad = Math.ceil(kb / UNROLL) * UNROLL;
    // Packing is split over the threads too: each packs a range of A's row tiles and of B's column tiles.
    const { precision } = g;
    pack(
      team,
      'rows',
      Array.from({ length: T }, (_, t) => ({
        precision,
        dstAddr: g.ap,
        srcAddr: g.a + size * k0,
        ld: g.k,
        tile: MR,
        kc: kb,
        kcPad: kbPad,
        tile0: rows[t],
        tile1: rows[t + 1],
      })),
    );
    pack(
      team,
      'cols',
      Array.from({ length: T }, (_, t) => ({
        precision,
        dstAddr: g.bp,
        srcAddr: g.b + size * k0 * g.n,
        ld: g.n,
        tile: NR,
        kc: kb,
        kcPad: kbPad,
        tile0: cols[t],
        tile1: cols[t + 1],
      })),
    );
    gemm(team, {
      precision,
      chunk: CHUNK,
      aAddr: g.ap,
      bAddr: g.bp,
      cAddr: g.c,
      ldcBytes: size * g.n,
      kc: kbPad,
      rowTile0: 0,
      rowTile1: mt,
      colTile0: 0,
      colTile1: nt,
      colChunk: JCHUNK,
      alpha: 1,
      accumulate: k0 > 0,
    });
  }
}
