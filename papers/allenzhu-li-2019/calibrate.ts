/**
 * Calibration runs of CALIBRATION.md section 4 (stage rates): on calibration base seeds only (never
 * verdict seeds), the per-run quantities thm1, thm3 and thm4 judge, at the final configuration of
 * each claim. Prints one JSON line per (base seed, alpha) with every per-run number, so the table in
 * CALIBRATION.md can be rebuilt from the log.
 *
 *   npm run build && node dist/papers/allenzhu-li-2019/calibrate.js BASE_SEED [SEEDS] [--net-only]
 *
 * --net-only: the ResNet at alpha = 0.3 alone (the side of every claim whose tail is heavy).
 */
import { initBackend } from 'claimcheck/core';
import { learnerRisk, resnetRisks, type Learner, type SeparationConfig } from './resnetVsKernels.js';

const netOnly = process.argv.includes('--net-only');
const [baseArg, seedsArg] = process.argv.slice(2).filter((a) => a !== '--net-only');
const baseSeed = Number(baseArg);
const seeds = Number(seedsArg ?? 20);
if (!Number.isInteger(baseSeed) || !Number.isInteger(seeds) || seeds < 1) {
  console.error('calibrate: BASE_SEED and SEEDS must be positive integers (e.g. 9300 20)');
  process.exit(2);
}

/** QUICK of index.ts with the calibration base seed (kept in step by hand: the claims' scale). */
const base: SeparationConfig = {
  task: { kind: 'parity', d: 16, alpha: 0.3 },
  N: 2500,
  nTest: 3000,
  nVal: 1000,
  resnet: { width: 64, epochs: 100, batchSize: 50, optimizer: { kind: 'adam', lr: 0.01, decayAt: [0.5, 0.75] } },
  lambdas: [1e-4, 1e-3, 1e-2, 1e-1],
  seeds,
  baseSeed,
};

// The backend the verdict runs use by default (wasm here), so the numbers are those of a claim run.
console.error(`calibrate: base seed ${baseSeed}, ${seeds} seeds, backend ${await initBackend('auto')}`);

const KERNELS: readonly Learner[] = ['rbf', 'relu-ntk', 'poly', 'own-ntk', 'last-layer', 'monomials'];

// Thm 1's scan: epochs x 0.3 / alpha for alpha > 0, half at alpha = 0 (index.ts atAlpha).
for (const alpha of netOnly ? [0.3] : [0.3, 0.15, 0]) {
  const epochs = alpha > 0 ? Math.round((100 * 0.3) / alpha) : 50;
  const c: SeparationConfig = { ...base, task: { ...base.task, alpha }, resnet: { ...base.resnet, epochs } };
  const t0 = Date.now();
  const net = resnetRisks(c).map((n) => n.mse);
  const line: Record<string, unknown> = { baseSeed, alpha, epochs, net, netSeconds: (Date.now() - t0) / 1000 };
  // Thm 3 and 4 judge alpha = 0.3 only: every kernel and the monomial map on the same data per seed.
  if (alpha === 0.3 && !netOnly)
    for (const l of KERNELS) {
      const t1 = Date.now();
      const risks = Array.from({ length: seeds }, (_, r) => learnerRisk(c, r, l));
      line[l] = risks.map((x) => x.mse);
      if (l === 'monomials') line['monomials.onF'] = risks.map((x) => x.mseF);
      line[`${l}.seconds`] = (Date.now() - t1) / 1000;
    }
  console.log(JSON.stringify(line));
}
