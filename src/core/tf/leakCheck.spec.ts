import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { withLeakCheck } from './leakCheck.js';

describe('withLeakCheck', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('reports zero for a tidy computation and passes the result through', async () => {
    const { result, leaked } = await withLeakCheck(() => tf.tidy(() => tf.sum(tf.ones([3])).dataSync()[0]));
    expect(result).toBe(3);
    expect(leaked).toBe(0);
  });

  it('counts tensors left alive, also from async functions', async () => {
    const kept: tf.Tensor[] = [];
    const { leaked } = await withLeakCheck(async () => {
      kept.push(tf.ones([2]), tf.zeros([2]));
      await Promise.resolve();
    });
    expect(leaked).toBe(2);
    tf.dispose(kept);
  });
});
