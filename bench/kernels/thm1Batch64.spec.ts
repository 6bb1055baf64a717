import { describe, expect, it } from 'vitest';
import { leastSquares, spectralNorm, symmetricEigenvalues } from '../../src/core/linalg/dense.js';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { symmetricMaxEigInPlace } from './symmetricMaxEig.js';
import { thm1Gaps, type Thm1Batch } from './thm1Batch64.js';

const rng = new Rng(keyFromSeed(9));
const normals = (n: number, s = 1) => Float64Array.from({ length: n }, () => s * rng.normal());

function batch(I: number, n: number, d: number, k: number, h: number): Thm1Batch {
  return {
    instances: I,
    n,
    d,
    k,
    h,
    X: normals(I * n * d),
    y: normals(I * n),
    A: normals(I * h * d, 1 / Math.sqrt(d)),
    c: normals(I * h),
    B: normals(I * k * h, 1 / Math.sqrt(h)),
    w: normals(I * d, 1 / Math.sqrt(d)),
    V: normals(I * d * k, 1 / Math.sqrt(k)),
  };
}

/** Theorem 1's gap for one instance, from dense.ts and plain array code. */
function reference(b: Thm1Batch, inst: number): number {
  const { n, d, k, h } = b;
  const row = (arr: Float64Array, off: number, len: number) => Array.from(arr.subarray(off, off + len));
  const X = Array.from({ length: n }, (_, i) => row(b.X, (inst * n + i) * d, d));
  const y = row(b.y, inst * n, n);
  const A = Array.from({ length: h }, (_, j) => row(b.A, (inst * h + j) * d, d));
  const c = row(b.c, inst * h, h);
  const B = Array.from({ length: k }, (_, q) => row(b.B, (inst * k + q) * h, h));
  const w = row(b.w, inst * d, d);
  const V = Array.from({ length: d }, (_, a) => row(b.V, (inst * d + a) * k, k));
  const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);
  const f = X.map((x) =>
    B.map((bq) =>
      dot(
        bq,
        A.map((aj, j) => Math.max(dot(aj, x) + c[j], 0)),
      ),
    ),
  );
  const Z = X.map((x, i) => x.map((xa, a) => xa + dot(V[a], f[i])));
  const r = Z.map((z, i) => dot(z, w) - y[i]);
  const F = dot(r, r) / (2 * n);
  const gw = w.map((_, a) => Z.reduce((s, z, i) => s + z[a] * r[i], 0) / n);
  const fr = Array.from({ length: k }, (_, q) => f.reduce((s, fi, i) => s + fi[q] * r[i], 0) / n);
  let gV2 = 0;
  for (const wa of w) for (const frq of fr) gV2 += (wa * frq) ** 2;
  const G = Math.sqrt(dot(gw, gw) + gV2);
  const ws = leastSquares(X, y);
  const rl = X.map((x, i) => dot(x, ws) - y[i]);
  const Flin = dot(rl, rl) / (2 * n);
  const ww = dot(w, w);
  const vn = spectralNorm(V);
  return F - Flin - G * Math.sqrt(2 * ww + dot(ws, ws) * (2 + (vn * vn) / ww));
}

describe('thm1Gaps (fused Shamir Thm 1 batch)', () => {
  for (const [n, d, k, h] of [
    [30, 4, 3, 5],
    [20, 3, 6, 2],
    [100, 8, 8, 8],
  ] as const) {
    it(`n=${n} d=${d} k=${k} h=${h}: matches dense.ts per instance; unrolled = generic bit for bit`, () => {
      const b = batch(6, n, d, k, h);
      const fast = thm1Gaps(b);
      const generic = thm1Gaps(b, undefined, 0, b.instances, { specialise: false });
      for (let i = 0; i < b.instances; i++) {
        expect(fast[i]).toBe(generic[i]);
        const want = reference(b, i);
        expect(Math.abs(fast[i] - want)).toBeLessThan(1e-10 * (1 + Math.abs(want)));
        expect(fast[i]).toBeLessThanOrEqual(0); // the theorem
      }
    });
  }

  it('names the argument whose size is wrong', () => {
    const b = batch(2, 10, 3, 3, 3);
    expect(() => thm1Gaps({ ...b, V: new Float64Array(5) })).toThrow(/V must have 18 entries/);
  });
});

describe('symmetricMaxEigInPlace', () => {
  it('matches the largest eigenvalue from dense.ts, including clustered and zero spectra', () => {
    for (const m of [1, 2, 3, 5, 8, 12]) {
      for (const kind of ['random', 'clustered', 'zero'] as const) {
        const M = Array.from({ length: m }, () => Array.from({ length: m }, () => rng.normal()));
        const S = M.map((_, i) =>
          M.map((__, j) => {
            if (kind === 'zero') return 0;
            if (kind === 'clustered') return i === j ? 3 + 1e-9 * M[i][j] : 0;
            return M[i].reduce((s, x, p) => s + x * M[j][p], 0);
          }),
        );
        const want = kind === 'zero' ? 0 : Math.max(...symmetricEigenvalues(S));
        const got = symmetricMaxEigInPlace(Float64Array.from(S.flat()), m, new Float64Array(m), new Float64Array(m));
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
      }
    }
  });
});
