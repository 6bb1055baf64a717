import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { featureRidgeRegression } from './featureRegression.js';
import { flatMatMul } from '../linalg/flatMatMul.js';
import type { FlatMatrix } from '../kernels/Gram.js';
import { Rng, keyFromSeed } from '../random.js';
import { withLeakCheck } from '../tf/leakCheck.js';
import { expectArraysClose } from '../tf/testing.js';
import { chunkedFeatureGram, primalRidgeOnTest } from './primalRidge.js';

function features(seed: number, rows: number, cols: number): FlatMatrix {
  const rng = new Rng(keyFromSeed(seed));
  return { rows, cols, data: Float32Array.from(rng.normals(rows * cols), (v) => Math.max(0, v)) };
}

describe('primalRidge', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('chunkedFeatureGram equals the float64 Gram Phi^T Phi, whatever the chunk size, without leaks', async () => {
    const Phi = features(1, 101, 7);
    const want = flatMatMul(Phi, Phi, { transposeA: true, mode: 'float64' });
    for (const chunk of [1, 10, 512]) {
      const { result, leaked } = await withLeakCheck(() => chunkedFeatureGram(Phi, chunk));
      expect(leaked).toBe(0);
      expectArraysClose(result.data, want.data, `chunk ${chunk}`, 1e-6, 1e-6);
    }
  });

  it('matches kernels/featureRegression with the test set as validation set', () => {
    const Phi = features(2, 80, 12);
    const PhiTest = features(3, 30, 12);
    const rng = new Rng(keyFromSeed(4));
    const Y = { rows: 80, cols: 2, data: rng.normals(160) };
    const YTest = { rows: 30, cols: 2, data: rng.normals(60) };
    const lambdas = [1e-4, 1e-2, 1];
    const ours = primalRidgeOnTest(Phi, Y, PhiTest, YTest, lambdas);
    const theirs = featureRidgeRegression({
      features: Phi,
      y: Y,
      testFeatures: PhiTest,
      lambdas,
      selection: { kind: 'validation', features: PhiTest, y: YTest },
    });
    expect(ours.lambda).toBe(theirs.lambda);
    // Chunk products are float32 sums (by design), theirs float64 at this size: ~1e-7 apart.
    ours.scores.forEach((s, i) => expect(Math.abs(s.mse - theirs.scores[i].mse)).toBeLessThan(1e-5 * (1 + s.mse)));
    expect(ours.mse).toBe(Math.min(...ours.scores.map((s) => s.mse)));
    expect(() => primalRidgeOnTest(Phi, Y, PhiTest, YTest, [])).toThrow(/at least one/);
  });
});
