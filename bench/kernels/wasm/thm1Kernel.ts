/**
 * The row pass of Shamir's Theorem 1 batch (thm1Batch64.ts) as a wasm f64x2 kernel: two rows
 * of an instance per vector, so every weight is loaded once per row pair and every product
 * covers two rows. Instances are handed out in chunks from a shared counter (one call per team
 * thread, each with its own scratch space).
 *
 *   thm1_rows(counter, chunk, X, y, A, c, B, w, V, out, scratch, n, d, h, k, instances)
 *
 * writes, per instance, out[inst*L .. inst*L+L) = [rr, Z^T r (d), f(X)^T r (k), X^T y (d),
 * X^T X lower (d(d+1)/2)] with L = 1 + 2d + k + d(d+1)/2: the layout of thm1RowKernel.ts,
 * summed in another order (two interleaved partial sums), so equal to rounding. n must be
 * even. scratch needs (2d + h + k + L) * 16 bytes per thread. Byte addresses; counts as i32.
 */
import type { ModuleBuilder } from '../../../src/core/wasm/emit.js';

export const thm1ScratchBytes = (d: number, h: number, k: number): number => 16 * (2 * d + h + k + thm1AccLength(d, k));
export const thm1AccLength = (d: number, k: number): number => 1 + 2 * d + k + (d * (d + 1)) / 2;

