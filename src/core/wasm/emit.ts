/**
 * A tiny WebAssembly binary emitter, enough to write SIMD compute kernels from TypeScript.
 *
 * Why: TF.js is float32-only and pays ~12 us per op, and plain JS cannot use SIMD. Emitting the
 * few hot loops (GEMM micro-kernels, fused training steps) as wasm with 128-bit SIMD gives
 * 2-4 lanes per instruction without a native toolchain or a build step: the module is assembled
 * in memory when first needed. Every module imports one shared memory (`env.mem`), so the same
 * instance code can run on several worker threads over the same arrays (see WasmTeam.ts).
 *
 * Only what the kernels use is here: i32/f32/f64 scalars, v128 loads/stores/arithmetic,
 * structured control flow, locals. Opcodes follow the WebAssembly core spec and SIMD proposal.
 */
export type ValType = 'i32' | 'f32' | 'f64' | 'v128';
const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

function uleb(n: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`uleb: expected a non-negative integer, got ${n}`);
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  if (!Number.isInteger(n)) throw new RangeError(`sleb: expected an integer, got ${n}`);
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n = Math.floor(n / 128);
    const done = (n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** Scalar opcodes by mnemonic (single byte). */
const OPS = {
  'i32.eqz': 0x45,
  'i32.eq': 0x46,
  'i32.ne': 0x47,
  'i32.lt_s': 0x48,
  'i32.lt_u': 0x49,
  'i32.gt_s': 0x4a,
  'i32.le_s': 0x4c,
  'i32.ge_s': 0x4e,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'i32.div_s': 0x6d,
  'i32.and': 0x71,
  'i32.or': 0x72,
  'i32.shl': 0x74,
  'i32.shr_s': 0x75,
  'f32.gt': 0x5e,
  'f32.abs': 0x8b,
  'f32.neg': 0x8c,
  'f32.sqrt': 0x91,
  'f32.add': 0x92,
  'f32.sub': 0x93,
  'f32.mul': 0x94,
  'f32.div': 0x95,
  'f32.min': 0x96,
  'f32.max': 0x97,
  'f64.lt': 0x63,
  'f64.gt': 0x64,
  'f64.le': 0x65,
  'f64.ge': 0x66,
  'f64.abs': 0x99,
  'f64.neg': 0x9a,
  'f64.sqrt': 0x9f,
  'f64.add': 0xa0,
  'f64.sub': 0xa1,
  'f64.mul': 0xa2,
  'f64.div': 0xa3,
  'f64.min': 0xa4,
  'f64.max': 0xa5,
  'f32.convert_i32_s': 0xb2,
  'f64.convert_i32_s': 0xb7,
  'f32.demote_f64': 0xb6,
  'f64.promote_f32': 0xbb,
  drop: 0x1a,
  select: 0x1b,
  return: 0x0f,
} as const;

/** SIMD opcodes (prefix 0xfd, then the LEB128 index). */
const SIMD = {
  'f32x4.splat': 0x13,
  'f64x2.splat': 0x14,
  'f32x4.gt': 0x44,
  'f64x2.lt': 0x49,
  'f64x2.gt': 0x4a,
  'v128.and': 0x4e,
  'v128.or': 0x50,
  'v128.xor': 0x51,
  'v128.bitselect': 0x52,
  'f32x4.abs': 0xe0,
  'f32x4.neg': 0xe1,
  'f32x4.sqrt': 0xe3,
  'f32x4.add': 0xe4,
  'f32x4.sub': 0xe5,
  'f32x4.mul': 0xe6,
  'f32x4.div': 0xe7,
  'f32x4.min': 0xe8,
  'f32x4.max': 0xe9,
  'f64x2.abs': 0xec,
  'f64x2.neg': 0xed,
  'f64x2.sqrt': 0xef,
  'f64x2.add': 0xf0,
  'f64x2.sub': 0xf1,
  'f64x2.mul': 0xf2,
  'f64x2.div': 0xf3,
  'f64x2.min': 0xf4,
  'f64x2.max': 0xf5,
} as const;

/** Memory access opcodes: [prefix or -1, opcode, natural alignment log2]. */
const MEM = {
  'i32.load': [-1, 0x28, 2],
  'f32.load': [-1, 0x2a, 2],
  'f64.load': [-1, 0x2b, 3],
  'i32.store': [-1, 0x36, 2],
  'f32.store': [-1, 0x38, 2],
  'f64.store': [-1, 0x39, 3],
  'v128.load': [0xfd, 0x00, 4],
  'v128.load32_splat': [0xfd, 0x09, 2],
  'v128.load64_splat': [0xfd, 0x0a, 3],
  'v128.store': [0xfd, 0x0b, 4],
} as const;

export type ScalarOp = keyof typeof OPS;
export type SimdOp = keyof typeof SIMD;
export type MemOp = keyof typeof MEM;

/**
 * One function body under construction. Locals are allocated by `local()`; control flow is
 * structured (`block`, `loop`, `ifThen`) with callbacks so nesting mirrors the source.
 */
export class FnBuilder {
  readonly body: number[] = [];
  private readonly localTypes: ValType[] = [];
  constructor(
    readonly name: string,
    readonly params: readonly ValType[],
    readonly results: readonly ValType[],
  ) {}

  /** Index of parameter `i` (parameters come first in the local index space). */
  param(i: number): number {
    if (i < 0 || i >= this.params.length) throw new RangeError(`${this.name}: no parameter ${i}`);
    return i;
  }
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }
  op(name: ScalarOp): this {
    this.body.push(OPS[name]);
    return this;
  }
  simd(name: SimdOp): this {
    this.body.push(0xfd, ...uleb(SIMD[name]));
    return this;
  }
  /** Memory access with a constant byte offset added to the address on the stack. */
  mem(name: MemOp, offset = 0): this {
    const [prefix, code, align] = MEM[name];
    if (prefix >= 0) this.body.push(prefix, ...uleb(code));
    else this.body.push(code);
    this.body.push(...uleb(align), ...uleb(offset));
    return this;
  }
  get(l: number): this {
    this.body.push(0x20, ...uleb(l));
    return this;
  }
  set(l: number): this {
    this.body.push(0x21, ...uleb(l));
    return this;
  }
  tee(l: number): this {
    this.body.push(0x22, ...uleb(l));
    return this;
  }
  i32(c: number): this {
    this.body.push(0x41, ...sleb(c | 0));
    return this;
  }
  f32(c: number): this {
    const b = new Uint8Array(new Float32Array([c]).buffer);
    this.body.push(0x43, ...b);
    return this;
  }
  f64(c: number): this {
    const b = new Uint8Array(new Float64Array([c]).buffer);
    this.body.push(0x44, ...b);
    return this;
  }
  /** i32.atomic.rmw.add at the address on the stack (+ offset): pushes the old value. */
  atomicAdd(offset = 0): this {
    this.body.push(0xfe, 0x1e, 2, ...uleb(offset));
    return this;
  }
  /**
   * Relaxed-SIMD fused multiply-add, acc = a*b + acc with operands pushed as (a, b, acc):
   * f32x4.relaxed_madd / f64x2.relaxed_madd. Only valid where relaxed SIMD is enabled
   * (see relaxedSimdSupported); the engine may fuse or not, so results can differ in the last bit.
   */
  relaxedMadd(kind: 'f32x4' | 'f64x2'): this {
    this.body.push(0xfd, ...uleb(kind === 'f32x4' ? 0x105 : 0x107));
    return this;
  }
  /** v128.const with all lanes zero. */
  v128zero(): this {
    this.body.push(0xfd, ...uleb(0x0c), ...new Array<number>(16).fill(0));
    return this;
  }
  /** v128 lane replacement: f32x4.replace_lane / f64x2.replace_lane (vector, scalar on the stack). */
  replaceLane(kind: 'f32x4' | 'f64x2', lane: number): this {
    this.body.push(0xfd, ...uleb(kind === 'f32x4' ? 0x20 : 0x22), lane);
    return this;
  }
  /** v128 lane extraction: f32x4.extract_lane / f64x2.extract_lane. */
  extract(kind: 'f32x4' | 'f64x2', lane: number): this {
    this.body.push(0xfd, ...uleb(kind === 'f32x4' ? 0x1f : 0x21), lane);
    return this;
  }
  block(inner: () => void): this {
    this.body.push(0x02, 0x40);
    inner();
    this.body.push(0x0b);
    return this;
  }
  loop(inner: () => void): this {
    this.body.push(0x03, 0x40);
    inner();
    this.body.push(0x0b);
    return this;
  }
  ifThen(inner: () => void, otherwise?: () => void): this {
    this.body.push(0x04, 0x40);
    inner();
    if (otherwise) {
      this.body.push(0x05);
      otherwise();
    }
    this.body.push(0x0b);
    return this;
  }
  /** Calls the function with the given index (its position in the module, see ModuleBuilder.index). */
  call(index: number): this {
    this.body.push(0x10, ...uleb(index));
    return this;
  }
  br(depth: number): this {
    this.body.push(0x0c, ...uleb(depth));
    return this;
  }
  brIf(depth: number): this {
    this.body.push(0x0d, ...uleb(depth));
    return this;
  }
  /** local += c (i32). */
  inc(l: number, c: number): this {
    return this.get(l).i32(c).op('i32.add').set(l);
  }
  /** local += other local (i32). */
  incBy(l: number, other: number): this {
    return this.get(l).get(other).op('i32.add').set(l);
  }
  /**
   * for (i = start; i < end; i += step) body, with `start`/`end` pushed by callbacks.
   * The loop is skipped when start >= end.
   */
  forRange(i: number, start: () => void, end: number, step: number, inner: () => void): this {
    start();
    this.set(i);
    return this.block(() => {
      this.get(i).get(end).op('i32.ge_s').brIf(0);
      this.loop(() => {
        inner();
        this.inc(i, step);
        this.get(i).get(end).op('i32.lt_s').brIf(0);
      });
    });
  }

  encode(): number[] {
    const groups: number[][] = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === TYPE_CODE[t]) last[0]++;
      else groups.push([1, TYPE_CODE[t]]);
    }
    const code = [...vec(groups.map(([n, t]) => [...uleb(n), t])), ...this.body, 0x0b];
    return [...uleb(code.length), ...code];
  }
}

