import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { mlpForward, type MlpSpec } from '../models/mlp64.js';
import { mlp, mlpSpecFromParams } from '../models/mlp.js';
import { disposeParams, paramsToArrays } from '../models/Model.js';
import { Rng, keyFromSeed } from '../random.js';
import { fitLogLogSlope } from '../stats.js';
import { dense } from './dense.js';
import { empiricalNtk } from './empiricalNtk.js';
import { gramToRows, relativeFrobeniusError } from './Gram.js';
import { kernelFn, staxModel, type StaxLayer } from './layer.js';
import { relu } from './relu.js';
import { serial } from './serial.js';

/** Theta = J J^T with J from central differences of a float64 forward pass over a list of scalar slots. */
function finiteDifferenceNtk(slots: { get(): number; set(v: number): void }[], f: () => number[], h = 1e-6): number[][] {
  const J = slots.map((s) => {
    const v = s.get();
    s.set(v + h);
    const up = f();
    s.set(v - h);
    const down = f();
    s.set(v);
    return up.map((u, i) => (u - down[i]) / (2 * h));
  });
  const n = J[0].length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => J.reduce((s, col) => s + col[i] * col[j], 0)));
}

/** n x d standard normal rows rounded to float32 (so both paths see the same inputs), from `seed`. */
function rows(n: number, d: number, seed: number): number[][] {
  const rng = new Rng(keyFromSeed(seed));
  return Array.from({ length: n }, () => Array.from(Float32Array.from(rng.normals(d))));
}

function expectClose(got: number[][], want: number[][], rel: number): void {
  const scale = Math.max(...want.flat().map(Math.abs));
  got.forEach((r, i) => r.forEach((v, j) => expect(Math.abs(v - want[i][j])).toBeLessThan(rel * scale)));
}

