import type { ViolatedOutcome } from '../evaluateCase.js';
import type { CaseSource, ShrinkReport } from '../Verdict.js';

/** A violated case found by one phase of a run, before it is simplified, certified and judged. */
export interface Found {
  readonly value: unknown;
  readonly outcome: ViolatedOutcome;
  readonly source: CaseSource;
  /** fast-check's replay path (random phase). */
  readonly path?: string;
  readonly shrink?: ShrinkReport;
  /** Fixture the case was read from (pinned replays). */
  readonly fixture?: string;
  /** Shrinks recorded with a pinned fixture. */
  readonly shrinks?: number;
}
