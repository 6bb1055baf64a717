import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { symmetricEigenvalues } from '../linalg/dense.js';
import { Rng, keyFromSeed } from '../random.js';
import { gramToRows, relativeFrobeniusError } from './Gram.js';
import { reluNetworkKernel, reluNetworkKernels, sphereReluNtk, sphereReluNtkGram } from './reluNtk.js';

/** The catalog's formula, literally: u = <x, x'>/d, t = arccos(u), K = u (pi - t)/pi + (sin t + (pi - t) u)/pi. */
function catalogNtk(x: number[], z: number[]): number {
  const d = x.length;
  const u = Math.max(-1, Math.min(1, x.reduce((s, v, i) => s + v * z[i], 0) / d));
  const t = Math.acos(u);
  return (u * (Math.PI - t)) / Math.PI + (Math.sin(t) + (Math.PI - t) * u) / Math.PI;
}

const hypercube = (n: number, d: number, seed: number) => {
  const rng = new Rng(keyFromSeed(seed));
  return Array.from({ length: n }, () => Array.from({ length: d }, () => (rng.uniform() < 0.5 ? -1 : 1)));
};

describe('ReLU network NNGP / NTK recursion (Jacot et al. 2018; Arora et al. 2019)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('two-layer values at known angles: NTK(x, x) = 2, orthogonal 1/pi, opposite 0 (||x||^2 = d)', () => {
    const x = [1, 1, -1, 1],
      orth = [1, -1, 1, 1],
      opp = x.map((v) => -v);
    const opts = { hiddenLayers: 1 };
    expect(reluNetworkKernel(x, x, opts)).toEqual({ nngp: expect.closeTo(1, 14), ntk: expect.closeTo(2, 14) });
    expect(reluNetworkKernel(x, orth, opts).ntk).toBeCloseTo(1 / Math.PI, 14);
    expect(reluNetworkKernel(x, orth, opts).nngp).toBeCloseTo(1 / Math.PI, 14);
    expect(reluNetworkKernel(x, opp, opts).ntk).toBeCloseTo(0, 14);
    expect([sphereReluNtk(1), sphereReluNtk(0), sphereReluNtk(-1)]).toEqual([2, 1 / Math.PI, 0].map((v) => expect.closeTo(v, 14)));
  });

  it('the catalog formula is the L = 1, sigma_w^2 = (1, 2), no-bias recursion on the hypercube', () => {
    const X = hypercube(25, 16, 1);
    const lit = X.map((x) => X.map((z) => catalogNtk(x, z)));
    const rec = gramToRows(reluNetworkKernels(X, undefined, { hiddenLayers: 1 }).ntk);
    const fast = gramToRows(sphereReluNtkGram(X));
    for (let i = 0; i < 25; i++) {
      for (let j = 0; j < 25; j++) {
        expect(rec[i][j]).toBeCloseTo(lit[i][j], 13);
        expect(fast[i][j]).toBeCloseTo(lit[i][j], 13);
      }
    }
  });

  it('deep NTK on the diagonal: Theta^L(x, x) = (L + 1) ||x||^2 / d with c_sigma = 2 and no bias', () => {
    const x = [0.3, -2, 1.5];
    const q = x.reduce((s, v) => s + v * v, 0) / 3;
    for (const L of [1, 2, 3]) {
      const k = reluNetworkKernel(x, x, { hiddenLayers: L });
      expect(k.nngp).toBeCloseTo(q, 13);
      expect(k.ntk).toBeCloseTo((L + 1) * q, 13);
    }
  });

  it('Grams are symmetric PSD; the TF.js inner-product path agrees with float64', () => {
    const rng = new Rng(keyFromSeed(2));
    const X = Array.from({ length: 15 }, () => Array.from(Float32Array.from(rng.normals(5))));
    const { nngp, ntk } = reluNetworkKernels(X, undefined, { hiddenLayers: 2, biasVariance: 0.1 });
    for (const g of [nngp, ntk]) expect(symmetricEigenvalues(gramToRows(g))[0]).toBeGreaterThan(-1e-10);
    const H = hypercube(40, 20, 3);
    expect(relativeFrobeniusError(sphereReluNtkGram(H, undefined, { innerProducts: 'tfjs' }), sphereReluNtkGram(H))).toBeLessThan(1e-7);
  });

  it('names bad options', () => {
    expect(() => reluNetworkKernel([1], [1], { hiddenLayers: 0 })).toThrow(/hiddenLayers must be an integer >= 1/);
    expect(() => reluNetworkKernel([1], [1, 2], { hiddenLayers: 1 })).toThrow(/same length/);
  });
});
