import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { disposeParams, paramsToArrays } from '../models/Model.js';
import { keyFromSeed } from '../random.js';
import { dense } from './dense.js';
import { inputKernel } from './layer.js';
import { relu } from './relu.js';
import { serial } from './serial.js';

describe('serial', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  const net = () => serial(dense({ width: 4, sigmaB: 0.1 }), relu(), serial(dense({ width: 1, sigmaW: Math.SQRT2 })));

  it('prefixes parameters by layer index (nested serials compose the prefixes)', () => {
    expect(net().describe(3)).toEqual({ outputDim: 1, shapes: { '0.W': [3, 4], '0.b': [4], '2.0.W': [4, 1] } });
    const p = net().init(keyFromSeed(1), 3);
    expect(Object.keys(p).sort()).toEqual(['0.W', '0.b', '2.0.W']);
    // Deterministic per key.
    const q = net().init(keyFromSeed(1), 3);
    expect(paramsToArrays(p)).toEqual(paramsToArrays(q));
    [p, q].forEach(disposeParams);
  });

  it('apply and kernel are the layers in order', () => {
    const [d1, r, d2] = [dense({ width: 4, sigmaB: 0.1 }), relu(), dense({ width: 1, sigmaW: Math.SQRT2 })];
    const s = serial(d1, r, d2);
    const p = s.init(keyFromSeed(2), 3);
    const x = tf.tensor2d([
      [0.5, -1, 2],
      [1, 1, 0],
    ]);
    const before = tf.memory().numTensors;
    const out = s.apply(p, x);
    expect(tf.memory().numTensors).toBe(before + 1);
    const manual = tf.tidy(() => d2.apply({ W: p['2.W'] }, r.apply({}, d1.apply({ W: p['0.W'], b: p['0.b'] }, x))));
    expect(Array.from(out.dataSync())).toEqual(Array.from(manual.dataSync()));
    const X = [
      [0.5, -1, 2],
      [1, 1, 0],
    ];
    const viaSerial = s.kernel(inputKernel(X));
    const viaLayers = d2.kernel(r.kernel(d1.kernel(inputKernel(X))));
    expect(Array.from(viaSerial.ntk)).toEqual(Array.from(viaLayers.ntk));
    tf.dispose([x, out, manual]);
    disposeParams(p);
  });

  it('names a missing layer', () => {
    expect(() => serial()).toThrow(/at least one layer/);
    expect(() => serial(relu(), undefined as never)).toThrow(/argument 1 is not a layer/);
  });
});
