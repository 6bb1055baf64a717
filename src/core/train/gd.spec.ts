import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { linear } from '../models/linear.js';
import { disposeParams, paramsToArrays, stackParams } from '../models/Model.js';
import { keyFromSeed } from '../random.js';
import { withLeakCheck } from '../tf/leakCheck.js';
import { randomMatrix } from '../tf/testing.js';
import { gd } from './gd.js';

/** 3x3 solve by Cramer's rule (float64): the least-squares solution from the normal equations. */
function solve3(A: number[][], b: number[]): number[] {
  const det = (M: number[][]) =>
    M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) -
    M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) +
    M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
  const D = det(A);
  return [0, 1, 2].map((j) => det(A.map((row, i) => row.map((a, k) => (k === j ? b[i] : a)))) / D);
}

function leastSquares(rows: number[][], y: number[]): number[] {
  const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, x) => s + x[i] * x[j], 0)));
  const b = [0, 1, 2].map((i) => rows.reduce((s, x, r) => s + x[i] * y[r], 0));
  return solve3(A, b);
}

describe('gd', () => {
  const n = 40;
  const model = linear({ inputDim: 3 });
  let X: tf.Tensor2D;
  let y: tf.Tensor1D;
  let wStar: number[];
  beforeAll(async () => {
    await initBackend('wasm');
    const data = randomMatrix(1, n, 3);
    X = data.X;
    const yArr = data.rows.map((x, i) => Math.fround(0.5 * x[0] - 2 * x[1] + x[2] + 0.3 * Math.sin(7 * i)));
    y = tf.tensor1d(yArr);
    wStar = leastSquares(data.rows, yArr);
  });

  it('converges to the float64 least-squares solution, without leaking tensors', async () => {
    const params = model.init(keyFromSeed(2));
    const { result: res, leaked } = await withLeakCheck(() => {
      const r = gd({ model, params, X, y, loss: 'squared', steps: 400, lr: 0.5, logEvery: 50 });
      const w = (paramsToArrays(r.params).w as number[][]).map((row) => row[0]);
      disposeParams(r.params);
      return { ...r, w };
    });
    expect(leaked).toBe(0);
    expect(res.diverged).toBe(false);
    expect(res.steps).toBe(400);
    expect(res.history.map((h) => h.step)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
    res.w.forEach((wi, i) => expect(Math.abs(wi - wStar[i])).toBeLessThan(1e-4));
    const losses = res.history.map((h) => h.loss);
    losses.slice(1).forEach((l, i) => expect(l).toBeLessThanOrEqual(losses[i] + 1e-7));
    disposeParams(params);
  });

  it('trains stacked chains independently; trackMeanLoss averages the iterates', async () => {
    const starts = [3, 4, 5].map((s) => model.init(keyFromSeed(s)));
    const params = stackParams(starts);
    const { result: res, leaked } = await withLeakCheck(() => {
      const r = gd({ model, params, X, y, loss: 'squared', steps: 300, lr: 0.5, chains: 3, logEvery: 1, trackMeanLoss: true });
      const w = paramsToArrays(r.params).w as number[][][];
      disposeParams(r.params);
      return { ...r, w };
    });
    expect(leaked).toBe(0);
    for (const chain of res.w) chain.forEach((row, i) => expect(Math.abs(row[0] - wStar[i])).toBeLessThan(1e-4));
    // meanLoss = (1/T) sum_{t < T} F(iterate t); with logEvery 1 the history holds every F(t).
    const perChain = [0, 1, 2].map((c) => res.history.slice(0, 300).reduce((s, h) => s + h.chainLosses![c], 0) / 300);
    res.chainMeanLoss!.forEach((m, c) => expect(Math.abs(m - perChain[c])).toBeLessThan(1e-5 * (1 + perChain[c])));
    [...starts, params].forEach(disposeParams);
  });

  it('reports divergence for a huge learning rate instead of throwing', async () => {
    const params = model.init(keyFromSeed(2));
    const { result: res, leaked } = await withLeakCheck(() => {
      const r = gd({ model, params, X, y, loss: 'squared', steps: 1000, lr: 1e4, logEvery: 10 });
      disposeParams(r.params);
      return r;
    });
    expect(leaked).toBe(0);
    expect(res.diverged).toBe(true);
    expect(res.steps).toBeLessThan(1000);
    expect(Number.isFinite(res.history[res.history.length - 1].loss)).toBe(false);
    disposeParams(params);
  });

  it('validates its options, naming the argument', () => {
    const params = model.init(keyFromSeed(2));
    const base = { model, params, X, y, loss: 'squared' as const, steps: 10 };
    expect(() => gd({ ...base })).toThrow(/exactly one of lr .* and schedule/);
    expect(() => gd({ ...base, lr: 0.1, steps: -1 })).toThrow(/steps must be a non-negative integer/);
    expect(() => gd({ ...base, lr: 0.1, trainable: ['V'] })).toThrow(/trainable entry "V" matches no parameter; params are: w/);
    expect(() => gd({ ...base, lr: 0.1, y: tf.zeros([n + 1]) })).toThrow(/y must be \[40, 1\]/);
    expect(() => gd({ ...base, lr: 0.1, chains: 2 })).toThrow(/params\["w"\] must be \[2, 3, 1\]/);
    expect(() => gd({ ...base, lr: 0.1, loss: 'hinge' as never })).toThrow(/unknown loss "hinge"/);
    disposeParams(params);
  });

  it('supports a schedule and zero steps', () => {
    const params = model.init(keyFromSeed(2));
    const r0 = gd({ model, params, X, y, loss: 'squared', steps: 0, lr: 0.1 });
    expect(r0.history).toHaveLength(1);
    expect(paramsToArrays(r0.params)).toEqual(paramsToArrays(params));
    const r1 = gd({ model, params, X, y, loss: 'squared', steps: 50, schedule: (t) => 0.5 / Math.sqrt(t + 1) });
    expect(r1.history[r1.history.length - 1].loss).toBeLessThan(r1.history[0].loss);
    [params, r0.params, r1.params].forEach(disposeParams);
  });
});
