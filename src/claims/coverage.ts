import { wilsonInterval } from '../core/stats.js';
import type { CoverRequirement } from './Claim.js';
import type { CoverageResult } from './Verdict.js';

/**
 * Counts how often generated cases fall in each declared region. The check is statistical, as in
 * QuickCheck's checkCoverage: a region fails only when we are 95% sure its true share is below
 * the requirement (Wilson upper bound < minShare), so a lucky-short run does not fail spuriously;
 * a region with no hit at all always fails.
 */
export class CoverageCounter<H> {
  private readonly hits: number[];
  private total = 0;

  constructor(private readonly regions: readonly CoverRequirement<H>[]) {
    this.hits = regions.map(() => 0);
  }

  observe(h: H): void {
    this.total++;
    this.regions.forEach((r, i) => {
      if (r.when(h)) this.hits[i]++;
    });
  }

  results(): CoverageResult[] {
    return this.regions.map((r, i) => {
      const hits = this.hits[i];
      const share = this.total === 0 ? 0 : hits / this.total;
      const upper = this.total === 0 ? 0 : wilsonInterval(hits, this.total, 0.95).high;
      // Never reached is never covered, however few cases ran.
      return { label: r.label, hits, total: this.total, share, minShare: r.minShare, ok: hits > 0 && upper >= r.minShare };
    });
  }
}
