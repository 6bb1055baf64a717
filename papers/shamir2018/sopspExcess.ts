import {
  bestLinearPredictor,
  fold,
  keyFromSeed,
  lossByName,
  mlpForward,
  norm2,
  Rng,
  type LossName,
  type ResidualData,
} from 'claimcheck/core';
import { estimateMu2, findSopsps } from './sopspSearch.js';

/**
 * Shamir 2018 Thm 3 at small scale: excess E(eps) = F - min_{||w|| <= r} F_lin of the first
 * eps-SOPSP reached by descent, and its scaled form S(eps) = max(E, 0) / (eps + eps^(1/4)),
 * which the theorem keeps bounded as eps -> 0 (the polynomial factor is unknown, so only the
 * trend is tested).
 */
export interface SopspConfig {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly loss: LossName;
  readonly box: number;
  readonly starts: number;
  readonly seed: number;
}

export interface SopspResult {
  readonly epsilons: readonly number[];
  /** Worst (largest) excess over starts for each eps; NaN where no start reached that eps. */
  readonly excess: number[];
  readonly scaled: number[];
  readonly reached: number[];
  readonly mu2: number;
  readonly minFLin: number;
}

export const SOPSP_EPSILONS = [1e-1, 1e-2, 1e-3, 1e-4] as const;

export function sopspExcess(cfg: SopspConfig): SopspResult {
  const key = keyFromSeed(cfg.seed);
  const rng = new Rng(fold(key, 'data'));
  const X = Array.from({ length: cfg.n }, () => Array.from(rng.normals(cfg.d)));
  const teacher = Array.from(rng.normals(cfg.d));
  const loss = lossByName(cfg.loss);
  // Noisy targets keep the linear optimum finite for every loss in the family.
  const y = X.map((x) => {
    const t = x.reduce((s, xi, i) => s + xi * teacher[i], 0) + 0.5 * rng.normal();
    return loss.labels === 'sign' ? (t >= 0 ? 1 : -1) : t;
  });
  const f = {
    activation: 'tanh' as const,
    layers: [{ W: Array.from({ length: cfg.k }, () => Array.from(rng.normals(cfg.d))), b: Array.from(rng.normals(cfg.k, 0.5)) }],
  };
  const data: ResidualData = { X, Fx: mlpForward(f, X), y, loss };
  const unconstrained = bestLinearPredictor(X, y, loss);
  // r >= ||argmin F_lin|| so that the ball's minimum is the global linear optimum.
  const minFLin = bestLinearPredictor(X, y, loss, { radius: norm2(unconstrained.w) * 1.01 + 1e-9 }).value;
  const rs = new Rng(fold(key, 'starts'));
  const starts = Array.from({ length: cfg.starts }, (_, i) => {
    // Corner-biased starts: tiny w with large V alternate with ordinary draws.
    const wScale = i % 2 === 0 ? 1e-3 : 1;
    const vScale = i % 3 === 0 ? cfg.box / 2 / Math.sqrt(cfg.d * cfg.k) : 0.5;
    return { w: Array.from(rs.normals(cfg.d, wScale)), V: Array.from({ length: cfg.d }, () => Array.from(rs.normals(cfg.k, vScale))) };
  });
  const mu2 = estimateMu2(data, cfg.d, cfg.k, cfg.box, fold(key, 'mu2'));
  const hits = findSopsps(data, { epsilons: SOPSP_EPSILONS, box: cfg.box, starts, maxIter: 20_000, mu2 });
  const excess = SOPSP_EPSILONS.map((eps) => {
    const es = hits.filter((h) => h.eps === eps).map((h) => h.loss - minFLin);
    return es.length ? Math.max(...es) : NaN;
  });
  return {
    epsilons: SOPSP_EPSILONS,
    excess,
    scaled: excess.map((e, i) => Math.max(e, 0) / (SOPSP_EPSILONS[i] + Math.pow(SOPSP_EPSILONS[i], 0.25))),
    reached: SOPSP_EPSILONS.map((eps) => hits.filter((h) => h.eps === eps).length),
    mu2,
    minFLin,
  };
}
