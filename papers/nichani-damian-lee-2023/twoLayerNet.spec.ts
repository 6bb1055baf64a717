import { describe, expect, it } from 'vitest';
import { Rng, keyFromSeed } from '../../src/core/random.js';
import { batchLossGrad, initNet, netPredict, trainTwoLayerNet } from './twoLayerNet.js';

describe('the gradient-trained two-layer baseline (float64 Adam)', () => {
  it('batchLossGrad: the loss is half the mean squared error of netPredict, the gradient matches central differences', () => {
    const rng = new Rng(keyFromSeed(5));
    const m = 7,
      d = 3,
      n = 9;
    const X = rng.normals(n * d);
    const y = rng.normals(n);
    const theta = initNet(m, d, 0.3, keyFromSeed(6));
    const rows = Int32Array.from([0, 2, 3, 5, 8]);
    const grad = new Float64Array(theta.length);
    const loss = batchLossGrad(theta, grad, m, d, X, y, rows, rows.length);
    const pred = netPredict(theta, m, d, X, n);
    expect(loss).toBeCloseTo(rows.reduce((s, i) => s + 0.5 * (pred[i] - y[i]) ** 2, 0) / rows.length, 12);
    const h = 1e-6;
    const scratch = new Float64Array(theta.length);
    for (let k = 0; k < theta.length; k++) {
      const tp = theta.slice(),
        tm = theta.slice();
      tp[k] += h;
      tm[k] -= h;
      const fd =
        (batchLossGrad(tp, scratch, m, d, X, y, rows, rows.length) - batchLossGrad(tm, scratch, m, d, X, y, rows, rows.length)) / (2 * h);
      expect(Math.abs(fd - grad[k])).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
    }
  });

  it('learns a smooth target, and the holdout chooses the checkpoint (lowest holdout MSE)', () => {
    const rng = new Rng(keyFromSeed(7));
    const d = 2,
      n = 400,
      nVal = 200;
    const X = rng.normals(n * d),
      XVal = rng.normals(nVal * d);
    const f = (x: Float64Array, i: number) => Math.max(0, x[i * d]) - 0.5 * x[i * d + 1];
    const y = Float64Array.from({ length: n }, (_, i) => f(X, i));
    const yVal = Float64Array.from({ length: nVal }, (_, i) => f(XVal, i));
    const fit = trainTwoLayerNet(X, y, XVal, yVal, d, keyFromSeed(8), {
      width: 32,
      lrs: [1e-2, 3e-2],
      steps: 400,
      batch: 32,
      evalEvery: 50,
    });
    const pred = fit.predict(XVal, nVal);
    let mse = 0,
      varY = 0;
    const mean = yVal.reduce((s, v) => s + v, 0) / nVal;
    for (let i = 0; i < nVal; i++) {
      mse += (pred[i] - yVal[i]) ** 2 / nVal;
      varY += (yVal[i] - mean) ** 2 / nVal;
    }
    expect(fit.holdoutMse).toBeCloseTo(mse, 12);
    expect(mse / varY).toBeLessThan(0.05);
    expect([1e-2, 3e-2]).toContain(fit.lr);
    expect(fit.steps % 50).toBe(0);
  });
});
