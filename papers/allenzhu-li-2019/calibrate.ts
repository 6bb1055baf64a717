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
import { KERNELS, QUICK, SCAN_ALPHAS, atAlpha } from './scale.js';

const netOnly = process.argv.includes('--net-only');
const [baseArg, seedsArg] = process.argv.slice(2).filter((a) => a !== '--net-only');
const baseSeed = Number(baseArg);
const seeds = Number(seedsArg ?? 20);
if (!Number.isInteger(baseSeed) || !Number.isInteger(seeds) || seeds < 1) {
  console.error('calibrate: BASE_SEED and SEEDS must be positive integers (e.g. 9300 20)');
  process.exit(2);
}

/** The claims' pinned configuration with the calibration base seed. */
const base: SeparationConfig = { ...QUICK, seeds, baseSeed };

// The backend the verdict runs use by default (wasm here), so the numbers are those of a claim run.
console.error(`calibrate: base seed ${baseSeed}, ${seeds} seeds, backend ${await initBackend('auto')}`);

/** Thm 3's kernels and thm4's feature map. */
const LEARNERS: readonly Learner[] = [...KERNELS, 'monomials'];

// Thm 1's scan (its epochs per alpha), hardest alpha first; thm3 and thm4 run at alpha = 0.3.
for (const alpha of netOnly ? [0.3] : [...SCAN_ALPHAS].reverse()) {
  const c = atAlpha(base, alpha);
  const epochs = c.resnet.epochs;
  const t0 = Date.now();
  const net = resnetRisks(c).map((n) => n.mse);
  const line: Record<string, unknown> = { baseSeed, alpha, epochs, net, netSeconds: (Date.now() - t0) / 1000 };
  // Thm 3 and 4 judge alpha = 0.3 only: every kernel and the monomial map on the same data per seed.
  if (alpha === 0.3 && !netOnly)
    for (const l of LEARNERS) {
      const t1 = Date.now();
      const risks = Array.from({ length: seeds }, (_, r) => learnerRisk(c, r, l));
      line[l] = risks.map((x) => x.mse);
      if (l === 'monomials') line['monomials.onF'] = risks.map((x) => x.mseF);
      line[`${l}.seconds`] = (Date.now() - t1) / 1000;
    }
  console.log(JSON.stringify(line));
}
