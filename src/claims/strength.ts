import type { Checkable } from './Claim.js';
import type { Strength } from './Design.js';
import type { Evidence } from './Evidence.js';
import { isReplaySource, type CaseSource } from './Verdict.js';

/** Default significance level of a claim's own test. */
export const DEFAULT_ALPHA = 0.05;
/** A scaling fit on fewer grid points cannot exclude the wrong rate: at most a screen. */
export const MIN_GRID_POINTS = 5;

export type StrengthDecision =
  | { readonly kind: 'strength'; readonly strength: Strength }
  /** A scaling interval that contains the rate the claim's mutant asserts. */
  | { readonly kind: 'too-wide'; readonly detail: string };

/**
 * What a statistical or scaling result is worth (Design.ts, Strength). Replayed seeds (pinned
 * fixtures, declared examples as written) are a `replay` whatever they show. On fresh seeds a
 * held pass rule is a `test` only if its p-value is at most the claim's alpha and, for a scaling
 * fit, it has at least 5 grid points and an interval that excludes the declared alternative rate
 * (an interval containing it is Inconclusive, too wide); otherwise a `screen`. A failure on fresh
 * seeds is a `test` once a confirmation stage on independent seeds agreed (`confirmed`), else a
 * `screen`.
 */
export function decideStrength(c: Checkable, source: CaseSource, e: Evidence, holds: boolean, confirmed = false): StrengthDecision {
  if (isReplaySource(source)) return { kind: 'strength', strength: 'replay' };
  if (!holds) return { kind: 'strength', strength: confirmed ? 'test' : 'screen' };
  const t = e.test;
  const alternative = c.design?.alternative;
  if (c.kind === 'scaling') {
    if (t?.gridPoints !== undefined && t.gridPoints < MIN_GRID_POINTS) return { kind: 'strength', strength: 'screen' };
    if (alternative && t?.interval) {
      const [lo, hi] = t.interval;
      if (lo <= alternative.value && alternative.value <= hi) {
        return {
          kind: 'too-wide',
          detail: `the fitted interval [${lo}, ${hi}] contains ${alternative.value} (${alternative.label}), so this run cannot tell the theorem's rate from the mutant's`,
        };
      }
      if (t.pValue === undefined) return { kind: 'strength', strength: t.gridPoints !== undefined ? 'test' : 'screen' };
    }
  }
  const alpha = c.design?.alpha ?? DEFAULT_ALPHA;
  return { kind: 'strength', strength: t?.pValue !== undefined && t.pValue <= alpha ? 'test' : 'screen' };
}

const INFERENCE_KEY = /(^p$|pValue$|P$|^wilson)/;

/**
 * Replayed seeds were examined in calibration, so their p-values and intervals are no evidence: a
 * replay keeps its numbers but stores no p-value or interval, neither in the test nor among the
 * quantities (keys `p`, `...pValue`, `...P` such as signP or wilcoxonP, `wilson...`).
 */
export function withoutPValues(e: Evidence): Evidence {
  let test = e.test;
  if (test) {
    const { pValue: _p, interval: _i, confidence: _c, ...rest } = test;
    test = rest;
  }
  const quantities = e.quantities ? Object.fromEntries(Object.entries(e.quantities).filter(([k]) => !INFERENCE_KEY.test(k))) : undefined;
  return { ...e, ...(test ? { test } : {}), ...(quantities ? { quantities } : {}) };
}
