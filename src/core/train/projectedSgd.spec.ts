import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { mlp } from '../models/mlp.js';
import { disposeParams, paramsToArrays, stackParams, type Params } from '../models/Model.js';
import { tweakedUnit } from '../models/residual.js';
import { keyFromSeed, Rng } from '../random.js';
import { withLeakCheck } from '../tf/leakCheck.js';
import { randomMatrix } from '../tf/testing.js';
import { projectedSgd, projectJointly } from './projectedSgd.js';

const d = 6;
const k = 5;
const n = 50;
const b = 1.5;
const model = tweakedUnit({ features: mlp({ inputDim: d, widths: [k], activation: 'tanh' }), wStd: 2, vStd: 2 });

/** Joint Euclidean norm of (w, v) per chain, in float64. */
function jointNorms(p: Readonly<Params>): number[] {
  const w = p.w.arraySync() as number[][] | number[][][];
  const v = p.v.arraySync() as number[][] | number[][][];
  const chains = (p.w.rank === 3 ? w : [w]) as number[][][];
  const vs = (p.v.rank === 3 ? v : [v]) as number[][][];
  return chains.map((wc, c) => Math.sqrt([...wc.flat(), ...vs[c].flat()].reduce((s, x) => s + x * x, 0)));
}

describe('projectedSgd', () => {
  let X: tf.Tensor2D;
  let y: tf.Tensor1D;
  beforeAll(async () => {
    await initBackend('wasm');
    X = randomMatrix(1, n, d).X;
    y = tf.tensor1d(Float32Array.from(new Rng(keyFromSeed(2)).uniforms(n), (u) => (u < 0.5 ? -1 : 1)));
  });

  it('keeps every iterate (w, v) in the ball, jointly, while theta changes every step', async () => {
    const params = model.init(keyFromSeed(3));
    expect(jointNorms(params)[0]).toBeGreaterThan(b); // the start is outside: it gets projected
    const norms: number[] = [];
    const { result, leaked } = await withLeakCheck(() => {
      const r = projectedSgd({
        model,
        params,
        X,
        y,
        loss: 'logistic',
        steps: 80,
        lr: 2,
        batchSize: 1,
        key: keyFromSeed(4),
        trainable: ['w', 'v'],
        project: { names: ['w', 'v'], radius: b },
        onStep: (t, p) => {
          norms.push(jointNorms(p)[0]);
          return { 'theta.W0': tf.tensor2d(Float32Array.from(new Rng(keyFromSeed(50 + t)).normals(d * k, 3)), [d, k]) };
        },
      });
      norms.push(jointNorms(r.params)[0]);
      disposeParams(r.params);
      return r;
    });
    expect(leaked).toBe(0);
    expect(result.diverged).toBe(false);
    expect(norms).toHaveLength(81);
    for (const nm of norms) expect(nm).toBeLessThanOrEqual(b * (1 + 1e-6));
    // lr 2 with |grad| ~ 1 pushes to the boundary: the projection is active, not vacuous.
    expect(Math.max(...norms)).toBeGreaterThan(b * (1 - 1e-3));
    disposeParams(params);
  });

  it('projects the concatenation, not each block separately, and per chain', () => {
    const before = tf.memory().numTensors;
    // ||w|| = ||v|| = 1 (each inside a ball of radius 1.2), joint norm sqrt 2 > 1.2.
    const w = tf.tensor2d([[0.6], [0.8]]);
    const v = tf.tensor2d([[1], [0]]);
    const [pw, pv] = projectJointly([w, v], 1.2, undefined);
    const s = 1.2 / Math.SQRT2;
    const gotW = pw.dataSync();
    expect(gotW[0]).toBeCloseTo(0.6 * s, 6);
    expect(gotW[1]).toBeCloseTo(0.8 * s, 6);
    expect(pv.dataSync()[0]).toBeCloseTo(s, 6);
    // Chains: the inside chain is unchanged, the outside one scaled; zero stays zero.
    const got = tf.tidy(() => {
      const ws = tf.stack([tf.mul(w, 0.1), w, tf.zerosLike(w)]);
      const vs = tf.stack([tf.mul(v, 0.1), v, tf.zerosLike(v)]);
      return projectJointly([ws, vs], 1.2, 3)[0].arraySync() as number[][][];
    });
    expect(got[0].flat()[1]).toBeCloseTo(0.08, 6);
    expect(got[1].flat()[1]).toBeCloseTo(0.8 * s, 6);
    expect(got[2].flat()).toEqual([0, 0]);
    tf.dispose([w, v, pw, pv]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('projects each chain of a batched run', () => {
    const starts = [5, 6].map((s) => model.init(keyFromSeed(s)));
    const params = stackParams(starts);
    const r = projectedSgd({
      model,
      params,
      X,
      y,
      loss: 'logistic',
      steps: 20,
      lr: 3,
      key: keyFromSeed(4),
      chains: 2,
      project: { names: ['w', 'v'], radius: b },
    });
    for (const nm of jointNorms(r.params)) expect(nm).toBeLessThanOrEqual(b * (1 + 1e-6));
    expect(paramsToArrays(r.params)['theta.W0']).not.toEqual(paramsToArrays(params)['theta.W0']); // theta trained too
    [...starts, params, r.params].forEach(disposeParams);
  });

  it('rejects a bad radius and projecting frozen parameters', () => {
    const params = model.init(keyFromSeed(3));
    const base = { model, params, X, y, loss: 'logistic' as const, steps: 1, lr: 0.1, key: keyFromSeed(1) };
    expect(() => projectedSgd({ ...base, project: { names: ['w'], radius: 0 } })).toThrow(/radius must be a finite number > 0/);
    expect(() => projectedSgd({ ...base, trainable: ['w'], project: { names: ['w', 'v'], radius: 1 } })).toThrow(/frozen parameters \(v\)/);
    expect(() => projectedSgd({ ...base, project: { names: ['u'], radius: 1 } })).toThrow(/project.names entry "u"/);
    disposeParams(params);
  });
});
