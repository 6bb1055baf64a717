/**
 * Fused float32 kernels for full-batch gradient descent on f(x) = a.relu(W x) with squared loss
 * (bench workload gd-two-layer). W is kept transposed (Wt, d x m) so that hidden units are the
 * SIMD lanes; H (N x m) holds relu(X W^T). Work is split by blocks of hidden units: both
 * passes of a block read and write only that block's columns of Wt, H and a, so the only data
 * shared between threads are the blocks' partial predictions P_b = H[:, block] a[block], which
 * are summed in block order: the result does not depend on which thread took which block.
 *
 *   gd2_fwd(X, Wt, a, H, P, N, dp, m, j0, j1)
 *     H[:, j0:j1] = relu(X Wt[:, j0:j1]);  P[i] += sum_{j in [j0,j1)} H[i,j] a[j]
 *   gd2_resid(Pall, parts, y, R, N)
 *     R[i] = (sum_b Pall[b*N + i] - y[i]) / N                       (the residual r)
 *   gd2_bwd(X, Wt, a, H, R, N, dp, m, j0, j1, lr, U)
 *     grad_a[j] = sum_i H[i,j] r_i;  grad_W[j,p] = a[j] sum_i [H[i,j] > 0] r_i X[i,p]
 *     Wt[p,j] -= lr grad_W[j,p];  a[j] -= lr grad_a[j]                 (old a in grad_W)
 *   gd2_fwd_dyn(counter, chunk, X, Wt, a, H, Pwrite, N, dp, m)
 *   gd2_step_dyn(counter, chunk, X, Wt, a, H, Pread, parts, Pwrite, y, R, N, dp, m, lr, U)
 *     one call per team thread: take blocks of `chunk` units from the shared counter; a step
 *     runs the backward pass of step s and the forward pass of step s+1 on each block it takes,
 *     writing that block's partial Pwrite[b] (one barrier per GD step; Pread and Pwrite are
 *     different buffers, alternating by step).
 *
 * Shapes: N % 4 = 0, dp % 4 = 0 (pad X and Wt with zero columns/rows), unit ranges in steps
 * of 8. U is per-thread scratch of N*8 floats: the masked residuals [H > 0] r of one block of 8
 * units, written by the grad_a pass so that the grad_W passes stream them like a packed GEMM
 * operand. Addresses are byte offsets; sizes are element counts.
 */
import type { FnBuilder, ModuleBuilder } from '../../../src/core/wasm/emit.js';

const F = 4; // bytes per f32

/** `fma`: relaxed-SIMD fused multiply-add for the products (see kernels.ts). */
export function emitTwoLayerGd(mb: ModuleBuilder, fma = false): void {
  useFma = fma;
  emitForward(mb);
  emitBackward(mb);
  emitResidual(mb);
  emitDynamic(mb);
}

let useFma = false;

function madd(f: FnBuilder, acc: number, x: number, y: number): void {
  if (useFma) f.get(x).get(y).get(acc).relaxedMadd('f32x4').set(acc);
  else f.get(acc).get(x).get(y).simd('f32x4.mul').simd('f32x4.add').set(acc);
}