export function emitThm1Rows(mb: ModuleBuilder, fma: boolean): void {
  const f = mb.fn(
    'thm1_rows',
    Array.from({ length: 16 }, () => 'i32' as const),
  );
  const [counter, chunk, X, y, A, c, B, w, V, out, scratch, n, d, h, k, instances] = f.params.map((_, i) => f.param(i));
  const L = (l: string) => f.local(l === 'v' ? 'v128' : 'i32');
  const inst = L('i'),
    instEnd = L('i'),
    i = L('i'),
    a = L('i'),
    b = L('i'),
    j = L('i'),
    q = L('i');
  const xo = L('i'),
    ao = L('i'),
    bo = L('i'),
    vo = L('i'),
    wo = L('i'),
    yo = L('i'),
    co = L('i');
  const XV = L('i'),
    HID = L('i'),
    F = L('i'),
    Z = L('i'),
    ACC = L('i'),
    nacc = L('i');
  const r0 = L('i'),
    r1 = L('i'),
    wp = L('i'),
    pp = L('i'),
    g = L('i');
  const s = L('v'),
    p = L('v'),
    r = L('v'),
    yv = L('v'),
    xrow = L('v'),
    zero = L('v');

  /** Pushes acc + x*y, the operands pushed by callbacks (in the order each form needs). */
  const madd = (acc: () => void, x: () => void, y: () => void) => {
    if (fma) {
      x();
      y();
      acc();
      f.relaxedMadd('f64x2');
    } else {
      acc();
      x();
      y();
      f.simd('f64x2.mul').simd('f64x2.add');
    }
  };
  const addr = (base: number, idx: number, scale: number) => f.get(base).get(idx).i32(scale).op('i32.mul').op('i32.add');
  /** acc[off + idx] (v128 slot in scratch) += x * y, with x and y pushed by callbacks. */
  const accumulate = (slot: () => void, x: () => void, yy: () => void) => {
    slot();
    f.tee(pp);
    madd(() => f.get(pp).mem('v128.load'), x, yy);
    f.mem('v128.store');
  };

  f.v128zero().set(zero);
  f.get(d)
    .i32(2)
    .op('i32.mul')
    .get(k)
    .op('i32.add')
    .get(d)
    .get(d)
    .i32(1)
    .op('i32.add')
    .op('i32.mul')
    .i32(2)
    .op('i32.div_s')
    .op('i32.add')
    .i32(1)
    .op('i32.add')
    .set(nacc);
  // scratch layout: XV[d] HID[h] F[k] Z[d] ACC[nacc], 16 bytes each
  f.get(scratch).set(XV);
  addr(XV, d, 16).set(HID);
  addr(HID, h, 16).set(F);
  addr(F, k, 16).set(Z);
  addr(Z, d, 16).set(ACC);
  f.block(() =>
    f.loop(() => {
      // [inst, instEnd) = next chunk
      f.get(counter).i32(1).atomicAdd().get(chunk).op('i32.mul').tee(inst).get(instances).op('i32.ge_s').brIf(1);
      f.get(inst).get(chunk).op('i32.add').set(instEnd);
      f.get(instEnd)
        .get(instances)
        .op('i32.gt_s')
        .ifThen(() => f.get(instances).set(instEnd));
      f.block(() =>
        f.loop(() => {
          f.get(inst).get(instEnd).op('i32.ge_s').brIf(1);
          emitInstance();
          f.inc(inst, 1).br(0);
        }),
      );
      f.br(0);
    }),
  );

  function emitInstance(): void {
    // per-instance bases (bytes)
    f.get(X).get(inst).get(n).op('i32.mul').get(d).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(xo);
    f.get(y).get(inst).get(n).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(yo);
    f.get(A).get(inst).get(h).op('i32.mul').get(d).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(ao);
    f.get(c).get(inst).get(h).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(co);
    f.get(B).get(inst).get(k).op('i32.mul').get(h).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(bo);
    f.get(w).get(inst).get(d).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(wo);
    f.get(V).get(inst).get(d).op('i32.mul').get(k).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(vo);
    f.forRange(
      a,
      () => f.i32(0),
      nacc,
      1,
      () => {
        addr(ACC, a, 16).get(zero).mem('v128.store');
      },
    );
    f.forRange(
      i,
      () => f.i32(0),
      n,
      2,
      () => {
        // rows i, i+1
        f.get(xo).get(i).get(d).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(r0);
        f.get(r0).get(d).i32(8).op('i32.mul').op('i32.add').set(r1);
        f.forRange(
          a,
          () => f.i32(0),
          d,
          1,
          () => {
            addr(XV, a, 16);
            addr(r0, a, 8).mem('f64.load').simd('f64x2.splat');
            addr(r1, a, 8).mem('f64.load').replaceLane('f64x2', 1);
            f.mem('v128.store');
          },
        );
        // hidden: relu(c_j + A_j . x)
        f.get(ao).set(wp);
        f.forRange(
          j,
          () => f.i32(0),
          h,
          1,
          () => {
            addr(co, j, 8).mem('v128.load64_splat').set(s);
            f.forRange(
              a,
              () => f.i32(0),
              d,
              1,
              () => {
                madd(
                  () => f.get(s),
                  () => f.get(wp).mem('v128.load64_splat'),
                  () => addr(XV, a, 16).mem('v128.load'),
                );
                f.set(s);
                f.inc(wp, 8);
              },
            );
            addr(HID, j, 16).get(s).get(zero).simd('f64x2.max').mem('v128.store');
          },
        );
        // f = B hid
        f.get(bo).set(wp);
        f.forRange(
          q,
          () => f.i32(0),
          k,
          1,
          () => {
            f.get(zero).set(s);
            f.forRange(
              j,
              () => f.i32(0),
              h,
              1,
              () => {
                madd(
                  () => f.get(s),
                  () => f.get(wp).mem('v128.load64_splat'),
                  () => addr(HID, j, 16).mem('v128.load'),
                );
                f.set(s);
                f.inc(wp, 8);
              },
            );
            addr(F, q, 16).get(s).mem('v128.store');
          },
        );
        // z = x + V f;  p = z . w
        f.get(zero).set(p);
        f.get(vo).set(wp);
        f.forRange(
          a,
          () => f.i32(0),
          d,
          1,
          () => {
            addr(XV, a, 16).mem('v128.load').set(s);
            f.forRange(
              q,
              () => f.i32(0),
              k,
              1,
              () => {
                madd(
                  () => f.get(s),
                  () => f.get(wp).mem('v128.load64_splat'),
                  () => addr(F, q, 16).mem('v128.load'),
                );
                f.set(s);
                f.inc(wp, 8);
              },
            );
            addr(Z, a, 16).get(s).mem('v128.store');
            madd(
              () => f.get(p),
              () => f.get(s),
              () => addr(wo, a, 8).mem('v128.load64_splat'),
            );
            f.set(p);
          },
        );
        addr(yo, i, 8).mem('v128.load').set(yv);
        f.get(p).get(yv).simd('f64x2.sub').set(r);
        // accumulators
        accumulate(
          () => f.get(ACC),
          () => f.get(r),
          () => f.get(r),
        );
        f.forRange(
          a,
          () => f.i32(0),
          d,
          1,
          () => {
            accumulate(
              () => f.get(ACC).i32(16).op('i32.add').get(a).i32(16).op('i32.mul').op('i32.add'),
              () => addr(Z, a, 16).mem('v128.load'),
              () => f.get(r),
            );
            accumulate(
              () =>
                f
                  .get(ACC)
                  .get(d)
                  .get(k)
                  .op('i32.add')
                  .i32(1)
                  .op('i32.add')
                  .i32(16)
                  .op('i32.mul')
                  .op('i32.add')
                  .get(a)
                  .i32(16)
                  .op('i32.mul')
                  .op('i32.add'),
              () => addr(XV, a, 16).mem('v128.load'),
              () => f.get(yv),
            );
          },
        );
        f.forRange(
          q,
          () => f.i32(0),
          k,
          1,
          () => {
            accumulate(
              () => f.get(ACC).get(d).i32(1).op('i32.add').i32(16).op('i32.mul').op('i32.add').get(q).i32(16).op('i32.mul').op('i32.add'),
              () => addr(F, q, 16).mem('v128.load'),
              () => f.get(r),
            );
          },
        );
        // G lower, row by row: slot g runs over 1 + 2d + k ...
        f.get(d).i32(2).op('i32.mul').get(k).op('i32.add').i32(1).op('i32.add').set(g);
        f.forRange(
          a,
          () => f.i32(0),
          d,
          1,
          () => {
            addr(XV, a, 16).mem('v128.load').set(xrow);
            f.forRange(
              b,
              () => f.i32(0),
              a,
              1,
              () => {
                accumulate(
                  () => addr(ACC, g, 16),
                  () => f.get(xrow),
                  () => addr(XV, b, 16).mem('v128.load'),
                );
                f.inc(g, 1);
              },
            );
            accumulate(
              () => addr(ACC, g, 16),
              () => f.get(xrow),
              () => f.get(xrow),
            );
            f.inc(g, 1);
          },
        );
      },
    );
    // out[inst*nacc + l] = lane0 + lane1
    f.forRange(
      a,
      () => f.i32(0),
      nacc,
      1,
      () => {
        f.get(out).get(inst).get(nacc).op('i32.mul').get(a).op('i32.add').i32(8).op('i32.mul').op('i32.add');
        addr(ACC, a, 16).mem('v128.load').set(s);
        f.get(s).extract('f64x2', 0).get(s).extract('f64x2', 1).op('f64.add');
        f.mem('f64.store');
      },
    );
  }
}
