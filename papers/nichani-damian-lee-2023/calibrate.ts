/**
 * Calibration runs of Nichani, Damian & Lee 2023 (CALIBRATION.md), at exactly the claims'
 * configurations, on calibration base seeds only (never verdict seeds). Run from dist after
 * `npm run build`:
 *
 *   node dist/papers/nichani-damian-lee-2023/calibrate.js single-index 9301 9302 ...
 *     the single-index claim's check (its pinned configuration with the base seed replaced):
 *     per base seed the fitted slope of log n_0.8 on log d, its 95% interval and the crossings;
 *   node dist/papers/nichani-damian-lee-2023/calibrate.js separation [--panel rf,nn,poly2,poly4,rbf] 9301 ...
 *     the separation configuration (quadratic, He2, d = 16, n = 4096, m2 = 8000), seeds r = 0..4 of
 *     each base seed, all five run (no early stop): the three-layer NMSE and each panel baseline's
 *     (default panel: rf); `--r 0,1` runs only those seeds r; `--net 512:0.001/0.01:3000:128:100` sets the
 *     network's width:learning rates:steps:batch:evalEvery (default NET in twoLayerNet.ts);
 *   node dist/papers/nichani-damian-lee-2023/calibrate.js mechanism relu|he2 9337 ...
 *     the Thm 1 mechanism configuration (quadratic, d = 16, m2 = 8000, n in {1000, ..., 8000}, seeds
 *     r = 0..4) with the given sigma2: per seed corr(phi, h*) at each n;
 *   node dist/papers/nichani-damian-lee-2023/calibrate.js tail <threshold> <above|below> v1 v2 ...
 *     the Student-t predictive probability that a new value falls beyond the threshold.
 *
 * Every line printed is one JSON record with the process CPU time and the load average.
 */
import { loadavg } from 'node:os';
import { initBackend, studentTCdf } from 'claimcheck/core';
import { separation, singleIndex, thm1 } from './index.js';
import { kernelBaseline } from './kernelBaselines.js';
import { correlationCurve, threeLayer, twoLayerBaseline, type NdlConfig } from './layerwise.js';
import type { InnerActivation } from './stage1.js';
import { NET, netBaseline, type TwoLayerNetOptions } from './twoLayerNet.js';

type PanelEntry = 'rf' | 'nn' | 'poly2' | 'poly4' | 'rbf';

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify({ ...record, cpuSeconds: +cpuSeconds().toFixed(1), load1: +loadavg()[0].toFixed(2) }));
}

/** Student-t predictive tail: P(new value beyond threshold) from n values (n - 1 df). */
export function predictiveTail(values: readonly number[], threshold: number, side: 'above' | 'below'): number {
  const n = values.length;
  if (n < 2) throw new RangeError('predictiveTail: need at least two values');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const t = (threshold - mean) / (sd * Math.sqrt(1 + 1 / n));
  return side === 'above' ? 1 - studentTCdf(t, n - 1) : studentTCdf(t, n - 1);
}

async function runSingleIndex(baseSeeds: number[]): Promise<void> {
  const pinned = singleIndex.examples![0];
  for (const baseSeed of baseSeeds) {
    const t0 = Date.now(),
      c0 = cpuSeconds();
    const e = await singleIndex.check({ ...pinned, baseSeed }, { backend: 'calibration', deadline: Infinity });
    const q = e.quantities ?? {};
    emit({
      claim: 'single-index',
      baseSeed,
      skip: e.skip,
      slope: q.slope,
      slopeLow: q.slopeLow,
      slopeHigh: q.slopeHigh,
      n08: pinned.ds.map((d) => q[`n08@${d}`]),
      gridN08: pinned.ds.map((d) => q[`gridN08@${d}`]),
      failed: e.conditions.filter((c) => !(c.op === '<=' ? c.lhs <= c.rhs : c.lhs >= c.rhs)).map((c) => c.name),
      wallSeconds: (Date.now() - t0) / 1000,
      seedCpuSeconds: +(cpuSeconds() - c0).toFixed(1),
    });
  }
}