/** A module importing one shared memory `env.mem` and exporting every function by name. */
export class ModuleBuilder {
  private readonly fns: FnBuilder[] = [];

  fn(name: string, params: readonly ValType[], results: readonly ValType[] = []): FnBuilder {
    if (this.fns.some((f) => f.name === name)) throw new Error(`ModuleBuilder: duplicate function ${name}`);
    const f = new FnBuilder(name, params, results);
    this.fns.push(f);
    return f;
  }

  /** Index of a function added earlier, for `call`. */
  index(name: string): number {
    const i = this.fns.findIndex((f) => f.name === name);
    if (i < 0) throw new Error(`ModuleBuilder: no function ${name}`);
    return i;
  }

  /** Encodes the module; `maxPages` bounds the shared memory it imports (64 KiB pages). */
  encode(maxPages: number): Uint8Array<ArrayBuffer> {
    const sig = (f: FnBuilder) => [0x60, ...vec(f.params.map((t) => [TYPE_CODE[t]])), ...vec(f.results.map((t) => [TYPE_CODE[t]]))];
    const types = section(1, vec(this.fns.map(sig)));
    // import env.mem: memory, limits flag 3 = shared with maximum.
    const name = (s: string) => [...uleb(utf8(s).length), ...utf8(s)];
    const imports = section(2, vec([[...name('env'), ...name('mem'), 0x02, 0x03, ...uleb(1), ...uleb(maxPages)]]));
    const funcs = section(3, vec(this.fns.map((_, i) => uleb(i))));
    const exports = section(7, vec(this.fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])));
    const code = section(10, vec(this.fns.map((f) => f.encode())));
    return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exports, ...code]);
  }
}

/** True if this engine validates relaxed-SIMD FMA (Node >= 22, or V8's relaxed SIMD flag set). */
export function relaxedSimdSupported(): boolean {
  const mb = new ModuleBuilder();
  const f = mb.fn('t', [], ['v128']);
  f.v128zero().v128zero().v128zero().relaxedMadd('f32x4');
  try {
    return WebAssembly.validate(mb.encode(1));
  } catch {
    return false;
  }
}