describe('empiricalNtk', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('matches float64 finite differences on a tiny tanh MLP (core mlp, float64 twin mlp64)', () => {
    const model = mlp({ inputDim: 3, widths: [4, 1], activation: 'tanh', biasStd: 0.3 });
    const params = model.init(keyFromSeed(3));
    const X = rows(5, 3, 1);
    const spec = mlpSpecFromParams(params, 'tanh') as { layers: { W: number[][]; b: number[] }[] } & MlpSpec;
    const slots = spec.layers.flatMap((l) => [
      ...l.W.flatMap((row) =>
        row.map((_, j) => ({
          get: () => row[j],
          set: (v: number) => {
            row[j] = v;
          },
        })),
      ),
      ...l.b.map((_, i) => ({
        get: () => l.b[i],
        set: (v: number) => {
          l.b[i] = v;
        },
      })),
    ]);
    const want = finiteDifferenceNtk(slots, () => mlpForward(spec, X).map((o) => o[0]));
    const before = tf.memory().numTensors;
    for (const chunk of [1, 2, 5]) expectClose(gramToRows(empiricalNtk(model, params, X, undefined, { chunk })), want, 1e-5);
    expect(tf.memory().numTensors).toBe(before);
    disposeParams(params);
  });

  it('matches finite differences on a stax ReLU net with biases, including a cross-kernel', () => {
    const d = 3,
      m = 6,
      sW = Math.SQRT2,
      sB = 0.4;
    const model = staxModel(serial(dense({ width: m, sigmaB: sB }), relu(), dense({ width: 1, sigmaW: sW, sigmaB: sB })), d);
    const params = model.init(keyFromSeed(4));
    const a = paramsToArrays(params) as Record<string, number[][] | number[]>;
    const W = a['0.W'] as number[][],
      b = a['0.b'] as number[],
      V = a['2.W'] as number[][],
      c = a['2.b'] as number[];
    const f64 = (x: number[]) => {
      let s = sB * c[0];
      for (let r = 0; r < m; r++) {
        const pre = x.reduce((acc, v, i) => acc + v * W[i][r], 0) / Math.sqrt(d) + sB * b[r];
        s += (sW / Math.sqrt(m)) * V[r][0] * Math.max(0, pre);
      }
      return s;
    };
    const X = rows(4, d, 2),
      Z = rows(3, d, 3);
    const XZ = [...X, ...Z];
    const slot = (arr: number[], i: number) => ({
      get: () => arr[i],
      set: (v: number) => {
        arr[i] = v;
      },
    });
    const slots = [
      ...W.flatMap((row) => row.map((_, j) => slot(row, j))),
      ...b.map((_, i) => slot(b, i)),
      ...V.map((row) => slot(row, 0)),
      slot(c, 0),
    ];
    const joint = finiteDifferenceNtk(slots, () => XZ.map(f64));
    const cross = gramToRows(empiricalNtk(model, params, X, Z));
    expectClose(
      cross,
      X.map((_, i) => Z.map((__, j) => joint[i][X.length + j])),
      1e-5,
    );
    disposeParams(params);
  });

  it('names a model with more than one output', () => {
    const model = mlp({ inputDim: 2, widths: [3, 2], activation: 'relu' });
    const p = model.init(keyFromSeed(1));
    expect(() => empiricalNtk(model, p, [[1, 2]])).toThrow(/must have one output \(got 2\)/);
    disposeParams(p);
  });

  /**
   * Generic over architectures: the empirical NTK at initialisation tends to the analytic NTK
   * (Jacot et al. 2018, Thm 1), with fluctuations O(1/sqrt(width)). Monte-Carlo: the RMS over
   * seeds of the relative Frobenius error on 6 points must fall at every 4x step in width, with
   * a fitted log-log slope near -1/2, and end below 5 / sqrt(final width) (measured: about
   * 2-3 / sqrt(width) for both nets). The three-layer net stops at 2048 and uses fewer seeds
   * there: its width^2 hidden matrix makes one seed at 4096 cost ~2.5 s (per-example gradients
   * of 16.8M parameters), and the suite has a 30 s budget.
   */
  interface Case {
    readonly widths: number[];
    seeds(width: number): number;
    net(width: number): StaxLayer;
  }
  const architectures: [string, Case][] = [
    [
      'two-layer ReLU (catalog parameterisation)',
      {
        widths: [64, 256, 1024, 4096],
        seeds: () => 12,
        net: (m) => serial(dense({ width: m }), relu(), dense({ width: 1, sigmaW: Math.SQRT2 })),
      },
    ],
    [
      'three-layer ReLU with biases',
      {
        widths: [32, 128, 512, 2048],
        seeds: (m) => (m >= 2048 ? 6 : 12),
        net: (m) =>
          serial(
            dense({ width: m, sigmaB: 0.3 }),
            relu(),
            dense({ width: m, sigmaW: Math.SQRT2, sigmaB: 0.3 }),
            relu(),
            dense({ width: 1, sigmaW: Math.SQRT2 }),
          ),
      },
    ],
  ];
  it.each(architectures)('converges to the analytic NTK as width grows: %s', (_name, c) => {
    const d = 5;
    const X = rows(6, d, 21).map((r, i) => r.map((v) => v * (0.5 + 0.3 * i)));
    const analytic = kernelFn(c.net(1), X).ntk;
    const before = tf.memory().numTensors;
    const rms = c.widths.map((m) => {
      const model = staxModel(c.net(m), d);
      let sq = 0;
      for (let s = 0; s < c.seeds(m); s++) {
        const params = model.init(keyFromSeed(1000 * m + s));
        sq += relativeFrobeniusError(empiricalNtk(model, params, X), analytic) ** 2;
        disposeParams(params);
      }
      return Math.sqrt(sq / c.seeds(m));
    });
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 1; i < rms.length; i++) expect(rms[i]).toBeLessThan(rms[i - 1]);
    const fit = fitLogLogSlope(c.widths, rms);
    expect(fit.slope).toBeGreaterThan(-0.8);
    expect(fit.slope).toBeLessThan(-0.3);
    expect(rms[rms.length - 1]).toBeLessThan(5 / Math.sqrt(c.widths[c.widths.length - 1]));
  });
});
