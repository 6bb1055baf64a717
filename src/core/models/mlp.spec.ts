import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { ACTIVATIONS, activate, mlpForward, type Activation, type MlpSpec } from './mlp64.js';
import { Rng, keyFromSeed } from '../random.js';
import { expectChainsMatchSingles, expectArraysClose, randomMatrix } from '../tf/testing.js';
import { mlp, mlpFromSpec, mlpSpecFromParams } from './mlp.js';
import { disposeParams, paramsToArrays, type Params } from './Model.js';

/** Plain-loop float64 forward pass on the TF.js layout (W in x out), using mlp64's activations. */
function forward64(params: Params, act: Activation, activateLast: boolean, rows: number[][]): number[] {
  const a = paramsToArrays(params);
  const L = Object.keys(a).filter((n) => n.startsWith('W')).length;
  return rows.flatMap((x) => {
    let h = x;
    for (let l = 0; l < L; l++) {
      const W = a[`W${l}`] as number[][];
      const b = a[`b${l}`] as number[];
      h = W[0].map((_, o) => {
        const s = h.reduce((acc, hi, i) => acc + hi * W[i][o], b[o]);
        return l < L - 1 || activateLast ? activate(act, s) : s;
      });
    }
    return h;
  });
}

describe('mlp model', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  const cases: [Activation, number[], boolean][] = ACTIVATIONS.flatMap((act) => [
    [act, [5], true],
    [act, [6, 4, 3], false],
  ]);
  it.each(cases)('%s, widths %j, activateLast %s matches the float64 loops', (act, widths, activateLast) => {
    const m = mlp({ inputDim: 3, widths, activation: act, activateLast, biasStd: 0.3 });
    const params = m.init(keyFromSeed(11));
    const { rows, X } = randomMatrix(12, 9, 3);
    const p = tf.tidy(() => m.apply(params, X));
    expect(p.shape).toEqual([9, widths[widths.length - 1]]);
    // Quadratic layers compound float32 rounding (values square per layer): looser relative part.
    expectArraysClose(p.dataSync(), forward64(params, act, activateLast, rows), act, act === 'quadratic' ? 1e-4 : 1e-5, 1e-5);
    tf.dispose([p, X]);
    disposeParams(params);
  });

  it('mlpFromSpec reproduces mlp64.mlpForward, and mlpSpecFromParams inverts it', () => {
    const rng = new Rng(keyFromSeed(5));
    const mat = (r: number, c: number) => Array.from({ length: r }, () => Array.from(Float32Array.from(rng.normals(c))));
    const spec: MlpSpec = {
      activation: 'tanh',
      layers: [
        { W: mat(4, 3), b: Array.from(Float32Array.from(rng.normals(4))) },
        { W: mat(2, 4), b: [0.5, -0.5] },
      ],
    };
    const { model, params } = mlpFromSpec(spec);
    expect(model.shapes).toEqual({ W0: [3, 4], b0: [4], W1: [4, 2], b1: [2] });
    const { rows, X } = randomMatrix(6, 5, 3);
    const p = tf.tidy(() => model.apply(params, X));
    expectArraysClose(p.dataSync(), mlpForward(spec, rows).flat(), 'mlpFromSpec');
    expect(mlpSpecFromParams(params, 'tanh')).toEqual(spec);
    tf.dispose([p, X]);
    disposeParams(params);
    expect(() =>
      mlpFromSpec({
        activation: 'relu',
        layers: [
          { W: [[1, 2]], b: [0] },
          { W: [[1, 2, 3]], b: [0] },
        ],
      }),
    ).toThrow(/layers\[1\]\.W must be 1 x 1/);
  });

  it('chain-stacked params give each chain its own apply', () => {
    const m = mlp({ inputDim: 3, widths: [4, 2], activation: 'relu', biasStd: 0.5 });
    expectChainsMatchSingles(m);
  });

  it('same key -> same params; different keys -> different params; options are validated', () => {
    const m = mlp({ inputDim: 2, widths: [3, 1], activation: 'softplus', biasStd: 1 });
    const [a, b, c] = [4, 4, 5].map((s) => paramsToArrays(tf.tidy(() => m.init(keyFromSeed(s)))));
    expect(a).toEqual(b);
    expect(a.W0).not.toEqual(c.W0);
    expect(a.b1).not.toEqual(c.b1);
    expect(() => mlp({ inputDim: 2, widths: [], activation: 'relu' })).toThrow(/widths must be a non-empty/);
    expect(() => mlp({ inputDim: 2, widths: [3, 0], activation: 'relu' })).toThrow(/widths\[1\]/);
    expect(() => mlp({ inputDim: 2, widths: [3], activation: 'gelu' as Activation })).toThrow(/unknown activation "gelu"/);
  });
});
