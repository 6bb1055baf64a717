import type { Checkable } from '../Claim.js';
import { CoverageCounter } from '../coverage.js';
import type { Evidence } from '../Evidence.js';
import type { CaseOutcome } from '../evaluateCase.js';
import { TopK } from '../targetedSearch.js';
import { isReplaySource, type CaseSource } from '../Verdict.js';

/** The judged case closest to failing: what a consistent verdict reports. */
export interface WorstCase {
  readonly slack: number;
  readonly evidence: Evidence;
  readonly value: unknown;
  readonly source: CaseSource;
}

/**
 * What one claim run has seen so far: counts, slacks, the best cases to climb from (by score),
 * the worst case per kind of source (fresh seeds are the evidence; replays are regression
 * checks), and the first problem of each kind that makes a run Inconclusive.
 */
export class RunState {
  cases = 0;
  skipped = 0;
  maxSlack = -Infinity;
  /** Highest score seen (the claim's own score, e.g. a ratio to its bound): how close the search came. */
  bestScore: number | undefined;
  readonly slacks: number[] = [];
  readonly top = new TopK<unknown>(4);
  readonly coverage: CoverageCounter<unknown> | undefined;
  worstFresh: WorstCase | undefined;
  worstReplay: WorstCase | undefined;
  firstSkip: string | undefined;
  nonFinite: { detail: string; value: unknown } | undefined;
  threw: { detail: string; value: unknown; interrupted: boolean } | undefined;
  /** A drift between bound and check, or a definition error: the run stops, its verdict is Inconclusive. */
  halt: { reason: 'bound-drift' | 'definition-error'; detail: string; value: unknown } | undefined;

  constructor(c: Checkable) {
    this.coverage = c.cover?.length ? new CoverageCounter<unknown>(c.cover) : undefined;
  }

  record(h: unknown, o: CaseOutcome, source: CaseSource): void {
    if (o.kind === 'threw') {
      this.threw ??= { detail: o.error, value: h, interrupted: o.interrupted };
      return;
    }
    if (o.kind === 'drift' || o.kind === 'definition') {
      this.halt ??= { reason: o.kind === 'drift' ? 'bound-drift' : 'definition-error', detail: o.detail, value: h };
      return;
    }
    const j = o.judgement;
    if (j.outcome === 'skipped') {
      this.skipped++;
      this.firstSkip ??= j.reason;
    } else if (j.outcome === 'non-finite') this.nonFinite ??= { detail: j.reason, value: h };
    else {
      this.cases++;
      this.maxSlack = Math.max(this.maxSlack, j.slack);
      if (this.slacks.length < 2000) this.slacks.push(Number(j.slack.toPrecision(6)));
      if (o.score !== undefined) {
        this.top.offer(h, o.score);
        if (Number.isFinite(o.score) && (this.bestScore === undefined || o.score > this.bestScore)) this.bestScore = o.score;
      }
      const worst = { slack: j.slack, evidence: o.evidence, value: h, source };
      if (isReplaySource(source)) {
        if (this.worstReplay === undefined || j.slack > this.worstReplay.slack) this.worstReplay = worst;
      } else if (this.worstFresh === undefined || j.slack > this.worstFresh.slack) this.worstFresh = worst;
    }
  }

  /** Fresh seeds are the evidence when there are any; replays speak only when nothing else ran. */
  get worst(): WorstCase | undefined {
    return this.worstFresh ?? this.worstReplay;
  }
}
