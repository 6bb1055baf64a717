/**
 * Timing as shared/bench/README.md's "Rules for a second implementation" say: one untimed
 * warm-up, then `runs` timed runs, median reported. The clock brackets `run()` only: inputs are
 * already in memory (prepare is untimed) and `run` resolves once the check scalar is on the host.
 */
import type { Prepared, RunResult } from './workload.js';

export interface Timing {
  readonly seconds: number;
  readonly times: readonly number[];
  readonly result: RunResult;
  /** Checks of timed runs that differed from the warm-up's (threads may reorder sums). */
  readonly varied: readonly number[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export async function timeRuns(prepared: Prepared, runs: number): Promise<Timing> {
  const result = await prepared.run(); // warm-up: JIT, wasm tier-up, worker start-up
  const times: number[] = [];
  const varied: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const again = await prepared.run();
    times.push((performance.now() - t0) / 1000);
    if (again.check !== result.check) varied.push(again.check);
  }
  return { seconds: median(times), times, result, varied };
}
