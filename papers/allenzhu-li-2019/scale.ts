/**
 * The scale of Allen-Zhu & Li 2019's claims: the pinned configuration and thm1's scan over alpha.
 * Shared by the claims (index.ts) and the calibration script (calibrate.ts), so both run the same thing.
 */
import type { Learner, SeparationConfig } from './resnetVsKernels.js';

const LAMBDAS = [1e-4, 1e-3, 1e-2, 1e-1];

/**
 * The pinned instance [C]. Base seed 72019 was chosen on 2026-12-06, after the calibration of
 * CALIBRATION.md sections 1-4 and without looking at it: the former pinned seed 1905 was examined
 * in the first quick run of the 50-epoch design (its 50-epoch tail informed the epoch choice), so its
 * replay was not an independent check.
 */
export const QUICK: SeparationConfig = {
  task: { kind: 'parity', d: 16, alpha: 0.3 },
  N: 2500,
  nTest: 3000,
  nVal: 1000,
  // 100 epochs [C]: at 50, 3 of 10 runs at alpha = 0.3 on calibration base seed 9200 stop above delta = k alpha^4 (and 3 of 5
  // on the former pinned seed 1905, seen in its first quick run).
  resnet: { width: 64, epochs: 100, batchSize: 50, optimizer: { kind: 'adam', lr: 0.01, decayAt: [0.5, 0.75] } },
  lambdas: LAMBDAS,
  seeds: 5,
  baseSeed: 72_019,
};

/** Thm 1's scan over G's share: the same N at every alpha (the theorem's N does not depend on alpha). */
export const SCAN_ALPHAS = [0, 0.15, 0.3];

/**
 * Configuration c at G's share alpha: the same N; the training time grows like 1 / alpha (the
 * theorem's time is poly(C_G, C_F, 1 / alpha), its N is not): epochs x alpha_max / alpha for
 * alpha > 0; at alpha = 0 (F alone, learned to ~1e-3 in 50 epochs [C]) half the epochs.
 */
export const atAlpha = (c: SeparationConfig, alpha: number): SeparationConfig => {
  const alphaMax = Math.max(...SCAN_ALPHAS);
  const epochs = alpha > 0 ? Math.round((c.resnet.epochs * alphaMax) / alpha) : Math.round(c.resnet.epochs / 2);
  return { ...c, task: { ...c.task, alpha }, resnet: { ...c.resnet, epochs } };
};

/** Thm 3's fixed kernels (ridge on a validation sample): every one must stay above 0.8 tau. */
export const KERNELS: readonly Learner[] = ['rbf', 'relu-ntk', 'poly', 'own-ntk', 'last-layer'];
