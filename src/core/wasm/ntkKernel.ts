/**
 * The ReLU NTK of a cosine, NTK(u) = (2u(pi - arccos u) + sqrt(1 - u^2))/pi with u clipped to
 * [-1, 1] (`sphereReluNtk` of kernels/reluNtk.ts, its float64 reference), applied in place to a block of a matrix as an f64x2 kernel, rows handed
 * out in chunks from a shared counter:
 *
 *   relu_ntk_f64(counter, chunk, base, rows, cols, ld, lower)
 *
 * (entries base[i*ld + j] for i < rows and j < cols, or j <= i when lower != 0; byte address,
 * element counts). wasm has no arccos, so it is fdlibm's __ieee754_acos made branch-free: one
 * rational approximation R(z) on z in [0, 1/4] serves all three ranges, and the results are
 * blended by lane masks. The x > 0.5 branch drops fdlibm's extra-precision correction term, so
 * results may differ from Math.acos by a few ulps (the spec bounds it).
 */
import type { FnBuilder, ModuleBuilder } from './emit.js';

const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;
const PS = [
  1.66666666666666657415e-1, -3.25565818622400915405e-1, 2.01212532134862925881e-1, -4.00555345006794114027e-2, 7.91534994289814532176e-4,
  3.4793310759602116757e-5,
];
const QS = [-2.40339491173441421878, 2.02094576023350569471, -6.8828397160545329303e-1, 7.70381505559019352791e-2];

/** Emits code mapping the f64x2 in local `u` to NTK(u) in local `out` (clobbers the temps). */
function emitNtk(f: FnBuilder, u: number, out: number, t: Record<'ax' | 'z' | 'r' | 's' | 'small' | 'neg' | 'acos' | 'w', number>): void {
  const c = (x: number) => f.f64(x).simd('f64x2.splat');
  // clip to [-1, 1]
  f.get(u);
  c(1);
  f.simd('f64x2.min');
  c(-1);
  f.simd('f64x2.max').set(u);
  f.get(u).simd('f64x2.abs').set(t.ax);
  f.get(t.ax);
  c(0.5);
  f.simd('f64x2.lt');
  f.set(t.small);
  // z = small ? u*u : (1 - |u|)/2
  f.get(u).get(u).simd('f64x2.mul');
  c(1);
  f.get(t.ax).simd('f64x2.sub');
  c(0.5);
  f.simd('f64x2.mul');
  f.get(t.small).simd('v128.bitselect').set(t.z);
  // r = p(z)/q(z), Horner
  c(PS[5]);
  for (let i = 4; i >= 0; i--) {
    f.get(t.z).simd('f64x2.mul');
    c(PS[i]);
    f.simd('f64x2.add');
  }
  f.get(t.z).simd('f64x2.mul'); // p = z * (...)
  c(QS[3]);
  for (let i = 2; i >= 0; i--) {
    f.get(t.z).simd('f64x2.mul');
    c(QS[i]);
    f.simd('f64x2.add');
  }
  f.get(t.z).simd('f64x2.mul');
  c(1);
  f.simd('f64x2.add'); // q = 1 + z * (...)
  f.simd('f64x2.div').set(t.r);
  f.get(t.z).simd('f64x2.sqrt').set(t.s);
  // small: pio2_hi - (u - (pio2_lo - u*r))
  c(PIO2_HI);
  f.get(u);
  c(PIO2_LO);
  f.get(u).get(t.r).simd('f64x2.mul').simd('f64x2.sub');
  f.simd('f64x2.sub').simd('f64x2.sub').set(t.acos);
  // w = s*r; big positive: 2(s + w); big negative: pi - 2(s + w - pio2_lo)
  f.get(t.s).get(t.r).simd('f64x2.mul').set(t.w);
  f.get(t.s).get(t.w).simd('f64x2.add');
  c(2);
  f.simd('f64x2.mul'); // positive
  c(Math.PI);
  f.get(t.s).get(t.w).simd('f64x2.add');
  c(PIO2_LO);
  f.simd('f64x2.sub');
  c(2);
  f.simd('f64x2.mul').simd('f64x2.sub'); // negative
  f.get(u);
  c(0);
  f.simd('f64x2.gt');
  f.set(t.neg);
  f.get(t.neg).simd('v128.bitselect'); // u > 0 ? positive : negative
  f.set(t.w);
  f.get(t.acos).get(t.w).get(t.small).simd('v128.bitselect').set(t.acos);
  // NTK = (2u(pi - acos) + sqrt(1 - u^2)) / pi
  c(2);
  f.get(u).simd('f64x2.mul');
  c(Math.PI);
  f.get(t.acos).simd('f64x2.sub').simd('f64x2.mul');
  c(1);
  f.get(u).get(u).simd('f64x2.mul').simd('f64x2.sub').simd('f64x2.sqrt');
  f.simd('f64x2.add');
  c(Math.PI);
  f.simd('f64x2.div').set(out);
}

export function emitReluNtk(mb: ModuleBuilder): void {
  const f = mb.fn('relu_ntk_f64', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
  const [counter, chunk, base, rows, cols, ld, lower] = f.params.map((_, i) => f.param(i));
  const i = f.local('i32'),
    iEnd = f.local('i32'),
    j = f.local('i32'),
    end = f.local('i32'),
    end2 = f.local('i32'),
    p = f.local('i32');
  const u = f.local('v128'),
    out = f.local('v128');
  const t = {
    ax: f.local('v128'),
    z: f.local('v128'),
    r: f.local('v128'),
    s: f.local('v128'),
    small: f.local('v128'),
    neg: f.local('v128'),
    acos: f.local('v128'),
    w: f.local('v128'),
  };
  f.block(() =>
    f.loop(() => {
      f.get(counter).i32(1).atomicAdd().get(chunk).op('i32.mul').tee(i).get(rows).op('i32.ge_s').brIf(1);
      f.get(i).get(chunk).op('i32.add').set(iEnd);
      f.get(iEnd)
        .get(rows)
        .op('i32.gt_s')
        .ifThen(() => f.get(rows).set(iEnd));
      f.block(() =>
        f.loop(() => {
          f.get(i).get(iEnd).op('i32.ge_s').brIf(1);
          // end = lower ? min(i + 1, cols) : cols
          f.get(cols).set(end);
          f.get(lower).ifThen(() => {
            f.get(i).i32(1).op('i32.add').set(end);
            f.get(end)
              .get(cols)
              .op('i32.gt_s')
              .ifThen(() => f.get(cols).set(end));
          });
          f.get(end).i32(-2).op('i32.and').set(end2);
          f.get(base).get(i).get(ld).op('i32.mul').i32(8).op('i32.mul').op('i32.add').set(p);
          f.forRange(
            j,
            () => f.i32(0),
            end2,
            2,
            () => {
              f.get(p).mem('v128.load').set(u);
              emitNtk(f, u, out, t);
              f.get(p).get(out).mem('v128.store');
              f.inc(p, 16);
            },
          );
          // odd tail: one entry through lane 0
          f.get(end2)
            .get(end)
            .op('i32.lt_s')
            .ifThen(() => {
              f.get(p).mem('v128.load64_splat').set(u);
              emitNtk(f, u, out, t);
              f.get(p).get(out).extract('f64x2', 0).mem('f64.store');
            });
          f.inc(i, 1).br(0);
        }),
      );
      f.br(0);
    }),
  );
}
