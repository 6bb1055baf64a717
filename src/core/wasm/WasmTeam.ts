/**
 * A team of threads running one wasm module over one shared memory: the main thread plus
 * `threads - 1` worker_threads, each with its own instance of the same module.
 *
 * Why: wasm SIMD kernels run one core each; a 2-core machine doubles the throughput of
 * compute-bound work (GEMM, Cholesky updates, fused training steps) when both cores take half
 * the tiles. Work is handed out with `run([...calls])`: call 0 runs on the main thread, call t
 * on worker t, and `run` returns when all are done (a barrier). Hand-off uses a control slot
 * per worker in shared memory with Atomics (a short spin, then a futex wait), ~5-20 us per
 * barrier, so teams suit calls of 100 us and more.
 *
 * The memory's first CONTROL_BYTES hold the slots; `alloc` hands out the rest (bump allocator
 * with `mark`/`release`), growing the memory as needed. Workers are unref'd: an idle team does
 * not keep the process alive; `close()` ends them.
 */
import { Worker } from 'node:worker_threads';

const SLOT_BYTES = 512;
const MAX_ARGS = 48;
const MAX_THREADS = 32;
const CONTROL_BYTES = SLOT_BYTES * MAX_THREADS;
const PAGE = 65536;

/** Runs inside each worker (CommonJS, eval'd): wait for a call, run it, report done. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, slot, names, spin } = workerData;
const inst = new WebAssembly.Instance(module, { env: { mem: memory } });
const fns = names.map((n) => inst.exports[n]);
const ctl = new Int32Array(memory.buffer, slot, 16);
const argv = new Float64Array(memory.buffer, slot + 64, ${MAX_ARGS});
let seen = 0;
for (;;) {
  let spins = 0;
  while (Atomics.load(ctl, 0) === seen) {
    if (++spins > spin) { Atomics.wait(ctl, 0, seen); spins = 0; }
  }
  seen = Atomics.load(ctl, 0);
  if (seen < 0) break;
  const n = ctl[3];
  const args = new Array(n);
  for (let i = 0; i < n; i++) args[i] = argv[i];
  try { fns[ctl[2]](...args); ctl[4] = 0; } catch (e) { ctl[4] = 1; console.error('wasm team worker:', e); }
  Atomics.store(ctl, 1, seen);
  Atomics.notify(ctl, 1);
}
`;

export type Call = readonly [name: string, args: readonly number[]] | null;

export class WasmTeam {
  readonly exports: Record<string, (...args: number[]) => number | void>;
  private readonly names: string[];
  private readonly workers: Worker[];
  private readonly ctl: Int32Array[];
  private readonly argv: Float64Array[];
  private top = CONTROL_BYTES;
  private seq = 0;
  private closed = false;

  private constructor(
    readonly memory: WebAssembly.Memory,
    readonly threads: number,
    module: WebAssembly.Module,
    private readonly spin: number,
    private readonly maxBytes: number,
  ) {
    const inst = new WebAssembly.Instance(module, { env: { mem: memory } });
    this.exports = inst.exports as unknown as WasmTeam['exports'];
    this.names = WebAssembly.Module.exports(module)
      .filter((e) => e.kind === 'function')
      .map((e) => e.name);
    this.workers = [];
    this.ctl = [];
    this.argv = [];
    for (let t = 1; t < threads; t++) {
      const slot = t * SLOT_BYTES;
      this.ctl.push(new Int32Array(memory.buffer, slot, 16));
      this.argv.push(new Float64Array(memory.buffer, slot + 64, MAX_ARGS));
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, slot, names: this.names, spin } });
      w.unref();
      this.workers.push(w);
    }
  }

  /**
   * Creates a team over a fresh shared memory. `maxBytes` bounds the memory (address space is
   * reserved, not committed); `spin` is how many polls a waiting thread makes before sleeping.
   */
  static create(module: WebAssembly.Module, opts: { threads: number; maxBytes: number; spin?: number }): WasmTeam {
    const threads = Math.floor(opts.threads);
    if (!(threads >= 1 && threads <= MAX_THREADS)) {
      throw new RangeError(`WasmTeam: threads must be an integer in [1, ${MAX_THREADS}], got ${opts.threads}`);
    }
    const maxPages = Math.min(65536, Math.ceil(opts.maxBytes / PAGE));
    const memory = new WebAssembly.Memory({ initial: Math.ceil(CONTROL_BYTES / PAGE) + 1, maximum: maxPages, shared: true });
    return new WasmTeam(memory, threads, module, opts.spin ?? 20000, maxPages * PAGE);
  }

  /** Byte offset of `bytes` fresh bytes (64-byte aligned, contents unspecified). */
  alloc(bytes: number): number {
    const at = Math.ceil(this.top / 64) * 64;
    const end = at + bytes;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      if (end > this.maxBytes) throw new RangeError(`WasmTeam.alloc: ${end} bytes needed, the memory allows ${this.maxBytes}`);
      this.memory.grow(Math.ceil((end - have) / PAGE));
    }
    this.top = end;
    return at;
  }
  mark(): number {
    return this.top;
  }
  release(mark: number): void {
    if (mark < CONTROL_BYTES || mark > this.top) throw new RangeError(`WasmTeam.release: bad mark ${mark}`);
    this.top = mark;
  }
  f64(offset: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, offset, length);
  }
  f32(offset: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, offset, length);
  }

  /** Runs calls[t] on thread t (0 = this thread) and waits for all: a fork-join barrier. */
  run(calls: readonly Call[]): void {
    if (this.closed) throw new Error('WasmTeam.run: the team is closed');
    if (calls.length > this.threads) throw new RangeError(`WasmTeam.run: ${calls.length} calls for ${this.threads} threads`);
    const seq = ++this.seq;
    const posted: number[] = [];
    for (let t = 1; t < calls.length; t++) {
      const call = calls[t];
      if (!call) continue;
      const [name, args] = call;
      const id = this.names.indexOf(name);
      if (id < 0) throw new Error(`WasmTeam.run: the module exports no function "${name}"`);
      if (args.length > MAX_ARGS) throw new RangeError(`WasmTeam.run: at most ${MAX_ARGS} arguments`);
      const ctl = this.ctl[t - 1];
      const argv = this.argv[t - 1];
      for (let i = 0; i < args.length; i++) argv[i] = args[i];
      ctl[2] = id;
      ctl[3] = args.length;
      Atomics.store(ctl, 0, seq);
      Atomics.notify(ctl, 0);
      posted.push(t);
    }
    const own = calls[0];
    if (own) {
      const fn = this.exports[own[0]];
      if (typeof fn !== 'function') throw new Error(`WasmTeam.run: the module exports no function "${own[0]}"`);
      fn(...own[1]);
    }
    let failed = false;
    for (const t of posted) {
      const ctl = this.ctl[t - 1];
      let spins = 0;
      for (;;) {
        const done = Atomics.load(ctl, 1);
        if (done === seq) break;
        if (++spins > this.spin) {
          Atomics.wait(ctl, 1, done, 50);
          spins = 0;
        }
      }
      if (ctl[4] !== 0) failed = true;
    }
    if (failed) throw new Error('WasmTeam.run: a worker call failed (see its message above)');
  }

  /**
   * Runs the same call on every thread, with a fresh shared work counter (an i32 in the control
   * area, zeroed first) passed as the first argument: for kernels that hand out work
   * dynamically (e.g. gemm_*_dyn). `args` may depend on the thread (e.g. its scratch space).
   */
  runShared(name: string, args: readonly number[] | ((thread: number) => readonly number[])): void {
    const counter = 60; // bytes 60..63 of slot 0: unused by the slots of workers (they start at slot 1)
    new Int32Array(this.memory.buffer, counter, 1)[0] = 0;
    this.run(Array.from({ length: this.threads }, (_, t): Call => [name, [counter, ...(typeof args === 'function' ? args(t) : args)]]));
  }

  /** Splits [0, n) into `threads` contiguous ranges whose weights sum(weight(i)) are about equal. */
  static split(n: number, parts: number, weight: (i: number) => number = () => 1): number[] {
    const cum: number[] = [0];
    for (let i = 0; i < n; i++) cum.push(cum[i] + weight(i));
    const total = cum[n];
    const cuts = [0];
    let i = 0;
    for (let p = 1; p < parts; p++) {
      const goal = (total * p) / parts;
      while (i < n && cum[i] < goal) i++;
      cuts.push(Math.max(i, cuts[cuts.length - 1]));
    }
    cuts.push(n);
    return cuts;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const ctl of this.ctl) {
      Atomics.store(ctl, 0, -1);
      Atomics.notify(ctl, 0);
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
