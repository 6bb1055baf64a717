import { describe, expect, it } from 'vitest';
import { choleskySolve } from '../../src/core/linalg/dense.js';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import { gaussianSphereInputs } from './concepts.js';
import { featureRidgeOnTest, initFeatures, kernelRidgeOnTest, lastLayerGram, ntkGram } from './ntk.js';
import { allocHidden, forwardThreeLayer, initThreeLayer } from './threeLayer.js';

const key = keyFromSeed(31);

/** Jacobian of F over (W, b1, V, b2) by central finite differences, one row per input. */
function fdJacobian(net: ReturnType<typeof initThreeLayer>, X: Float64Array, n: number, d: number): number[][] {
  const z = allocHidden(net);
  const h = 1e-6;
  return Array.from({ length: n }, (_, r) => {
    const row: number[] = [];
    for (const theta of [net.W, net.b1, net.V, net.b2]) {
      for (let k = 0; k < theta.length; k++) {
        const t = theta[k];
        theta[k] = t + h;
        const fp = forwardThreeLayer(net, X, r * d, z);
        theta[k] = t - h;
        const fm = forwardThreeLayer(net, X, r * d, z);
        theta[k] = t;
        row.push((fp - fm) / (2 * h));
      }
    }
    return row;
  });
}

describe('azllNtk', () => {
  const net = initThreeLayer(rngFrom(key, 'net'), 4, 5, 6, 1);
  const A = gaussianSphereInputs(rngFrom(key, 'a'), 7, 4),
    B = gaussianSphereInputs(rngFrom(key, 'b'), 3, 4);
  const fa = initFeatures(net, A),
    fb = initFeatures(net, B);

  it('the closed-form NTK equals J_A J_B^T of a finite-difference Jacobian over W, b1, V, b2', () => {
    const JA = fdJacobian(net, A.X, 7, 4),
      JB = fdJacobian(net, B.X, 3, 4);
    const K = ntkGram(net, fa, A, fb, B);
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 3; c++) {
        const ref = JA[r].reduce((s, v, k) => s + v * JB[c][k], 0);
        expect(K[r * 3 + c]).toBeCloseTo(ref, 6);
      }
    }
    expect(Array.from(fa.f0)).toEqual(Array.from({ length: 7 }, (_, r) => forwardThreeLayer(net, A.X, r * 4, allocHidden(net))));
  });

  it('the last-layer kernel is the Gram of relu(n_i + b2_i) plus a constant feature', () => {
    const K = lastLayerGram(net, fa, fb);
    const z = allocHidden(net);
    const feats = (X: Float64Array, r: number) => {
      forwardThreeLayer(net, X, r * 4, z);
      return [...Array.from(z.n, (v) => Math.max(v, 0)), 1];
    };
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 3; c++) {
        const u = feats(A.X, r),
          v = feats(B.X, c);
        expect(K[r * 3 + c]).toBeCloseTo(
          u.reduce((s, x, i) => s + x * v[i], 0),
          12,
        );
      }
    }
  });

  it('kernel ridge on the residual matches a direct solve and picks the best ridge on the test set', () => {
    const K = ntkGram(net, fa, A, fa, A),
      Kt = ntkGram(net, fb, B, fa, A);
    const y = Float64Array.from({ length: 7 }, (_, i) => Math.sin(i));
    const yt = Float64Array.of(0.1, -0.3, 0.2);
    const res = kernelRidgeOnTest(K, 7, y, fa.f0, Kt, 3, yt, fb.f0, [1e-3, 1e-1]);
    const meanDiag = [0, 1, 2, 3, 4, 5, 6].reduce((s, i) => s + K[i * 7 + i], 0) / 7;
    for (const [i, lam] of [1e-3, 1e-1].entries()) {
      const M = Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => K[r * 7 + c] + (r === c ? lam * meanDiag * 7 : 0)));
      const alpha = choleskySolve(
        M,
        Array.from(y, (v, r) => v - fa.f0[r]),
      );
      const pred = [0, 1, 2].map((r) => fb.f0[r] + alpha.reduce((s, a, c) => s + a * Kt[r * 7 + c], 0));
      const mse = pred.reduce((s, p, r) => s + (p - yt[r]) ** 2, 0) / 3;
      expect(res.scores[i].mse).toBeCloseTo(mse, 10);
    }
    expect(res.mse).toBe(Math.min(...res.scores.map((s) => s.mse)));
  });

  it('primal feature ridge equals kernel ridge on the last-layer Gram (push-through identity)', () => {
    const D = net.m2 + 1;
    const y = Float64Array.from({ length: 7 }, (_, i) => Math.cos(i));
    const yt = Float64Array.of(0.4, -0.1, 0.3);
    const lambdas = [1e-4, 1e-2, 1];
    const dual = kernelRidgeOnTest(lastLayerGram(net, fa, fa), 7, y, fa.f0, lastLayerGram(net, fb, fa), 3, yt, fb.f0, lambdas);
    const primal = featureRidgeOnTest(fa.last, 7, D, y, fa.f0, fb.last, 3, yt, fb.f0, lambdas);
    for (let i = 0; i < lambdas.length; i++) expect(primal.scores[i].mse).toBeCloseTo(dual.scores[i].mse, 9);
    expect(primal.lambda).toBe(dual.lambda);
  });
});
