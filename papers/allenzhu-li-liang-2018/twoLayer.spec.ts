import { describe, expect, it } from 'vitest';
import { keyFromSeed, rngFrom } from '../../src/core/random.js';
import { biasSphereInputs, labels, twoLayerConcept, variance } from './concepts.js';
import { meanSquaredDifference } from '../../src/core/linalg/dense.js';
import { forwardTwoLayer, gradTwoLayer, initTwoLayer, predictTwoLayer, sgdTwoLayer } from './twoLayer.js';

const key = keyFromSeed(11);

describe('azllTwoLayer', () => {
  it('dL/dW matches central finite differences of (F - y)^2 / 2 in float64', () => {
    const net = initTwoLayer(rngFrom(key, 'init'), 7, 5, 0.3);
    const X = biasSphereInputs(rngFrom(key, 'x'), 1, 5).X;
    const y = 0.4;
    const g = gradTwoLayer(net, X, 0, y);
    const loss = () => 0.5 * (forwardTwoLayer(net, X, 0) - y) ** 2;
    const h = 1e-6;
    let checked = 0;
    for (let k = 0; k < net.W.length; k++) {
      const w = net.W[k];
      net.W[k] = w + h;
      const lp = loss();
      net.W[k] = w - h;
      const lm = loss();
      net.W[k] = w;
      expect(g[k]).toBeCloseTo((lp - lm) / (2 * h), 8);
      if (g[k] !== 0) checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('one online step is w <- w - eta dL/dw for the single sample', () => {
    const net = initTwoLayer(rngFrom(key, 'init2'), 6, 4, 0.2);
    const data = biasSphereInputs(rngFrom(key, 'x2'), 1, 4);
    const y = Float64Array.of(-0.7);
    const g = gradTwoLayer(net, data.X, 0, y[0]);
    const before = net.W.slice();
    expect(sgdTwoLayer(net, data, y, 0.5, 1, rngFrom(key, 'sgd'))).toBe(true);
    for (let k = 0; k < before.length; k++) expect(net.W[k]).toBeCloseTo(before[k] - 0.5 * g[k], 14);
  });

  it('init has the catalog variances and SGD learns a small realizable concept', () => {
    const m = 4000;
    const big = initTwoLayer(rngFrom(key, 'big'), m, 10, 0.05);
    const varOf = (v: Float64Array) => variance(v) + (v.reduce((a, b) => a + b, 0) / v.length) ** 2;
    expect(varOf(big.a)).toBeCloseTo(0.05 ** 2, 4);
    expect(varOf(big.W) * m).toBeCloseTo(1, 1);
    expect(varOf(big.b) * m).toBeCloseTo(1, 1);
    const f = twoLayerConcept(rngFrom(key, 'f'), 6, 2);
    const train = biasSphereInputs(rngFrom(key, 'tr'), 1000, 6),
      test = biasSphereInputs(rngFrom(key, 'te'), 2000, 6);
    const y = labels(f, train),
      yt = labels(f, test);
    const net = initTwoLayer(rngFrom(key, 'n'), 200, 6, 0.05);
    const before = meanSquaredDifference(predictTwoLayer(net, test), yt) / variance(yt);
    expect(sgdTwoLayer(net, train, y, 10 / (0.05 * 200), 5, rngFrom(key, 's'))).toBe(true);
    const after = meanSquaredDifference(predictTwoLayer(net, test), yt) / variance(yt);
    expect(before).toBeGreaterThan(0.9);
    expect(after).toBeLessThan(0.1);
  });

  it('reports divergence instead of returning garbage', () => {
    const net = initTwoLayer(rngFrom(key, 'div'), 50, 4, 1);
    const data = biasSphereInputs(rngFrom(key, 'xd'), 100, 4);
    expect(sgdTwoLayer(net, data, new Float64Array(100).fill(5), 1e4, 3, rngFrom(key, 'sd'))).toBe(false);
  });
});

describe('predictTwoLayer', () => {
  it('is bit-identical to forwardTwoLayer row by row (blocked loop, same summation order)', () => {
    const net = initTwoLayer(rngFrom(key, 'p'), 37, 6, 0.3);
    const data = biasSphereInputs(rngFrom(key, 'px'), 23, 6);
    const pred = predictTwoLayer(net, data);
    for (let r = 0; r < 23; r++) expect(pred[r]).toBe(forwardTwoLayer(net, data.X, r * 6));
  });
});

describe('sgdTwoLayer d = 10 fast path', () => {
  it('gives bit-identical weights to the generic loop (same operations, same order)', () => {
    const data = biasSphereInputs(rngFrom(key, 'f10'), 50, 10);
    const y = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const fast = initTwoLayer(rngFrom(key, 'i10'), 40, 10, 0.05);
    expect(sgdTwoLayer(fast, data, y, 0.3, 2, rngFrom(key, 's10'))).toBe(true);
    // The generic path, reached by padding to d = 11 with a zero coordinate (adds exact zeros).
    const X11 = new Float64Array(50 * 11);
    for (let r = 0; r < 50; r++) X11.set(data.X.subarray(r * 10, r * 10 + 10), r * 11);
    const ref = initTwoLayer(rngFrom(key, 'i10'), 40, 10, 0.05);
    const W11 = new Float64Array(40 * 11);
    for (let i = 0; i < 40; i++) W11.set(ref.W.subarray(i * 10, i * 10 + 10), i * 11);
    const net11 = { ...ref, d: 11, W: W11 };
    expect(sgdTwoLayer(net11, { n: 50, d: 11, X: X11 }, y, 0.3, 2, rngFrom(key, 's10'))).toBe(true);
    for (let i = 0; i < 40; i++) for (let t = 0; t < 10; t++) expect(fast.W[i * 10 + t]).toBe(W11[i * 11 + t]);
  });
});
