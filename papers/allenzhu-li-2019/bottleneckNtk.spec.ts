import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/core/backend.js';
import { empiricalNtk } from '../../src/core/kernels/empiricalNtk.js';
import { bottleneckResNet } from '../../src/core/models/bottleneckResNet.js';
import { disposeParams } from '../../src/core/models/Model.js';
import { keyFromSeed } from '../../src/core/random.js';
import { withLeakCheck } from '../../src/core/tf/leakCheck.js';
import { expectArraysClose, randomMatrix } from '../../src/core/tf/testing.js';
import { bottleneckNtkGram } from './bottleneckNtk.js';

describe('bottleneckNtkGram', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each([0, 2])('equals the autodiff empirical NTK of output %i (kernels/empiricalNtk), in row blocks too, without leaks', async (c) => {
    const d = 4,
      m = 9,
      k = 3;
    const model = bottleneckResNet({ inputDim: d, width: m, outputDim: k, biasStd: 0.4, uStd: 0.5 });
    const p = model.init(keyFromSeed(11));
    // The same network restricted to output c: A's column c only.
    const single = bottleneckResNet({ inputDim: d, width: m, outputDim: 1 });
    const pc = { ...p, A: tf.slice(p.A, [0, c], [m, 1]) };
    const { rows: xa, X: ta } = randomMatrix(1, 7, d);
    const { rows: xb, X: tb } = randomMatrix(2, 5, d);
    const want = empiricalNtk(single, pc, xa, xb);
    const Fa = Float32Array.from(xa.flat());
    const Fb = Float32Array.from(xb.flat());
    const { result: got, leaked } = await withLeakCheck(() => bottleneckNtkGram(p, Fa, 7, Fb, 5, c));
    expect(leaked).toBe(0);
    expect([got.rows, got.cols]).toEqual([7, 5]);
    expectArraysClose(got.data, want.data, 'Theta_c', 1e-4, 1e-5);
    // Blocks of one row each give the same Gram; the symmetric case matches too.
    expectArraysClose(bottleneckNtkGram(p, Fa, 7, Fb, 5, c, 5).data, got.data, 'blocked', 1e-6, 1e-6);
    expectArraysClose(bottleneckNtkGram(p, Fa, 7, Fa, 7, c).data, empiricalNtk(single, pc, xa).data, 'symmetric', 1e-4, 1e-5);
    expect(() => bottleneckNtkGram(p, Fa, 7, Fb, 5, k)).toThrow(/output c must be an integer in \[0, 3\)/);
    tf.dispose([pc.A, ta, tb]);
    disposeParams(p);
  });
});
