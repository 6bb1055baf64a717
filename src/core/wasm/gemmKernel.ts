/**
 * Emits a packed GEMM macro-kernel in wasm SIMD: C[tile] = beta*C[tile] + alpha * Ap Bp over a
 * range of MR x NR tiles (GotoBLAS layout).
 *
 * Packed layouts (see pack.ts): the A panel of tile-row `it` holds kc steps of MR scalars
 * (A[i0+r][p] at p*MR + r); the B panel of tile-column `jt` holds kc steps of NR scalars
 * (B[p][j0+c] at p*NR + c). kc must be a multiple of UNROLL (packers pad with zeros).
 *
 * Register blocking: MR rows x NV vectors (NR = NV * lanes) accumulators stay in v128 locals
 * for the whole kc loop; each step loads NV vectors of B and MR broadcast scalars of A. With
 * MR*NV accumulators + NV + 1 operands the 16 xmm registers V8 uses on x64 are not exceeded.
 * `tri` restricts the tiles to the lower triangle (used by SYRK-like Cholesky updates): tile
 * (it, jt) is computed only if its first column is <= its last row, with `diag` = row origin
 * minus column origin of the block.
 */
import type { FnBuilder, ModuleBuilder } from './emit.js';

export type Precision = 'f32' | 'f64';

export interface GemmShape {
  readonly precision: Precision;
  readonly MR: number;
  readonly NV: number;
  /** Scalars per vector: 4 for f32, 2 for f64. */
  readonly lanes: number;
  readonly NR: number;
  readonly size: number;
  /** Use relaxed-SIMD FMA in the micro-kernel (only where the engine supports it). */
  readonly fma: boolean;
}

/** Packed panels' depth kc is a multiple of this (the packers pad with zeros). */
export const UNROLL = 4;
/**
 * k steps per iteration of the micro-kernel's loop (divides UNROLL). 1 is fastest on V8/x64: a
 * manual 4x unroll measured 49.2 GFLOP/s on matmul-peak and 0.68 s on krr-relu-ntk against 86.4
 * GFLOP/s and 0.44 s without it (2-core Haswell, quiet machine, `npm run bench -- --only
 * matmul-peak,krr-relu-ntk`, 2026-12-06); 2 measured 46.6 GFLOP/s. The accumulation order per
 * accumulator is the same for every value, so results are bit-identical.
 */
export const MICRO_UNROLL: number = 1;

export function gemmShape(precision: Precision, MR: number, NV: number, fma = false): GemmShape {
  const lanes = precision === 'f32' ? 4 : 2;
  return { precision, MR, NV, lanes, NR: NV * lanes, size: precision === 'f32' ? 4 : 8, fma };
}

/**
 * Adds `gemm_<precision>(ap, bp, c, ldc, kc, it0, it1, jt0, jt1, jchunk, alpha, beta, tri, diag)`.
 * Byte addresses throughout; ldc is the byte stride between rows of C; alpha is f64 (converted
 * for f32); beta is 0 (overwrite) or 1 (accumulate). Tile columns are visited in chunks of
 * `jchunk`: for each chunk, every tile row runs over the chunk's columns, so the chunk's B
 * panels stay in L2 while each A panel stays in L1 (the GotoBLAS loop order).
 */
