/**
 * What the claim files of Allen-Zhu, Li & Liang 2018 share: the paper reference, seeds, the
 * statistical design of a seed-based claim, and evidence helpers. Not re-exported by index.ts
 * (the registry takes claims and mutants only).
 */
import { fc, type PaperRef, type StatisticalDesign } from 'claimcheck';
import { seedArb } from 'claimcheck/arbitraries';
import { binomialTail } from 'claimcheck/core';

export const paper: PaperRef = {
  key: 'allenzhu-li-liang-2018',
  title: 'Learning and Generalization in Overparameterized Neural Networks, Going Beyond Two Layers',
  authors: 'Zeyuan Allen-Zhu, Yuanzhi Li, Yingyu Liang',
  venue: 'NeurIPS 2019',
  arxiv: '1811.04918',
  confidence: 'medium-low',
};

/**
 * Pinned base seed of every QUICK example: never examined in calibration (the 2026-12 targets were
 * calibrated on base seed 777; 1811, the previous pinned seed, was examined on the old targets).
 */
export const PINNED = 4817;
/** The calibration base seed (CALIBRATION.md); a verdict case on it is a definition error. */
export const CALIBRATION_SEED = 777;
/** Pinned examples at quick (replay) and, reseeded, at ci; one fresh random case at thorough. */
export const RUNS = { quick: 0, ci: 0, thorough: 1 };
export const baseSeedArb = seedArb();

export interface Seeds<C> {
  readonly config: C;
  readonly seeds: number;
  readonly baseSeed: number;
}

export const perSeed = (name: string, xs: readonly number[]): Record<string, number> =>
  Object.fromEntries(xs.map((x, r) => [`${name}[${r}]`, x]));

/**
 * Probability that a median-of-R rule fails (at least ceil(R / 2) of R seeds fail) when each
 * seed fails independently with probability q.
 */
export const medianRuleFailure = (R: number, q: number): number => binomialTail(Math.ceil(R / 2), R, q);

/**
 * The design of a claim whose case is a configuration on `seeds` consecutive seeds of one base
 * seed: ci and thorough reseed the base seed (fresh seeds from the run seed), calibration was on
 * CALIBRATION_SEED, and the stage rate is declared with how it was established.
 */
export function seedDesign<H extends { readonly baseSeed: number }>(
  calibrationNote: string,
  falseAlarm: { readonly stageRate: number; readonly how: string },
  hypothesesAt?: StatisticalDesign<H>['hypothesesAt'],
): StatisticalDesign<H> {
  return {
    alpha: 0.05,
    seeds: (h) => [h.baseSeed],
    reseed: (h, seed) => ({ ...h, baseSeed: seed }),
    calibration: { seeds: [CALIBRATION_SEED], note: calibrationNote },
    falseAlarm,
    ...(hypothesesAt ? { hypothesesAt } : {}),
  };
}

/** A random base seed for mutants and thorough cases. */
export const seedsOf = <C>(config: C, seeds: number): fc.Arbitrary<Seeds<C>> =>
  fc.record({ baseSeed: baseSeedArb }).map(({ baseSeed }) => ({ config, seeds, baseSeed }));
