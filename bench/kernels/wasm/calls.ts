/**
 * Typed calls of the bench-only kernels (benchModule.ts): named arguments in the kernels' order.
 * Byte addresses in the team's memory are `*Addr`; sizes are element counts.
 */
import type { WasmTeam } from '../../../src/core/wasm/WasmTeam.js';

export interface TwoLayerBuffers {
  /** Units (hidden neurons) per block handed out by the shared counter. */
  readonly block: number;
  readonly xAddr: number;
  readonly wtAddr: number;
  readonly aAddr: number;
  readonly hAddr: number;
  readonly N: number;
  /** Input width padded to a multiple of 4. */
  readonly dp: number;
  readonly m: number;
}

/** Forward pass of every block: H and the partial predictions written to `pWriteAddr`. */
export function gd2Forward(team: WasmTeam, b: TwoLayerBuffers, pWriteAddr: number): void {
  team.runShared('gd2_fwd_dyn', [b.block, b.xAddr, b.wtAddr, b.aAddr, b.hAddr, pWriteAddr, b.N, b.dp, b.m]);
}

/** One GD step: residual from `pReadAddr` (`parts` partials), backward + update, forward into `pWriteAddr`. */
export function gd2Step(
  team: WasmTeam,
  b: TwoLayerBuffers,
  s: {
    readonly pReadAddr: number;
    readonly parts: number;
    readonly pWriteAddr: number;
    readonly yAddr: number;
    /** Per-thread residual and masked-residual scratch. */
    readonly rAddr: (thread: number) => number;
    readonly uAddr: (thread: number) => number;
    readonly lr: number;
  },
): void {
  team.runShared('gd2_step_dyn', (t) => [
    b.block,
    b.xAddr,
    b.wtAddr,
    b.aAddr,
    b.hAddr,
    s.pReadAddr,
    s.parts,
    s.pWriteAddr,
    s.yAddr,
    s.rAddr(t),
    b.N,
    b.dp,
    b.m,
    s.lr,
    s.uAddr(t),
  ]);
}

export interface Thm1RowsCall {
  /** Instances handed out per grab of the shared counter. */
  readonly chunk: number;
  readonly xAddr: number;
  readonly yAddr: number;
  readonly aAddr: number;
  readonly cAddr: number;
  readonly bAddr: number;
  readonly wAddr: number;
  readonly vAddr: number;
  readonly outAddr: number;
  /** Per-thread scratch (thm1ScratchBytes each). */
  readonly scratchAddr: (thread: number) => number;
  readonly n: number;
  readonly d: number;
  readonly h: number;
  readonly k: number;
  readonly instances: number;
}

/** The Theorem 1 row pass of every instance (thm1Kernel.ts), all threads. */
export function thm1Rows(team: WasmTeam, c: Thm1RowsCall): void {
  team.runShared('thm1_rows', (t) => [
    c.chunk,
    c.xAddr,
    c.yAddr,
    c.aAddr,
    c.cAddr,
    c.bAddr,
    c.wAddr,
    c.vAddr,
    c.outAddr,
    c.scratchAddr(t),
    c.n,
    c.d,
    c.h,
    c.k,
    c.instances,
  ]);
}
