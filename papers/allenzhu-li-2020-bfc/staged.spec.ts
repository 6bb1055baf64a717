import { describe, expect, it } from 'vitest';
import { bfcRuns, bfcVariant, runBfcSeed, trainStage1, type BfcConfig } from './staged.js';

// A tiny instance: enough to check the staging contract, not the calibration.
const c: BfcConfig = {
  d: 6,
  k: 2,
  alpha3: 0.3,
  N: 400,
  nTest: 300,
  referenceSize: 5000,
  lr: 0.01,
  stage1Steps: 400,
  stage2Steps: 600,
  checkpoints: [100, 300],
  seeds: 2,
  baseSeed: 3,
};

describe('bfcStaged', () => {
  it('layer-wise stage 2 never moves K1 (e(K1) equals its stage-1 value at every checkpoint); joint can', () => {
    const run = runBfcSeed(c, 0);
    expect(run.stage1Diverged).toBe(false);
    expect(run.layerwise.series.map((p) => p.step)).toEqual([100, 300, 600]);
    for (const p of run.layerwise.series) expect(p.eK1).toBe(run.eK1Stage1);
    expect(run.joint.series.map((p) => p.step)).toEqual([100, 300, 600]);
    expect(run.joint.testMse).toBe(run.joint.series[2].testMse);
    expect(run.eHier).toBeGreaterThan(0);
    expect(Number.isFinite(run.joint.testMse)).toBe(true);
  });

  it('stage 1 is a pure function of (config, seed) and seeds are independent of R', () => {
    const a = trainStage1(c, 1),
      b = trainStage1({ ...c, seeds: 7 }, 1);
    expect(a.eHier).toBe(b.eHier);
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    expect(trainStage1(c, 0).eHier).not.toBe(a.eHier);
  });

  it('bfcRuns memoises per seed', () => {
    const first = bfcRuns(c);
    const again = bfcRuns({ ...c, seeds: 1 });
    expect(again[0]).toBe(first[0]);
  });

  it('layer-wise variants freeze K1: aligned keeps the stage-1 e(K1) (rotation only), oracle sits at 0; one-block never reads block 2', () => {
    const run = runBfcSeed(c, 0);
    const aligned = bfcVariant(c, 0, 'layerwise-aligned');
    for (const p of aligned.series) expect(p.eK1).toBeCloseTo(run.eK1Stage1, 10);
    const oracle = bfcVariant(c, 0, 'layerwise-oracle');
    for (const p of oracle.series) expect(p.eK1).toBeCloseTo(0, 12);
    const oneBlock = bfcVariant(c, 0, 'one-block');
    expect(oneBlock.diverged).toBe(false);
    expect(Number.isFinite(oneBlock.eK1)).toBe(true);
    expect(bfcVariant(c, 0, 'joint')).toBe(bfcRuns(c)[0].joint);
  });
});
