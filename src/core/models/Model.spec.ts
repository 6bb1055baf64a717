import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { keyFromSeed } from '../random.js';
import {
  disposeParams,
  normalParam,
  paramsFromArrays,
  paramsToArrays,
  prefixParams,
  stackParams,
  subParams,
  unstackParams,
} from './Model.js';

describe('Model helpers', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('normalParam draws one stream per name, identical on wasm and cpu', async () => {
    const key = keyFromSeed(3);
    const onCpu = tf.tidy(() => normalParam(key, 'w', [4, 2], 0.5).arraySync());
    await initBackend('wasm');
    const onWasm = tf.tidy(() => normalParam(key, 'w', [4, 2], 0.5).arraySync());
    const other = tf.tidy(() => normalParam(key, 'V', [4, 2], 0.5).arraySync());
    await initBackend('cpu');
    expect(onWasm).toEqual(onCpu);
    expect(other).not.toEqual(onCpu);
    expect(() => normalParam(key, 'w', [2], -1)).toThrow(/"w".*>= 0/);
  });

  it('paramsToArrays and paramsFromArrays round-trip exactly (JSON-safe)', () => {
    const before = tf.memory().numTensors;
    const p = { w: normalParam(keyFromSeed(1), 'w', [3, 1], 1), b: tf.tensor1d([0.25, -1]) };
    const arrays = JSON.parse(JSON.stringify(paramsToArrays(p)));
    const q = paramsFromArrays(arrays);
    expect(q.w.shape).toEqual([3, 1]);
    expect(paramsToArrays(q)).toEqual(paramsToArrays(p));
    disposeParams(p);
    disposeParams(q);
    expect(() => paramsFromArrays({ w: [[1, 2], [3]] })).toThrow(/rectangular/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stackParams / unstackParams invert each other and check names', () => {
    const before = tf.memory().numTensors;
    const a = { w: tf.tensor2d([[1], [2]]), b: tf.tensor1d([3]) };
    const b = { w: tf.tensor2d([[4], [5]]), b: tf.tensor1d([6]) };
    const s = stackParams([a, b]);
    expect(s.w.shape).toEqual([2, 2, 1]);
    const [a2, b2] = unstackParams(s);
    expect(paramsToArrays(a2)).toEqual(paramsToArrays(a));
    expect(paramsToArrays(b2)).toEqual(paramsToArrays(b));
    expect(() => stackParams([a, { w: a.w }])).toThrow(/list\[1\] has names \[w\]/);
    [a, b, s, a2, b2].forEach(disposeParams);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('prefixParams / subParams', () => {
    const t = tf.scalar(1);
    const p = { w: t, ...prefixParams({ W0: t }, 'theta.') };
    expect(Object.keys(p)).toEqual(['w', 'theta.W0']);
    expect(Object.keys(subParams(p, 'theta.'))).toEqual(['W0']);
    t.dispose();
  });
});
