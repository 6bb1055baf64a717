import { describe, expect, it } from 'vitest';
import { variance } from './concepts.js';
import { randomFeatureRun, twoLayerData, twoLayerRun } from './twoLayerRuns.js';
import { baselineRuns, threeLayerRun, type ThreeLayerRunConfig } from './threeLayerRuns.js';

describe('azll memoised runs', () => {
  it('two-layer runs are deterministic per (config, seed) and differ across seeds', () => {
    const c = { d: 5, p: 2, R: 1, m: 50, N: 200, passes: 2, epsA: 0.05, c: 10, nTest: 500 };
    const a = twoLayerRun(c, 3, 0);
    expect(twoLayerRun(c, 3, 0)).toBe(a); // memoised
    const fresh = twoLayerRun({ ...c, nTest: 501 }, 3, 0);
    expect(fresh.nmse).toBeGreaterThan(0);
    expect(twoLayerRun(c, 3, 1).nmse).not.toBe(a.nmse);
    expect(a.nmse).toBeGreaterThan(0);
    expect(a.nmse).toBeLessThan(1.5);
  });

  it('two-layer data have unit-variance labels; random-feature least squares fits the training set better as m grows', () => {
    const c = { d: 5, p: 2, R: 3, m: 20, N: 200, passes: 2, epsA: 0.05, c: 10, nTest: 2000 };
    expect(variance(twoLayerData(c, 4, 0).yTest)).toBeGreaterThan(0.8);
    expect(variance(twoLayerData(c, 4, 0).yTest)).toBeLessThan(1.25);
    const small = randomFeatureRun(c, 4, 0),
      large = randomFeatureRun({ ...c, m: 150 }, 4, 0);
    expect(randomFeatureRun(c, 4, 0)).toBe(small); // memoised
    expect(large.trainNmse).toBeLessThan(small.trainNmse);
    expect(large.nmse).toBeGreaterThan(large.trainNmse);
    expect(() => randomFeatureRun({ ...c, m: 200 }, 4, 0)).toThrow(/below N/);
  });

  it('three-layer runs and baselines: memoised, finite, and noisy labels give test loss near OPT = s^2 or above', () => {
    const c: ThreeLayerRunConfig = {
      task: { kind: 'concept', d: 4, p1: 1, p2: 1, noise: 0.5 },
      m: 8,
      N: 200,
      nTest: 20_000,
      epsA: 0.1,
      train: { epochs: 10, batchSize: 32, optimizer: { kind: 'adam', lr: 0.01 } },
    };
    const r = threeLayerRun(c, 9, 0);
    expect(threeLayerRun(c, 9, 0)).toBe(r);
    expect(r.diverged).toBe(false);
    // Every predictor's loss is E(F - F*)^2 + s^2 >= s^2 = 0.25, up to sampling error.
    expect(r.mse).toBeGreaterThan(0.25 - 4 * r.mseStdErr);
    const e: ThreeLayerRunConfig = { ...c, task: { kind: 'experiment' }, nTest: 300 };
    const b = baselineRuns(e, 9, 0);
    expect(baselineRuns(e, 9, 0).ntk).toBe(b.ntk);
    expect(Number.isFinite(b.ntk.nmse) && Number.isFinite(b.last.nmse)).toBe(true);
    expect(b.ntk.scores.length).toBeGreaterThan(1);
  });
});