function panelNmse(b: PanelEntry, c: NdlConfig, baseSeed: number, r: number, net: TwoLayerNetOptions): Record<string, number> {
  const t0 = Date.now();
  if (b === 'rf') {
    const x = twoLayerBaseline(c, baseSeed, r);
    return { rf: x.nmse, rfLambda: x.lambda, rfSeconds: (Date.now() - t0) / 1000 };
  }
  if (b === 'nn') {
    const x = netBaseline(c, baseSeed, r, net);
    return { nn: x.nmse, nnLr: x.lr, nnSteps: x.steps, nnHoldoutMse: x.holdoutMse, nnSeconds: (Date.now() - t0) / 1000 };
  }
  const x = kernelBaseline(b, c, baseSeed, r);
  return { [b]: x.nmse, [`${b}Lambda`]: x.lambda, [`${b}Seconds`]: (Date.now() - t0) / 1000 };
}

function runSeparation(baseSeeds: number[], panel: PanelEntry[], rs: readonly number[] | undefined, net: TwoLayerNetOptions): void {
  const h = separation.examples![0];
  const c: NdlConfig = { target: 'quadratic', d: h.d, n: h.n, m2: h.m2, sigma2: 'he2', nTest: 4000 };
  for (const baseSeed of baseSeeds) {
    for (const r of rs ?? Array.from({ length: h.seeds }, (_, k) => k)) {
      const t0 = Date.now();
      const t = threeLayer(c, baseSeed, r);
      const rec: Record<string, unknown> = {
        claim: 'separation',
        d: h.d,
        n: h.n,
        m2: h.m2,
        baseSeed,
        r,
        three: t.nmse,
        corr: t.corr,
        threeSeconds: (Date.now() - t0) / 1000,
      };
      for (const b of panel) Object.assign(rec, panelNmse(b, c, baseSeed, r, net));
      if (typeof rec.rf === 'number') rec.marginRf = (rec.rf as number) - t.nmse;
      if (typeof rec.nn === 'number') rec.marginNn = (rec.nn as number) - t.nmse;
      emit(rec);
    }
  }
}

function runMechanism(sigma2: InnerActivation, baseSeeds: number[]): void {
  const h = thm1.examples![0];
  const c: NdlConfig = { target: 'quadratic', d: h.d, n: 0, m2: h.m2, sigma2, nTest: 4000 };
  for (const baseSeed of baseSeeds) {
    for (let r = 0; r < h.seeds; r++) {
      const t0 = Date.now();
      const corr = correlationCurve(c, baseSeed, r, h.ns);
      emit({ claim: 'thm1', sigma2, baseSeed, r, ns: h.ns, corr, seconds: (Date.now() - t0) / 1000 });
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  await initBackend('auto');
  if (cmd === 'single-index') return runSingleIndex(rest.map(Number));
  if (cmd === 'separation') {
    let panel: PanelEntry[] = ['rf'];
    const k = rest.indexOf('--panel');
    if (k >= 0) {
      panel = rest[k + 1].split(',') as PanelEntry[];
      rest.splice(k, 2);
    }
    let rs: number[] | undefined;
    const j = rest.indexOf('--r');
    if (j >= 0) {
      rs = rest[j + 1].split(',').map(Number);
      rest.splice(j, 2);
    }
    let net = NET;
    const q = rest.indexOf('--net');
    if (q >= 0) {
      const [width, lrs, steps, batch, evalEvery] = rest[q + 1].split(':');
      net = { width: +width, lrs: lrs.split('/').map(Number), steps: +steps, batch: +batch, evalEvery: +evalEvery };
      rest.splice(q, 2);
    }
    return runSeparation(rest.map(Number), panel, rs, net);
  }
  if (cmd === 'mechanism') return runMechanism(rest[0] as InnerActivation, rest.slice(1).map(Number));
  if (cmd === 'tail') {
    const [threshold, side, ...vs] = rest;
    emit({ tail: predictiveTail(vs.map(Number), Number(threshold), side as 'above' | 'below'), n: vs.length });
    return;
  }
  throw new Error('usage: calibrate.js single-index|separation [--panel rf,nn,poly2,poly4,rbf]|mechanism|tail ... (see the file header)');
}

await main(process.argv.slice(2));
