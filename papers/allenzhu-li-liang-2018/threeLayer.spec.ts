import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import { biasSphereInputs, labels, threeLayerConcept, variance } from './concepts.js';
import { meanSquaredDifference } from '../../src/core/linalg/dense.js';
import {
  accumulateGrad,
  allocHidden,
  cloneThreeLayer,
  forwardThreeLayer,
  initThreeLayer,
  predictThreeLayer,
  trainThreeLayer,
  zeroGrad,
} from './threeLayer.js';

const key = keyFromSeed(23);

describe('azllThreeLayer', () => {
  it('forward pass equals the formula sum_i a_i relu(sum_j v_ij relu(<w_j, x> + b1_j) + b2_i)', () => {
    const net = initThreeLayer(rngFrom(key, 'f'), 3, 4, 5, 1);
    const x = Float64Array.of(0.2, -0.5, 0.5);
    const relu = (t: number) => Math.max(t, 0);
    const s = Array.from({ length: 4 }, (_, j) => relu(net.b1[j] + [0, 1, 2].reduce((a, k) => a + net.W[j * 3 + k] * x[k], 0)));
    const f = Array.from({ length: 5 }, (_, i) => net.a[i] * relu(net.b2[i] + s.reduce((a, sj, j) => a + net.V[i * 4 + j] * sj, 0))).reduce(
      (a, b) => a + b,
      0,
    );
    expect(forwardThreeLayer(net, x, 0, allocHidden(net))).toBeCloseTo(f, 14);
  });

  it('dF/dtheta for W, b1, V, b2 matches central finite differences in float64', () => {
    const net = initThreeLayer(rngFrom(key, 'g'), 4, 6, 5, 1);
    const x = biasSphereInputs(rngFrom(key, 'x'), 1, 4).X;
    const z = allocHidden(net);
    forwardThreeLayer(net, x, 0, z);
    const g = zeroGrad(net);
    accumulateGrad(net, x, 0, z, 1, g, new Float64Array(net.m1));
    const h = 1e-6;
    const groups: [Float64Array, Float64Array][] = [
      [net.W, g.W],
      [net.b1, g.b1],
      [net.V, g.V],
      [net.b2, g.b2],
    ];
    let nonzero = 0;
    for (const [theta, grad] of groups) {
      for (let k = 0; k < theta.length; k++) {
        const t = theta[k];
        theta[k] = t + h;
        const fp = forwardThreeLayer(net, x, 0, z);
        theta[k] = t - h;
        const fm = forwardThreeLayer(net, x, 0, z);
        theta[k] = t;
        expect(grad[k]).toBeCloseTo((fp - fm) / (2 * h), 7);
        if (grad[k] !== 0) nonzero++;
      }
    }
    expect(nonzero).toBeGreaterThan(10);
  });

  it('one full-batch SGD step is theta - lr * mean_r (F - y) dF/dtheta', () => {
    const net = initThreeLayer(rngFrom(key, 's'), 3, 4, 4, 1);
    const data = biasSphereInputs(rngFrom(key, 'sx'), 3, 3);
    const y = Float64Array.of(0.3, -0.2, 0.9);
    const z = allocHidden(net),
      g = zeroGrad(net),
      ds = new Float64Array(net.m1);
    for (let r = 0; r < 3; r++) {
      const res = forwardThreeLayer(net, data.X, r * 3, z) - y[r];
      accumulateGrad(net, data.X, r * 3, z, res / 3, g, ds);
    }
    const next = cloneThreeLayer(net);
    expect(trainThreeLayer(next, data, y, { epochs: 1, batchSize: 3, optimizer: { kind: 'sgd', lr: 0.1 } }, rngFrom(key, 'o'))).toBe(true);
    for (let k = 0; k < net.V.length; k++) expect(next.V[k]).toBeCloseTo(net.V[k] - 0.1 * g.V[k], 13);
    for (let k = 0; k < net.W.length; k++) expect(next.W[k]).toBeCloseTo(net.W[k] - 0.1 * g.W[k], 13);
    expect(Array.from(next.a)).toEqual(Array.from(net.a));
  });

  it('Adam training learns a small realizable three-layer concept', () => {
    const f = threeLayerConcept(rngFrom(key, 'c'), 5, 2, 2);
    const train = biasSphereInputs(rngFrom(key, 'tr'), 400, 5),
      test = biasSphereInputs(rngFrom(key, 'te'), 1000, 5);
    const sd = Math.sqrt(variance(labels(f, test)));
    const y = labels(f, train, 1 / sd),
      yt = labels(f, test, 1 / sd);
    const net = initThreeLayer(rngFrom(key, 'n'), 5, 16, 16, 0.1);
    const before = meanSquaredDifference(predictThreeLayer(net, test), yt) / variance(yt);
    expect(
      trainThreeLayer(
        net,
        train,
        y,
        { epochs: 60, batchSize: 32, optimizer: { kind: 'adam', lr: 0.01 }, decayAt: [0.75] },
        rngFrom(key, 't'),
      ),
    ).toBe(true);
    const after = meanSquaredDifference(predictThreeLayer(net, test), yt) / variance(yt);
    expect(before).toBeGreaterThan(0.9);
    expect(after).toBeLessThan(0.1);
  });
});
