import type { Summary, SummaryResult } from './Summary.js';

/**
 * The command that re-runs one claim (with its mutants) or one mutant exactly: each checkable's
 * seed is derived from the run seed and its id, so selecting it alone reproduces its verdict.
 */
export function verifyCommand(s: Summary, id: string): string {
  return `npx claimcheck verify --claim ${id} --profile ${s.profile} --seed ${s.seed} --backend ${s.backend}`;
}

/** The whole run (whatever was selected, every result in it comes back the same). */
export function runCommand(s: Summary): string {
  return `npx claimcheck verify --profile ${s.profile} --seed ${s.seed} --backend ${s.backend}`;
}

/** Replays the saved counterexample fixture, when the run saved one. */
export function replayCommand(r: SummaryResult): string | undefined {
  return r.replay;
}
