import * as tf from '@tensorflow/tfjs-core';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineClaim, le } from '../src/index.js';
import { PROFILES } from '../src/claims/profiles.js';
import { runClaim } from '../src/claims/runClaim.js';
import { initBackend } from '../src/core/backend.js';
import { disposeParams } from '../src/core/models/Model.js';
import { mlp } from '../src/core/models/mlp.js';
import { residualUnit } from '../src/core/models/residual.js';
import { keyFromSeed } from '../src/core/random.js';
import { gd } from '../src/core/train/gd.js';

/**
 * Tensor hygiene over a long run: a claim whose every case builds a TF.js model, trains it and
 * reads a number back must leave the live tensor count exactly where it was, at every point of a
 * 1,000-case run (sampled every 100 cases).
 */
describe('tensor hygiene', () => {
  beforeAll(async () => {
    await initBackend('auto');
  });

  it('the tensor count is flat across 1,000 cases', async () => {
    const counts: number[] = [];
    let cases = 0;
    const claim = defineClaim({
      id: 'leaks/train/flat-count',
      paper: { key: 'leaks', title: 't', authors: 't', venue: 't', confidence: 'high' },
      theorem: 't',
      confidence: 'V',
      kind: 'exact',
      statement: 'training a tiny residual unit lowers nothing below zero',
      hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 1e6 }), n: fc.integer({ min: 1, max: 8 }) }),
      check: ({ seed, n }) => {
        if (cases++ % 100 === 0) counts.push(tf.memory().numTensors);
        const model = residualUnit({ features: mlp({ inputDim: 2, widths: [3], activation: 'tanh' }) });
        const params = model.init(keyFromSeed(seed));
        const X = tf.tensor2d(Array.from({ length: n }, (_, i) => [i / n, 1 - i / n]));
        const y = tf.tensor2d(Array.from({ length: n }, (_, i) => [i % 2]));
        const r = gd({ model, params, X, y, loss: 'squared', steps: 3, lr: 0.1, logEvery: 3 });
        const loss = r.history[r.history.length - 1].loss;
        disposeParams(params);
        disposeParams(r.params);
        X.dispose();
        y.dispose();
        return { conditions: [le('loss >= 0', -loss, 0)] };
      },
      tolerance: { rel: 0, abs: 0, reason: 'test' },
      runs: { quick: 1000 },
    });
    const before = tf.memory().numTensors;
    const run = await runClaim(claim, { profile: PROFILES.quick, seed: 5, backend: 'any' });
    expect(run.verdict.status).toBe('verified');
    expect(cases).toBeGreaterThanOrEqual(1000);
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(counts)).toEqual(new Set([before]));
    expect(tf.memory().numTensors).toBe(before);
  });
});
