import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type BackendName } from '../backend.js';
import { mlpForward } from './mlp64.js';
import { keyFromSeed } from '../random.js';
import { expectArraysClose, randomMatrix } from '../tf/testing.js';
import { mlp, mlpSpecFromParams } from './mlp.js';
import { disposeParams, paramsToArrays, stackParams, subParams, type Model, type Params } from './Model.js';
import { noSkipUnit, residualUnit, tweakedUnit } from './residual.js';

const d = 4;
const k = 3;
const features = () => mlp({ inputDim: d, widths: [5, k], activation: 'tanh', biasStd: 0.2 });
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0);

/** Float64 predictions: f from mlp64 on the same float32 weights, the unit formulas as loops. */
function reference(kind: 'residual' | 'tweaked' | 'noSkip', params: Params, rows: number[][]): number[] {
  const a = paramsToArrays(params);
  const f = mlpForward(mlpSpecFromParams(subParams(params, 'theta.'), 'tanh'), rows);
  const w = (a.w as number[][]).map((r) => r[0]);
  return rows.map((x, i) => {
    if (kind === 'tweaked')
      return (
        dot(w, x) +
        dot(
          (a.v as number[][]).map((r) => r[0]),
          f[i],
        )
      );
    const Vf = (a.V as number[][]).map((row) => dot(row, f[i]));
    return kind === 'residual'
      ? dot(
          w,
          x.map((xj, j) => xj + Vf[j]),
        )
      : dot(w, Vf);
  });
}

const units: [string, 'residual' | 'tweaked' | 'noSkip', () => Model][] = [
  ['residualUnit', 'residual', () => residualUnit({ features: features() })],
  ['tweakedUnit', 'tweaked', () => tweakedUnit({ features: features() })],
  ['noSkipUnit', 'noSkip', () => noSkipUnit({ features: features() })],
];

describe.each<BackendName>(['wasm', 'cpu'])('Shamir units on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it.each(units)('%s matches the float64 formula', (_name, kind, make) => {
    const m = make();
    const params = m.init(keyFromSeed(21));
    const { rows, X } = randomMatrix(22, 10, d);
    const p = tf.tidy(() => m.apply(params, X));
    expect(p.shape).toEqual([10, 1]);
    expectArraysClose(p.dataSync(), reference(kind, params, rows), kind);
    tf.dispose([p, X]);
    disposeParams(params);
  });
});

describe('Shamir units: params', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('documents names and shapes', () => {
    expect(residualUnit({ features: features() }).shapes).toEqual({
      w: [d, 1],
      V: [d, k],
      'theta.W0': [d, 5],
      'theta.b0': [5],
      'theta.W1': [5, k],
      'theta.b1': [k],
    });
    expect(Object.keys(tweakedUnit({ features: features() }).shapes).slice(0, 2)).toEqual(['w', 'v']);
  });

  it.each(units)('%s: same key -> same params, different keys -> different params', (_n, _k, make) => {
    const m = make();
    const [a, b, c] = [1, 1, 2].map((s) => paramsToArrays(tf.tidy(() => m.init(keyFromSeed(s)))));
    expect(a).toEqual(b);
    for (const name of Object.keys(a)) if (!name.startsWith('theta.b')) expect(a[name]).not.toEqual(c[name]);
  });

  it('wStd 0 gives w = 0, and chain-stacked params apply per chain', () => {
    const m = residualUnit({ features: features(), wStd: 0 });
    const zero = m.init(keyFromSeed(1));
    expect((paramsToArrays(zero).w as number[][]).flat().every((v) => v === 0)).toBe(true);
    disposeParams(zero);
    const sets = [3, 4].map((s) => m.init(keyFromSeed(s)));
    sets.forEach((p) => (p.w.dispose(), (p.w = tf.ones([d, 1]))));
    const stacked = stackParams(sets);
    const { X } = randomMatrix(5, 6, d);
    const [batched, singles] = tf.tidy(() => [m.apply(stacked, X).arraySync(), sets.map((p) => m.apply(p, X).arraySync())]);
    expectArraysClose((batched as number[][][]).flat(2), (singles as number[][][]).flat(2), 'chains');
    [...sets, stacked].forEach(disposeParams);
    X.dispose();
  });

  it('rejects a missing feature model', () => {
    expect(() => residualUnit({} as never)).toThrow(/options.features must be a Model/);
  });
});
