import type { Checkable, CheckContext } from '../Claim.js';
import type { CaseEvaluator } from '../evaluateCase.js';
import type { ClaimRun, ProgressEvent, RunOptions } from '../runClaim.js';
import type { InconclusiveReason, Verdict } from '../Verdict.js';
import { claimBudgetMs } from '../profiles.js';
import { RunState } from './RunState.js';

/**
 * Everything the phases of one claim run share: the checkable, its options and seed, the time
 * budget, what has been seen so far (RunState), and how a verdict becomes a ClaimRun.
 */
export class RunContext {
  readonly started = Date.now();
  /** The claim's own time budget (its budgetSeconds for the profile, else the profile's). */
  readonly budgetMs: number;
  readonly deadline: number;
  readonly ctx: CheckContext;
  readonly state: RunState;
  /** Cases the profile asks for (random plus targeted). */
  readonly requested: number;
  /** fast-check stopped the random phase on the time limit. */
  interrupted = false;
  ev!: CaseEvaluator;

  constructor(
    readonly c: Checkable,
    readonly opts: RunOptions,
    /** The claim's own seed (derived from the run seed and its id). */
    readonly seed: number,
  ) {
    this.budgetMs = claimBudgetMs(c, opts.profile);
    this.deadline = Math.min(opts.deadline ?? Infinity, this.started + this.budgetMs);
    this.ctx = { backend: opts.backend, deadline: this.deadline };
    this.state = new RunState(c);
    this.requested = c.runs?.[opts.profile.name] ?? opts.profile.runs[c.kind];
  }

  /** Hypotheses for this profile (the catalog's scale at thorough, say), else the claim's. */
  get arbitrary() {
    return this.c.design?.hypothesesAt?.[this.opts.profile.name] ?? this.c.hypotheses;
  }

  progress(phase: Extract<ProgressEvent, { type: 'phase' }>['phase']): void {
    this.opts.onProgress?.({ type: 'phase', id: this.c.id, phase });
  }

  /** The run statistics every verdict carries. */
  base() {
    const s = this.state;
    return {
      cases: s.cases,
      skipped: s.skipped,
      maxSlack: s.maxSlack,
      ...(s.bestScore !== undefined ? { bestScore: Number(s.bestScore.toPrecision(6)) } : {}),
      seed: this.seed,
      slacks: s.slacks,
      coverage: s.coverage?.results(),
    };
  }

  finish(verdict: Verdict): ClaimRun {
    const c = this.c;
    return {
      id: c.id,
      role: c.type,
      kind: c.kind,
      ...(c.subject === 'hypothesis' ? { subject: 'hypothesis' as const } : {}),
      ...(c.type === 'mutant' ? { purpose: c.purpose } : {}),
      verdict,
      backend: this.opts.backend,
      profile: this.opts.profile.name,
      runSeed: this.opts.seed,
      durationMs: Date.now() - this.started,
    };
  }

  inconclusive(reason: InconclusiveReason, detail: string, value?: unknown): ClaimRun {
    return this.finish({ status: 'inconclusive', ...this.base(), reason, detail, value });
  }

  /** The verdict of a run stopped by a bound drift or a definition error, if it was. */
  halted(): ClaimRun | undefined {
    const h = this.state.halt;
    return h ? this.inconclusive(h.reason, h.detail, h.value) : undefined;
  }
}
