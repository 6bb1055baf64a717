import type { Summary, SummaryResult } from './Summary.js';

/**
 * The commands a reader copies (the CLI's `reproduce:` and `replay:` lines, the report's
 * Reproduce and Replay boxes), built in one place so that each carries every flag it needs to
 * run as printed: --file when the claims came from a claim file, the profile, seed and backend.
 */

/** A word as the shell reads it back: quoted only when it has to be. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./~-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** ` --file F` when the claims came from a claim file (a path relative to where verify ran). */
export function fileFlag(file: string | undefined): string {
  return file === undefined ? '' : ` --file ${shellWord(file)}`;
}

export interface RunFlags {
  readonly file?: string;
  readonly profile: string;
  readonly seed: number;
  readonly backend: string;
  /** Bound mutants were asked for on a profile that does not run them by default. */
  readonly boundMutants?: boolean;
}

/** `verify` with the given selection flags (e.g. ' --claim ID') and the run's settings. */
export function verifyLine(selection: string, r: RunFlags): string {
  return `npx claimcheck verify${selection}${fileFlag(r.file)} --profile ${r.profile} --seed ${r.seed} --backend ${r.backend}${r.boundMutants ? ' --bound-mutants' : ''}`;
}

/** A summary's run flags: bound mutants in its results on a profile that does not run them unasked. */
function summaryFlags(s: Summary): RunFlags {
  const asked = s.profile === 'quick' && s.results.some((r) => r.purpose === 'bound');
  return { file: s.file, profile: s.profile, seed: s.seed, backend: s.backend, boundMutants: asked };
}

/** Replays a saved counterexample on the backend that found it (float32 numbers differ across backends). */
export function replayLine(fixture: string, r: { readonly file?: string; readonly backend: string }): string {
  return `npx claimcheck replay ${shellWord(fixture)}${fileFlag(r.file)} --backend ${r.backend}`;
}

/**
 * The command that re-runs one claim (with its mutants) or one mutant exactly: each checkable's
 * seed is derived from the run seed and its id, so selecting it alone reproduces its verdict.
 */
export function verifyCommand(s: Summary, id: string): string {
  return verifyLine(` --claim ${shellWord(id)}`, summaryFlags(s));
}

/** The whole run (whatever was selected, every result in it comes back the same). */
export function runCommand(s: Summary): string {
  return verifyLine('', summaryFlags(s));
}

/** Replays the saved counterexample fixture, when the run saved one. */
export function replayCommand(r: SummaryResult): string | undefined {
  return r.replay;
}

/** What a `ci` or `baseline` run was given, beyond the defaults, that re-recording needs too. */
export interface GateFlags {
  readonly file?: string;
  readonly baselines?: string;
  readonly fixtures?: string;
  readonly backend?: string;
}

/** The flags of a gate run that a copied `claimcheck baseline` command needs to see the same results. */
export function gateFlags(g: GateFlags): string {
  return (
    fileFlag(g.file) +
    (g.baselines !== undefined && g.baselines !== DEFAULT_BASELINES ? ` --baselines ${shellWord(g.baselines)}` : '') +
    (g.fixtures !== undefined ? ` --fixtures ${shellWord(g.fixtures)}` : '') +
    (g.backend !== undefined && g.backend !== 'auto' ? ` --backend ${g.backend}` : '')
  );
}

export const DEFAULT_BASELINES = 'fixtures/baselines';
