import { fold, keyFromSeed, keyToSeed } from '../../core/random.js';
import { evaluateCase, isViolated, type CaseEvaluator } from '../evaluateCase.js';
import type { FixtureStore } from '../store.js';
import type { CaseSource } from '../Verdict.js';
import type { Found } from './Found.js';
import type { RunState } from './RunState.js';

/** A fresh seed for stage `name` (and index i) of a claim run, in [0, 2^30): derived, never drawn. */
export function derivedSeed(claimSeed: number, name: string, i = 0): number {
  return keyToSeed(fold(fold(keyFromSeed(claimSeed), name), i)) >>> 2;
}

/**
 * Phase 1: pinned counterexamples from the store, then the claim's declared examples; never
 * shrunk. A statistical or scaling claim's examples are pinned seeds: at the quick profile they
 * replay as written (a regression check), at ci and thorough they run on fresh seeds from the run
 * seed when the claim can reseed them (design.reseed), so those profiles judge fresh evidence.
 */
export async function replayPhase(
  ev: CaseEvaluator,
  state: RunState,
  opts: { store?: FixtureStore; usePinned: boolean; freshExamples: boolean; claimSeed: number },
): Promise<Found | undefined> {
  const c = ev.checkable;
  if (opts.usePinned && opts.store) {
    for (const { file, fixture } of opts.store.fetch(c.id)) {
      const o = await evaluateCase(ev, fixture.counterexample);
      state.record(fixture.counterexample, o, 'pinned');
      if (state.halt) return undefined;
      if (isViolated(o)) {
        return { value: fixture.counterexample, outcome: o, source: 'pinned', path: fixture.path, shrinks: fixture.shrinks, fixture: file };
      }
    }
  }
  const reseed = c.kind !== 'exact' && opts.freshExamples ? c.design?.reseed : undefined;
  for (const [i, ex] of (c.examples ?? []).entries()) {
    const value = reseed ? reseed(ex as never, derivedSeed(opts.claimSeed, 'fresh-example', i)) : ex;
    const source: CaseSource = reseed ? 'reseeded' : 'example';
    const o = await evaluateCase(ev, value);
    state.record(value, o, source);
    if (state.halt) return undefined;
    if (isViolated(o)) return { value, outcome: o, source };
  }
  return undefined;
}