export function emitGemm(mb: ModuleBuilder, shape: GemmShape): void {
  const { precision, MR, NV, NR, size } = shape;
  const fx = precision === 'f32' ? 'f32x4' : 'f64x2';
  const splatLoad = precision === 'f32' ? 'v128.load32_splat' : 'v128.load64_splat';
  const f = mb.fn(`gemm_${precision}`, ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f64', 'i32', 'i32', 'i32']);
  const [ap, bp, c, ldc, kc, it0, it1, jt0, jt1, jchunk, alpha, beta, tri, diag] = f.params.map((_, i) => f.param(i));
  const it = f.local('i32');
  const jc = f.local('i32');
  const jcEnd = f.local('i32');
  const jt = f.local('i32');
  const jEnd = f.local('i32');
  const aPanel = f.local('i32');
  const pa = f.local('i32');
  const pb = f.local('i32');
  const pend = f.local('i32');
  const ct = f.local('i32');
  const crow = f.local('i32');
  const av = f.local('v128');
  const alphav = f.local('v128');
  const bv = Array.from({ length: NV }, () => f.local('v128'));
  const acc = Array.from({ length: MR }, () => Array.from({ length: NV }, () => f.local('v128')));

  f.get(alpha);
  if (precision === 'f32') f.op('f32.demote_f64');
  f.simd(`${fx}.splat`).set(alphav);

  // for (jc = jt0; jc < jt1; jc = jcEnd): a chunk of tile columns [jc, jcEnd)
  f.forRange(
    jc,
    () => f.get(jt0),
    jt1,
    0,
    () => {
      f.get(jc).get(jchunk).op('i32.add').set(jcEnd);
      f.get(jcEnd)
        .get(jt1)
        .op('i32.gt_s')
        .ifThen(() => f.get(jt1).set(jcEnd));
      emitTileRows();
      f.get(jcEnd).set(jc);
    },
  );

  function emitTileRows(): void {
    f.forRange(
      it,
      () => f.get(it0),
      it1,
      1,
      () => {
        // aPanel = ap + it*MR*kc*size
        f.get(ap)
          .get(it)
          .i32(MR * size)
          .op('i32.mul')
          .get(kc)
          .op('i32.mul')
          .op('i32.add')
          .set(aPanel);
        // jEnd = tri ? min(jt1, ceil(((it+1)*MR + diag)/NR)) : jt1
        f.get(jcEnd).set(jEnd);
        f.get(tri).ifThen(() => {
          f.get(it)
            .i32(1)
            .op('i32.add')
            .i32(MR)
            .op('i32.mul')
            .get(diag)
            .op('i32.add')
            .i32(NR - 1)
            .op('i32.add');
          f.i32(NR).op('i32.div_s').set(jEnd);
          f.get(jEnd)
            .get(jcEnd)
            .op('i32.gt_s')
            .ifThen(() => f.get(jcEnd).set(jEnd));
        });
        f.forRange(
          jt,
          () => f.get(jc),
          jEnd,
          1,
          () => {
            emitMicro(f, shape, fx, splatLoad, { aPanel, pa, pb, pend, bp, jt, kc, av, bv, acc });
            // C tile address: c + it*MR*ldc + jt*NR*size
            f.get(c).get(it).i32(MR).op('i32.mul').get(ldc).op('i32.mul').op('i32.add');
            f.get(jt)
              .i32(NR * size)
              .op('i32.mul')
              .op('i32.add')
              .set(ct);
            // The beta branch is taken once per tile, outside the kc loop: its cost is negligible.
            const store = (accumulate: boolean) => {
              f.get(ct).set(crow);
              for (let r = 0; r < MR; r++) {
                if (r > 0) f.get(crow).get(ldc).op('i32.add').set(crow);
                for (let v = 0; v < NV; v++) {
                  f.get(crow);
                  f.get(acc[r][v]).get(alphav).simd(`${fx}.mul`);
                  if (accumulate)
                    f.get(crow)
                      .mem('v128.load', v * 16)
                      .simd(`${fx}.add`);
                  f.mem('v128.store', v * 16);
                }
              }
            };
            f.get(beta).ifThen(
              () => store(true),
              () => store(false),
            );
          },
        );
      },
    );
  }
}

interface MicroLocals {
  aPanel: number;
  pa: number;
  pb: number;
  pend: number;
  bp: number;
  jt: number;
  kc: number;
  av: number;
  bv: number[];
  acc: number[][];
}

function emitMicro(
  f: FnBuilder,
  shape: GemmShape,
  fx: 'f32x4' | 'f64x2',
  splatLoad: 'v128.load32_splat' | 'v128.load64_splat',
  l: MicroLocals,
): void {
  const { MR, NV, NR, size, lanes } = shape;
  for (const row of l.acc) for (const a of row) f.v128zero().set(a);
  f.get(l.aPanel).set(l.pa);
  f.get(l.bp)
    .get(l.jt)
    .i32(NR * size)
    .op('i32.mul')
    .get(l.kc)
    .op('i32.mul')
    .op('i32.add')
    .set(l.pb);
  f.get(l.pa)
    .get(l.kc)
    .i32(MR * size)
    .op('i32.mul')
    .op('i32.add')
    .set(l.pend);
  f.block(() => {
    f.get(l.pa).get(l.pend).op('i32.ge_s').brIf(0);
    f.loop(() => {
      for (let u = 0; u < MICRO_UNROLL; u++) {
        for (let v = 0; v < NV; v++)
          f.get(l.pb)
            .mem('v128.load', (u * NR + v * lanes) * size)
            .set(l.bv[v]);
        for (let r = 0; r < MR; r++) {
          f.get(l.pa)
            .mem(splatLoad, (u * MR + r) * size)
            .set(l.av);
          for (let v = 0; v < NV; v++) {
            if (shape.fma) f.get(l.av).get(l.bv[v]).get(l.acc[r][v]).relaxedMadd(fx).set(l.acc[r][v]);
            else f.get(l.acc[r][v]).get(l.av).get(l.bv[v]).simd(`${fx}.mul`).simd(`${fx}.add`).set(l.acc[r][v]);
          }
        }
      }
      f.inc(l.pa, MICRO_UNROLL * MR * size).inc(l.pb, MICRO_UNROLL * NR * size);
      f.get(l.pa).get(l.pend).op('i32.lt_s').brIf(0);
    });
  });
}

/**
 * Adds `gemm_<precision>_dyn(counter, chunk, ap, bp, c, ldc, kc, it0, it1, jt0, jt1, jchunk, alpha,
 * beta, tri, diag)`: the same product, but tile rows are handed out in chunks of `chunk` from
 * the shared i32 at byte address `counter` (atomic add), so every thread of a team can call it
 * with the same arguments and a thread slowed by other load simply takes fewer chunks. The
 * caller zeroes the counter before the call.
 */
export function emitGemmDynamic(mb: ModuleBuilder, shape: GemmShape): void {
  const f = mb.fn(`gemm_${shape.precision}_dyn`, [
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'i32',
    'f64',
    'i32',
    'i32',
    'i32',
  ]);
  const [counter, chunk, ap, bp, c, ldc, kc, it0, it1, jt0, jt1, jchunk, alpha, beta, tri, diag] = f.params.map((_, i) => f.param(i));
  const lo = f.local('i32');
  const hi = f.local('i32');
  const gemm = mb.index(`gemm_${shape.precision}`);
  f.block(() => {
    f.loop(() => {
      // lo = it0 + chunk * atomic_add(counter, 1)
      f.get(counter).i32(1).atomicAdd().get(chunk).op('i32.mul').get(it0).op('i32.add').tee(lo);
      f.get(it1).op('i32.ge_s').brIf(1);
      f.get(lo).get(chunk).op('i32.add').set(hi);
      f.get(hi)
        .get(it1)
        .op('i32.gt_s')
        .ifThen(() => f.get(it1).set(hi));
      for (const l of [ap, bp, c, ldc, kc]) f.get(l);
      f.get(lo).get(hi);
      for (const l of [jt0, jt1, jchunk, alpha, beta, tri, diag]) f.get(l);
      f.call(gemm);
      f.br(0);
    });
  });
}

/**
 * Adds the packers as wasm (scalar copies; B panels by 16-byte vectors), so that packing can
 * be split over a team's threads too:
 *   pack_rows_<p>(dst, src, ld, R, kc, kcPad, t0, t1): dst[t][q][r] = src[(t*R + r)*ld + q]
 *   pack_cols_<p>(dst, src, ld, R, kc, kcPad, t0, t1): dst[t][q][c] = src[q*ld + t*R + c]
 * for tiles t in [t0, t1), zero for q in [kc, kcPad); ld in elements. Rows and columns must be
 * whole tiles (the callers' shapes guarantee it); R*size must be a multiple of 16 for pack_cols.
 */
export function emitPackers(mb: ModuleBuilder, precision: Precision): void {
  const size = precision === 'f32' ? 4 : 8;
  const load = precision === 'f32' ? 'f32.load' : 'f64.load';
  const store = precision === 'f32' ? 'f32.store' : 'f64.store';
  {
    const f = mb.fn(`pack_rows_${precision}`, ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
    const [dst, src, ld, R, kc, kcPad, t0, t1] = f.params.map((_, i) => f.param(i));
    const t = f.local('i32'),
      r = f.local('i32'),
      q = f.local('i32'),
      s = f.local('i32'),
      dd = f.local('i32'),
      step = f.local('i32');
    f.get(R).i32(size).op('i32.mul').set(step);
    f.forRange(
      t,
      () => f.get(t0),
      t1,
      1,
      () => {
        f.forRange(
          r,
          () => f.i32(0),
          R,
          1,
          () => {
            // s = src + ((t*R + r)*ld)*size; dd = dst + (t*R*kcPad + r)*size
            f.get(src).get(t).get(R).op('i32.mul').get(r).op('i32.add').get(ld).op('i32.mul').i32(size).op('i32.mul').op('i32.add').set(s);
            f.get(dst)
              .get(t)
              .get(R)
              .op('i32.mul')
              .get(kcPad)
              .op('i32.mul')
              .get(r)
              .op('i32.add')
              .i32(size)
              .op('i32.mul')
              .op('i32.add')
              .set(dd);
            f.forRange(
              q,
              () => f.i32(0),
              kc,
              1,
              () => {
                f.get(dd).get(s).mem(load, 0).mem(store, 0);
                f.inc(s, size).incBy(dd, step);
              },
            );
            f.forRange(
              q,
              () => f.get(kc),
              kcPad,
              1,
              () => {
                f.get(dd);
                if (precision === 'f32') f.f32(0);
                else f.f64(0);
                f.mem(store, 0);
                f.incBy(dd, step);
              },
            );
          },
        );
      },
    );
  }
  {
    const f = mb.fn(`pack_cols_${precision}`, ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
    const [dst, src, ld, R, kc, kcPad, t0, t1] = f.params.map((_, i) => f.param(i));
    const t = f.local('i32'),
      q = f.local('i32'),
      s = f.local('i32'),
      dd = f.local('i32'),
      c = f.local('i32'),
      bytes = f.local('i32');
    f.get(R).i32(size).op('i32.mul').set(bytes);
    f.forRange(
      t,
      () => f.get(t0),
      t1,
      1,
      () => {
        f.get(dst).get(t).get(kcPad).op('i32.mul').get(bytes).op('i32.mul').op('i32.add').set(dd);
        f.forRange(
          q,
          () => f.i32(0),
          kcPad,
          1,
          () => {
            f.get(q)
              .get(kc)
              .op('i32.lt_s')
              .ifThen(
                () => {
                  f.get(src)
                    .get(q)
                    .get(ld)
                    .op('i32.mul')
                    .get(t)
                    .get(R)
                    .op('i32.mul')
                    .op('i32.add')
                    .i32(size)
                    .op('i32.mul')
                    .op('i32.add')
                    .set(s);
                  f.forRange(
                    c,
                    () => f.i32(0),
                    bytes,
                    16,
                    () => {
                      f.get(dd).get(c).op('i32.add').get(s).get(c).op('i32.add').mem('v128.load', 0).mem('v128.store', 0);
                    },
                  );
                },
                () => {
                  f.forRange(
                    c,
                    () => f.i32(0),
                    bytes,
                    16,
                    () => {
                      f.get(dd).get(c).op('i32.add').v128zero().mem('v128.store', 0);
                    },
                  );
                },
              );
            f.incBy(dd, bytes);
          },
        );
      },
    );
  }
}
