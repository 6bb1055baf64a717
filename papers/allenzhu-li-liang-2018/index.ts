/**
 * Allen-Zhu, Li & Liang, "Learning and Generalization in Overparameterized Neural Networks, Going
 * Beyond Two Layers" (NeurIPS 2019, arXiv 1811.04918). Catalog:
 * shared/claims/allenzhu-li-liang-2018.md; calibration in CALIBRATION.md beside this file.
 *
 * Four claims, each in its own file (thm1.ts, thm2.ts, gen.ts, exp1.ts) with its mutants; this
 * file only re-exports them. Scale: checks cannot see the profile, so each claim runs a pinned
 * QUICK configuration as `examples` (replayed at quick, reseeded on fresh seeds at ci and
 * thorough through design.reseed) and a random case at thorough (`runs = { quick: 0, ci: 0,
 * thorough: 1 }`).
 *
 * Not registered: the catalog's NOT-safe variants (large output init, removing Algorithm 1's
 * smoothing / signs / dropout, width m = 10).
 */
export { paper } from './shared.js';
export * from './thm1.js';
export * from './thm2.js';
export * from './gen.js';
export * from './exp1.js';
