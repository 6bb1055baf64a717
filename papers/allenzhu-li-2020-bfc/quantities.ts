/**
 * Per-stage numbers of a BFC configuration as evidence quantities: risks and feature errors per
 * stage (median and range over seeds) and the stage-2 series of medians. Wall-clock seconds are
 * left out on purpose: evidence must be a pure function of the case (baselines).
 */
import { rangeQuantities } from 'claimcheck/core';
import { med } from './common.js';
import type { BfcSeedRun } from './staged.js';

export function stageQuantities(runs: readonly BfcSeedRun[]): Record<string, number> {
  const ranges: Record<string, (r: BfcSeedRun) => number> = {
    E_hier: (r) => r.eHier,
    'mse.joint': (r) => r.joint.testMse,
    'mse.layerwise': (r) => r.layerwise.testMse,
    'eK1@stage1': (r) => r.eK1Stage1,
    'eK1@stage2.joint': (r) => r.joint.eK1,
    'eK1@stage2.layerwise': (r) => r.layerwise.eK1,
    // The superseded span metric (not rotation-invariant), kept so old and new numbers sit side by side.
    'spanErr@stage1': (r) => r.spanErrStage1,
    'spanErr@stage2.joint': (r) => r.joint.spanErr,
    'rowSpaceError@stage1': (r) => r.rowErrStage1,
  };
  const q: Record<string, number> = {};
  for (const [name, f] of Object.entries(ranges)) Object.assign(q, rangeQuantities(name, runs.map(f)));
  q['eK1.joint.median@0'] = q['eK1.layerwise.median@0'] = med(runs.map((r) => r.eK1Stage1));
  q['mse.joint.median@0'] = q['mse.layerwise.median@0'] = med(runs.map((r) => r.eHier));
  for (const variant of ['joint', 'layerwise'] as const) {
    const steps = runs[0][variant].series.map((p) => p.step);
    steps.forEach((step, i) => {
      q[`eK1.${variant}.median@${step}`] = med(runs.map((r) => r[variant].series[i]?.eK1 ?? NaN));
      q[`mse.${variant}.median@${step}`] = med(runs.map((r) => r[variant].series[i]?.testMse ?? Infinity));
    });
  }
  return q;
}
