/**
 * Shamir Theorem 1 batch on a wasm team: the row pass (87% of the work in JS) runs as the f64x2
 * kernel thm1_rows on all the team's threads, instances handed out in chunks; the short
 * per-instance tail (8x8 Cholesky, least-squares residual, ||V||_2) stays in JS
 * (thm1GapsFromRows). The batch is copied into the team's memory once (`new`), like an upload.
 */
import { thm1GapsFromRows, type Thm1Batch } from './thm1Batch64.js';
import { rowAccLength } from './thm1RowKernel.js';
import { thm1ScratchBytes } from './wasm/thm1Kernel.js';
import { thm1Rows } from './wasm/calls.js';
import type { WasmTeam } from '../../src/core/wasm/WasmTeam.js';

/** Instances per work item. */
const CHUNK = 16;

export class Thm1Wasm {
  private readonly mark: number;
  private readonly at: Record<'X' | 'y' | 'A' | 'c' | 'B' | 'w' | 'V' | 'rows', number>;
  private readonly scratch: number[];
  private readonly L: number;

  constructor(
    private readonly team: WasmTeam,
    private readonly batch: Thm1Batch,
  ) {
    const { instances: I, n, d, k, h } = batch;
    if (n % 2 !== 0) throw new RangeError(`Thm1Wasm: the kernel takes rows in pairs; n must be even, got ${n}`);
    this.L = rowAccLength(d, k);
    this.mark = team.mark();
    const put = (a: Float64Array) => {
      const o = team.alloc(8 * a.length);
      team.f64(o, a.length).set(a);
      return o;
    };
    this.at = {
      X: put(batch.X),
      y: put(batch.y),
      A: put(batch.A),
      c: put(batch.c),
      B: put(batch.B),
      w: put(batch.w),
      V: put(batch.V),
      rows: team.alloc(8 * I * this.L),
    };
    this.scratch = Array.from({ length: team.threads }, () => team.alloc(thm1ScratchBytes(d, h, k)));
  }

  /** gap_i = (F - F_lin) - RHS for every instance. */
  gaps(out: Float64Array = new Float64Array(this.batch.instances)): Float64Array {
    const { instances: I, n, d, k, h } = this.batch;
    const { X, y, A, c, B, w, V, rows } = this.at;
    thm1Rows(this.team, {
      chunk: CHUNK,
      xAddr: X,
      yAddr: y,
      aAddr: A,
      cAddr: c,
      bAddr: B,
      wAddr: w,
      vAddr: V,
      outAddr: rows,
      scratchAddr: (t) => this.scratch[t],
      n,
      d,
      h,
      k,
      instances: I,
    });
    return thm1GapsFromRows(this.batch, this.team.f64(rows, I * this.L), out);
  }

  dispose(): void {
    this.team.release(this.mark);
  }
}
