/**
 * Level-2 float64 kernels in f64x2 (row-major, byte addresses, element counts):
 *
 *   matvec_f64(counter, chunk, M, ld, rows, cols, x, out)  out[i] = M[i, :cols] . x, rows
 *     handed out in chunks from a shared counter (call on every team thread);
 *   trsv_lower_f64(L, ld, n, b)    b <- L^-1 b   (forward substitution, dot products on rows);
 *   trsv_lower_t_f64(L, ld, n, b)  b <- L^-T b   (back substitution, axpy on rows);
 *
 * The solves are sequential by nature and run on one thread; SIMD halves their cost.
 */
import type { FnBuilder, ModuleBuilder } from './emit.js';

/** Pushes the dot product of cnt entries at byte addresses pa, pb (f64), two lanes at a time. */
function emitDot(f: FnBuilder, pa: number, pb: number, cnt: number, l: { j: number; acc: number; end2: number; sum: number }): void {
  f.v128zero().set(l.acc);
  f.get(cnt).i32(-2).op('i32.and').set(l.end2);
  f.forRange(
    l.j,
    () => f.i32(0),
    l.end2,
    2,
    () => {
      f.get(l.acc).get(pa).mem('v128.load').get(pb).mem('v128.load').simd('f64x2.mul').simd('f64x2.add').set(l.acc);
      f.inc(pa, 16).inc(pb, 16);
    },
  );
  f.get(l.acc).extract('f64x2', 0).get(l.acc).extract('f64x2', 1).op('f64.add').set(l.sum);
  // a block cannot reach the outer operand stack: the odd tail goes through the local
  f.get(l.end2)
    .get(cnt)
    .op('i32.lt_s')
    .ifThen(() => {
      f.get(l.sum).get(pa).mem('f64.load').get(pb).mem('f64.load').op('f64.mul').op('f64.add').set(l.sum);
    });
  f.get(l.sum);
}

export function emitVecKernels(mb: ModuleBuilder): void {
  {
    const f = mb.fn('matvec_f64', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
    const [counter, chunk, M, ld, rows, cols, x, out] = f.params.map((_, i) => f.param(i));
    const i = f.local('i32'),
      iEnd = f.local('i32'),
      pa = f.local('i32'),
      pb = f.local('i32');
    const l = { j: f.local('i32'), acc: f.local('v128'), end2: f.local('i32'), sum: f.local('f64') };
    f.block(() =>
      f.loop(() => {
        f.get(counter).i32(1).atomicAdd().get(chunk).op('i32.mul').tee(i).get(rows).op('i32.ge_s').brIf(1);
        f.get(i).get(chunk).op('i32.add').set(iEnd);
        f.get(iEnd)
          .get(rows)
          .op('i32.gt_s')
          .ifThen(() => f.get(rows).set(iEnd));
        f.forRange(
          i,
          () => f.get(i),
          iEnd,
          1,
          () => {
            f.get(out).get(i).i32(8).op('i32.mul').op('i32.add'); // store address
            f.get(M).get(i).get(ld).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(pa);
            f.get(x).set(pb);
            emitDot(f, pa, pb, cols, l);
            f.mem('f64.store');
          },
        );
        f.br(0);
      }),
    );
  }
  {
    const f = mb.fn('trsv_lower_f64', ['i32', 'i32', 'i32', 'i32']);
    const [L, ld, n, b] = f.params.map((_, i) => f.param(i));
    const i = f.local('i32'),
      pa = f.local('i32'),
      pb = f.local('i32'),
      bi = f.local('i32');
    const l = { j: f.local('i32'), acc: f.local('v128'), end2: f.local('i32'), sum: f.local('f64') };
    f.forRange(
      i,
      () => f.i32(0),
      n,
      1,
      () => {
        f.get(b).get(i).i32(8).op('i32.mul').op('i32.add').set(bi);
        f.get(L).get(i).get(ld).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(pa);
        f.get(b).set(pb);
        f.get(bi); // store address
        f.get(bi).mem('f64.load');
        emitDot(f, pa, pb, i, l);
        f.op('f64.sub');
        f.get(L).get(i).get(ld).op('i32.mul').get(i).op('i32.add').i32(8).op('i32.mul').op('i32.add').mem('f64.load').op('f64.div');
        f.mem('f64.store');
      },
    );
  }
  {
    const f = mb.fn('trsv_lower_t_f64', ['i32', 'i32', 'i32', 'i32']);
    const [L, ld, n, b] = f.params.map((_, i) => f.param(i));
    const j = f.local('i32'),
      p = f.local('i32'),
      pa = f.local('i32'),
      pb = f.local('i32'),
      end2 = f.local('i32');
    const xj = f.local('f64'),
      xv = f.local('v128');
    // for j = n-1 .. 0: x_j = b_j / L_jj; b[:j] -= x_j L[j, :j]
    f.get(n).i32(1).op('i32.sub').set(j);
    f.block(() =>
      f.loop(() => {
        f.get(j).i32(0).op('i32.lt_s').brIf(1);
        f.get(L).get(j).get(ld).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(pa);
        f.get(b).get(j).i32(8).op('i32.mul').op('i32.add');
        f.get(b).get(j).i32(8).op('i32.mul').op('i32.add').mem('f64.load');
        f.get(pa).get(j).i32(8).op('i32.mul').op('i32.add').mem('f64.load').op('f64.div').tee(xj);
        f.mem('f64.store');
        f.get(xj).simd('f64x2.splat').set(xv);
        f.get(b).set(pb);
        f.get(j).i32(-2).op('i32.and').set(end2);
        f.forRange(
          p,
          () => f.i32(0),
          end2,
          2,
          () => {
            f.get(pb).get(pb).mem('v128.load').get(pa).mem('v128.load').get(xv).simd('f64x2.mul').simd('f64x2.sub').mem('v128.store');
            f.inc(pa, 16).inc(pb, 16);
          },
        );
        f.get(end2)
          .get(j)
          .op('i32.lt_s')
          .ifThen(() => {
            f.get(pb).get(pb).mem('f64.load').get(pa).mem('f64.load').get(xj).op('f64.mul').op('f64.sub').mem('f64.store');
          });
        f.get(j).i32(1).op('i32.sub').set(j);
        f.br(0);
      }),
    );
  }
}