function emitForward(mb: ModuleBuilder): void {
  const f = mb.fn('gd2_fwd', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
  const [X, Wt, a, H, P, N, dp, m, j0, j1] = f.params.map((_, i) => f.param(i));
  const i = f.local('i32');
  const j = f.local('i32');
  const p = f.local('i32');
  const wp = f.local('i32');
  const rowBytes = f.local('i32'); // m*4
  const xrow = [0, 1, 2, 3].map(() => f.local('i32'));
  const hrow = f.local('i32');
  const x = f.local('v128');
  const w = [f.local('v128'), f.local('v128')];
  const av = [f.local('v128'), f.local('v128')];
  const acc = [0, 1, 2, 3].map(() => [f.local('v128'), f.local('v128')]);
  const psum = [0, 1, 2, 3].map(() => f.local('v128'));
  const zero = f.local('v128');
  f.v128zero().set(zero);
  f.get(m).i32(F).op('i32.mul').set(rowBytes);
  f.forRange(
    i,
    () => f.i32(0),
    N,
    4,
    () => {
      for (const s of psum) f.v128zero().set(s);
      f.forRange(
        j,
        () => f.get(j0),
        j1,
        8,
        () => {
          for (const r of acc) for (const v of r) f.v128zero().set(v);
          // x row pointers: X + (i + r)*dp*4
          for (let r = 0; r < 4; r++) {
            f.get(X).get(i).i32(r).op('i32.add').get(dp).op('i32.mul').i32(F).op('i32.mul').op('i32.add').set(xrow[r]);
          }
          f.get(Wt).get(j).i32(F).op('i32.mul').op('i32.add').set(wp);
          f.forRange(
            p,
            () => f.i32(0),
            dp,
            1,
            () => {
              f.get(wp).mem('v128.load', 0).set(w[0]);
              f.get(wp).mem('v128.load', 16).set(w[1]);
              for (let r = 0; r < 4; r++) {
                f.get(xrow[r]).mem('v128.load32_splat', 0).set(x);
                madd(f, acc[r][0], x, w[0]);
                madd(f, acc[r][1], x, w[1]);
                f.inc(xrow[r], F);
              }
              f.incBy(wp, rowBytes);
            },
          );
          f.get(a).get(j).i32(F).op('i32.mul').op('i32.add').mem('v128.load', 0).set(av[0]);
          f.get(a).get(j).i32(F).op('i32.mul').op('i32.add').mem('v128.load', 16).set(av[1]);
          for (let r = 0; r < 4; r++) {
            // hrow = H + ((i + r)*m + j)*4
            f.get(H).get(i).i32(r).op('i32.add').get(m).op('i32.mul').get(j).op('i32.add').i32(F).op('i32.mul').op('i32.add').set(hrow);
            for (let v = 0; v < 2; v++) {
              f.get(acc[r][v]).get(zero).simd('f32x4.max').set(acc[r][v]);
              f.get(hrow)
                .get(acc[r][v])
                .mem('v128.store', 16 * v);
              madd(f, psum[r], acc[r][v], av[v]);
            }
          }
        },
      );
      for (let r = 0; r < 4; r++) {
        // P[i + r] += horizontal sum of psum[r]
        f.get(P).get(i).i32(r).op('i32.add').i32(F).op('i32.mul').op('i32.add');
        f.get(P).get(i).i32(r).op('i32.add').i32(F).op('i32.mul').op('i32.add').mem('f32.load', 0);
        f.get(psum[r]).extract('f32x4', 0).get(psum[r]).extract('f32x4', 1).op('f32.add');
        f.get(psum[r]).extract('f32x4', 2).get(psum[r]).extract('f32x4', 3).op('f32.add').op('f32.add');
        f.op('f32.add');
        f.mem('f32.store', 0);
      }
    },
  );
}

function emitBackward(mb: ModuleBuilder): void {
  const f = mb.fn('gd2_bwd', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f64', 'i32']);
  const [X, Wt, a, H, R, N, dp, m, j0, j1, lr, U] = f.params.map((_, i) => f.param(i));
  const up = f.local('i32');
  const i = f.local('i32');
  const j = f.local('i32');
  const p0 = f.local('i32');
  const hp = f.local('i32');
  const xp = f.local('i32');
  const rp = f.local('i32');
  const rowBytes = f.local('i32');
  const xrowBytes = f.local('i32');
  const addr = f.local('i32');
  const lrv = f.local('v128');
  const zero = f.local('v128');
  const rv = f.local('v128');
  const x = f.local('v128');
  const h = [f.local('v128'), f.local('v128')];
  const u = [f.local('v128'), f.local('v128')];
  const ga = [f.local('v128'), f.local('v128')];
  const av = [f.local('v128'), f.local('v128')];
  const acc = [0, 1, 2, 3].map(() => [f.local('v128'), f.local('v128')]);
  f.v128zero().set(zero);
  f.get(lr).op('f32.demote_f64').simd('f32x4.splat').set(lrv);
  f.get(m).i32(F).op('i32.mul').set(rowBytes);
  f.get(dp).i32(F).op('i32.mul').set(xrowBytes);
  f.forRange(
    j,
    () => f.get(j0),
    j1,
    8,
    () => {
      // grad_a for units j..j+8, and U[i] = [H[i, j..j+8] > 0] r_i
      f.v128zero().set(ga[0]);
      f.v128zero().set(ga[1]);
      f.get(H).get(j).i32(F).op('i32.mul').op('i32.add').set(hp);
      f.get(R).set(rp);
      f.get(U).set(up);
      f.forRange(
        i,
        () => f.i32(0),
        N,
        1,
        () => {
          f.get(rp).mem('v128.load32_splat', 0).set(rv);
          f.get(hp).mem('v128.load', 0).set(h[0]);
          f.get(hp).mem('v128.load', 16).set(h[1]);
          madd(f, ga[0], h[0], rv);
          madd(f, ga[1], h[1], rv);
          for (let v = 0; v < 2; v++)
            f.get(up)
              .get(rv)
              .get(h[v])
              .get(zero)
              .simd('f32x4.gt')
              .simd('v128.and')
              .mem('v128.store', 16 * v);
          f.incBy(hp, rowBytes).inc(rp, F).inc(up, 32);
        },
      );
      f.get(a).get(j).i32(F).op('i32.mul').op('i32.add').mem('v128.load', 0).set(av[0]);
      f.get(a).get(j).i32(F).op('i32.mul').op('i32.add').mem('v128.load', 16).set(av[1]);
      // grad_W for 4 input coordinates at a time
      f.forRange(
        p0,
        () => f.i32(0),
        dp,
        4,
        () => {
          for (const r of acc) for (const v of r) f.v128zero().set(v);
          f.get(X).get(p0).i32(F).op('i32.mul').op('i32.add').set(xp);
          f.get(U).set(up);
          f.forRange(
            i,
            () => f.i32(0),
            N,
            1,
            () => {
              f.get(up).mem('v128.load', 0).set(u[0]);
              f.get(up).mem('v128.load', 16).set(u[1]);
              for (let q = 0; q < 4; q++) {
                f.get(xp)
                  .mem('v128.load32_splat', F * q)
                  .set(x);
                madd(f, acc[q][0], x, u[0]);
                madd(f, acc[q][1], x, u[1]);
              }
              f.incBy(xp, xrowBytes).inc(up, 32);
            },
          );
          for (let q = 0; q < 4; q++) {
            // addr = Wt + ((p0 + q)*m + j)*4;  Wt -= lr * (a * acc)
            f.get(Wt).get(p0).i32(q).op('i32.add').get(m).op('i32.mul').get(j).op('i32.add').i32(F).op('i32.mul').op('i32.add').set(addr);
            for (let v = 0; v < 2; v++) {
              f.get(addr);
              f.get(addr).mem('v128.load', 16 * v);
              f.get(lrv).get(av[v]).get(acc[q][v]).simd('f32x4.mul').simd('f32x4.mul').simd('f32x4.sub');
              f.mem('v128.store', 16 * v);
            }
          }
        },
      );
      // a -= lr * grad_a (after grad_W, which needs the old a)
      f.get(a).get(j).i32(F).op('i32.mul').op('i32.add').set(addr);
      for (let v = 0; v < 2; v++) {
        f.get(addr);
        f.get(av[v]).get(lrv).get(ga[v]).simd('f32x4.mul').simd('f32x4.sub');
        f.mem('v128.store', 16 * v);
      }
    },
  );
}

function emitResidual(mb: ModuleBuilder): void {
  const f = mb.fn('gd2_resid', ['i32', 'i32', 'i32', 'i32', 'i32']);
  const [Pall, parts, y, R, N] = f.params.map((_, i) => f.param(i));
  const i = f.local('i32'),
    b = f.local('i32'),
    off = f.local('i32'),
    sv = f.local('v128'),
    nv = f.local('v128');
  f.get(N).op('f32.convert_i32_s').simd('f32x4.splat').set(nv);
  // R[i..i+4] = (sum_b P_b[i..i+4] - y[i..i+4]) / N, in float32 like the reference's (H a - y) / N
  f.forRange(
    i,
    () => f.i32(0),
    N,
    4,
    () => {
      f.v128zero().set(sv);
      f.get(i).i32(F).op('i32.mul').set(off);
      f.forRange(
        b,
        () => f.i32(0),
        parts,
        1,
        () => {
          f.get(sv)
            .get(Pall)
            .get(b)
            .get(N)
            .op('i32.mul')
            .i32(F)
            .op('i32.mul')
            .op('i32.add')
            .get(off)
            .op('i32.add')
            .mem('v128.load', 0)
            .simd('f32x4.add')
            .set(sv);
        },
      );
      f.get(R).get(off).op('i32.add');
      f.get(sv).get(y).get(off).op('i32.add').mem('v128.load', 0).simd('f32x4.sub').get(nv).simd('f32x4.div');
      f.mem('v128.store', 0);
    },
  );
}

/** The dynamically scheduled entry points (see the header). */
function emitDynamic(mb: ModuleBuilder): void {
  const fwd = mb.index('gd2_fwd');
  const bwd = mb.index('gd2_bwd');
  /** Pb = P + (j0 / chunk) * N * 4, zeroed (N % 4 = 0). */
  const blockPart = (f: FnBuilder, P: number, j0: number, chunk: number, N: number, Pb: number, i: number) => {
    f.get(P).get(j0).get(chunk).op('i32.div_s').get(N).op('i32.mul').i32(F).op('i32.mul').op('i32.add').set(Pb);
    f.forRange(
      i,
      () => f.i32(0),
      N,
      4,
      () => f.get(Pb).get(i).i32(F).op('i32.mul').op('i32.add').v128zero().mem('v128.store', 0),
    );
  };
  /** for each block [j0, j1) of `chunk` units taken from the counter: body(). */
  const blocks = (f: FnBuilder, counter: number, chunk: number, m: number, j0: number, j1: number, body: () => void) =>
    f.block(() =>
      f.loop(() => {
        f.get(counter).i32(1).atomicAdd().get(chunk).op('i32.mul').tee(j0).get(m).op('i32.ge_s').brIf(1);
        f.get(j0).get(chunk).op('i32.add').set(j1);
        f.get(j1)
          .get(m)
          .op('i32.gt_s')
          .ifThen(() => f.get(m).set(j1));
        body();
        f.br(0);
      }),
    );
  {
    const f = mb.fn('gd2_fwd_dyn', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
    const [counter, chunk, X, Wt, a, H, Pwrite, N, dp, m] = f.params.map((_, i) => f.param(i));
    const i = f.local('i32'),
      j0 = f.local('i32'),
      j1 = f.local('i32'),
      Pb = f.local('i32');
    blocks(f, counter, chunk, m, j0, j1, () => {
      blockPart(f, Pwrite, j0, chunk, N, Pb, i);
      for (const l of [X, Wt, a, H, Pb, N, dp, m, j0, j1]) f.get(l);
      f.call(fwd);
    });
  }
  {
    const f = mb.fn('gd2_step_dyn', [
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
      'i32',
      'i32',
      'f64',
      'i32',
    ]);
    const [counter, chunk, X, Wt, a, H, Pread, parts, Pwrite, y, R, N, dp, m, lr, U] = f.params.map((_, i) => f.param(i));
    const i = f.local('i32'),
      j0 = f.local('i32'),
      j1 = f.local('i32'),
      Pb = f.local('i32');
    for (const l of [Pread, parts, y, R, N]) f.get(l);
    f.call(mb.index('gd2_resid'));
    blocks(f, counter, chunk, m, j0, j1, () => {
      for (const l of [X, Wt, a, H, R, N, dp, m, j0, j1, lr, U]) f.get(l);
      f.call(bwd);
      blockPart(f, Pwrite, j0, chunk, N, Pb, i);
      for (const l of [X, Wt, a, H, Pb, N, dp, m, j0, j1]) f.get(l);
      f.call(fwd);
    });
  }
}
