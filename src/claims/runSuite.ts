import type { Checkable } from './Claim.js';
import { fails, holds } from './Verdict.js';
import type { Profile } from './profiles.js';
import { runClaim, type ClaimRun, type ProgressEvent } from './runClaim.js';
import type { FixtureStore } from './store.js';

/**
 * A claim run is as expected when the claim holds, or when the mutant is refuted. A bound mutant
 * is reported, never failed: refuted shows its part of the bound necessary, survived or never
 * strengthened on a generated case leaves it not shown (the part may be slack). A bound mutant
 * that could not be judged for another reason (the check threw, drift) is a real problem.
 */
export function asExpected(run: ClaimRun): boolean {
  if (run.role === 'mutant' && run.purpose === 'bound') {
    const v = run.verdict;
    return v.status !== 'inconclusive' || v.reason === 'cannot-generate' || v.reason === 'too-many-skips';
  }
  return run.role === 'claim' ? holds(run.verdict) : fails(run.verdict);
}

/** The whole run is as expected: every claim holds, every mutant is refuted, nothing leaked. */
export function suiteOk(runs: readonly (ClaimRun & { readonly leakedTensors?: number })[]): boolean {
  return runs.every((r) => asExpected(r) && !r.leakedTensors);
}

export interface SuiteOptions {
  readonly profile: Profile;
  readonly seed: number;
  readonly backend: string;
  readonly store?: FixtureStore;
  readonly usePinned?: boolean;
  /** Whole-run budget in ms: claims not started before it ends are Inconclusive (interrupted). */
  readonly budgetMs?: number;
  readonly onStart?: (c: Checkable, index: number, total: number) => void;
  readonly onDone?: (run: ClaimRun & { readonly leakedTensors?: number }, index: number, total: number) => void;
  readonly onProgress?: (e: ProgressEvent) => void;
  /** Wraps each claim run, e.g. to count tensors leaked by it. */
  readonly around?: <T>(fn: () => Promise<T>) => Promise<{ result: T; leaked: number }>;
}

export interface SuiteResult {
  readonly runs: readonly (ClaimRun & { readonly leakedTensors?: number })[];
  readonly seed: number;
  readonly backend: string;
  readonly profile: string;
  readonly ok: boolean;
  readonly durationMs: number;
}

export async function runSuite(checkables: readonly Checkable[], opts: SuiteOptions): Promise<SuiteResult> {
  const started = Date.now();
  const deadline = opts.budgetMs === undefined ? undefined : started + opts.budgetMs;
  const runs: (ClaimRun & { leakedTensors?: number })[] = [];
  for (const [i, c] of checkables.entries()) {
    opts.onStart?.(c, i, checkables.length);
    const exec = () =>
      runClaim(c, {
        profile: opts.profile,
        seed: opts.seed,
        backend: opts.backend,
        store: opts.store,
        usePinned: opts.usePinned,
        deadline,
        onProgress: opts.onProgress,
      });
    let run: ClaimRun & { leakedTensors?: number };
    if (opts.around) {
      const { result, leaked } = await opts.around(exec);
      run = { ...result, leakedTensors: leaked };
    } else run = await exec();
    runs.push(run);
    opts.onDone?.(run, i, checkables.length);
  }
  return { runs, seed: opts.seed, backend: opts.backend, profile: opts.profile.name, ok: suiteOk(runs), durationMs: Date.now() - started };
}
