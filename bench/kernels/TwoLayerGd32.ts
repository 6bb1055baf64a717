/**
 * Full-batch gradient descent on f(x) = a.relu(W x) with loss (1/2N) sum (f(x_i) - y_i)^2,
 * every operation in float32, on a wasm team (kernels in bench/kernels/wasm/twoLayerKernel.ts).
 *
 * Hidden units are handed out to the team's threads in blocks of 16 (64-byte rows, so no two
 * threads write one cache line) from a shared counter, so a thread slowed by other load takes
 * fewer. Each step is one fork-join: a thread runs the backward pass of step s and the forward
 * pass of step s+1 on each block it takes. The threads exchange only the blocks' partial
 * predictions (double-buffered, so a fast thread never overwrites what a slow one still reads),
 * summed in block order, so the result is the same for any number of threads. Inputs are uploaded once by `setData`; `train`
 * copies the initial parameters (transposing W, which is kept as W^T for SIMD over units).
 */
import type { WasmTeam } from '../../src/core/wasm/WasmTeam.js';
import { gd2Forward, gd2Step } from './wasm/calls.js';

/** Hidden units per work item: a multiple of the kernels' 8, and 64 bytes of a float32 row. */
const BLOCK = 16;

export class TwoLayerGd32 {
  private readonly dp: number;
  private readonly x: number;
  private readonly wt: number;
  private readonly a: number;
  private readonly h: number;
  private readonly p: number;
  private readonly y: number;
  private readonly r: number;
  private readonly u: number;
  private readonly mark: number;

  constructor(
    private readonly team: WasmTeam,
    readonly N: number,
    readonly d: number,
    readonly m: number,
  ) {
    if (N % 4 !== 0) throw new RangeError(`TwoLayerGd32: N must be a multiple of 4, got ${N}`);
    if (m % 8 !== 0) throw new RangeError(`TwoLayerGd32: the width m must be a multiple of 8, got ${m}`);
    this.dp = Math.ceil(d / 4) * 4;
    const T = team.threads;
    this.mark = team.mark();
    this.x = team.alloc(4 * N * this.dp);
    this.wt = team.alloc(4 * this.dp * m);
    this.a = team.alloc(4 * m);
    this.h = team.alloc(4 * N * m);
    this.p = team.alloc(4 * 2 * Math.ceil(m / BLOCK) * N);
    this.y = team.alloc(4 * N);
    this.r = team.alloc(4 * T * N);
    this.u = team.alloc(4 * 8 * T * N);
  }

  /** Uploads X (N x d, row-major) and y (N); X is zero-padded to a multiple of 4 columns. */
  setData(X: Float32Array, y: Float32Array): void {
    const { N, d, dp } = this;
    if (X.length !== N * d) throw new RangeError(`TwoLayerGd32.setData: X must have ${N * d} entries, got ${X.length}`);
    if (y.length !== N) throw new RangeError(`TwoLayerGd32.setData: y must have ${N} entries, got ${y.length}`);
    const Xm = this.team.f32(this.x, N * dp);
    Xm.fill(0);
    for (let i = 0; i < N; i++) Xm.set(X.subarray(i * d, i * d + d), i * dp);
    this.team.f32(this.y, N).set(y);
  }

  /** Runs `steps` GD steps from (W0, a0) and returns the loss after the last update. */
  train(W0: Float32Array, a0: Float32Array, steps: number, lr: number): number {
    const { N, d, m, dp, team } = this;
    if (W0.length !== m * d) throw new RangeError(`TwoLayerGd32.train: W0 must have ${m * d} entries, got ${W0.length}`);
    if (a0.length !== m) throw new RangeError(`TwoLayerGd32.train: a0 must have ${m} entries, got ${a0.length}`);
    const Wt = team.f32(this.wt, dp * m);
    Wt.fill(0);
    for (let j = 0; j < m; j++) for (let q = 0; q < d; q++) Wt[q * m + j] = W0[j * d + q];
    team.f32(this.a, m).set(a0);
    const parts = Math.ceil(m / BLOCK);
    const buf = (s: number) => this.p + 4 * (s % 2) * parts * N;
    const b = { block: BLOCK, xAddr: this.x, wtAddr: this.wt, aAddr: this.a, hAddr: this.h, N, dp, m };
    gd2Forward(team, b, buf(0));
    for (let s = 0; s < steps; s++) {
      gd2Step(team, b, {
        pReadAddr: buf(s),
        parts,
        pWriteAddr: buf(s + 1),
        yAddr: this.y,
        rAddr: (t) => this.r + 4 * t * N,
        uAddr: (t) => this.u + 32 * t * N,
        lr,
      });
    }
    const P = team.f32(buf(steps), parts * N);
    const y = team.f32(this.y, N);
    let se = 0;
    for (let i = 0; i < N; i++) {
      let p = 0;
      for (let b = 0; b < parts; b++) p = Math.fround(p + P[b * N + i]);
      const r = Math.fround(p - y[i]);
      se += r * r;
    }
    return (0.5 * se) / N;
  }

  dispose(): void {
    this.team.release(this.mark);
  }
}
