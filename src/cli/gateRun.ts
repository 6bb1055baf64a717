import * as fs from 'node:fs';
import * as path from 'node:path';
import { declaredBaselineTolerances, type ClaimBaselineTolerance } from '../claims/baselineTolerance.js';
import type { Shard } from '../claims/shard.js';
import { loadSummary } from '../report/loadSummary.js';
import type { Summary } from '../report/Summary.js';
import type { GateArgs } from './args.js';
import { loadCheckables } from './loadCheckables.js';
import { CI_DEFAULT_SEED, verifyCommand } from './verifyCommand.js';

export interface GateRun {
  /** verify's exit code: 0 all as expected, 1 something failed, 2 bad input. */
  readonly code: number;
  readonly summary?: Summary;
  /** Wall-clock time per result id, in ms (reports/timings.json). */
  readonly timings: Readonly<Record<string, number>>;
  readonly reports: string;
  /** The baseline tolerances the selected claims and mutants declare (`baselineTolerance`), by id. */
  readonly declared: Readonly<Record<string, ClaimBaselineTolerance>>;
}

/**
 * What `ci` and `baseline` compare: a plain `verify` run of the selection with the ci profile and
 * the pinned CI seed (so a baseline and every later CI run see the same cases), read back from the
 * summary it wrote. Pinned counterexamples replay first, as in any verify run.
 */
export async function gateRun(args: GateArgs, shard?: Shard): Promise<GateRun> {
  const reports = path.resolve(args.reports ?? (shard ? path.join('reports', 'shards', `${shard.index}-of-${shard.count}`) : 'reports'));
  const code = await verifyCommand({
    command: 'verify',
    paper: args.paper,
    claim: args.claim,
    profile: 'ci',
    seed: CI_DEFAULT_SEED,
    backend: args.backend,
    json: false,
    file: args.file,
    fixtures: args.fixtures,
    pinned: true,
    reports,
    workers: args.workers,
    shard,
  });
  // After verify, which has reported bad input already: the same selection, loaded again (cached modules).
  if (code === 2) return { code, timings: {}, reports, declared: {} };
  const declared = declaredBaselineTolerances(await loadCheckables(args.file, { paper: args.paper, claim: args.claim, file: args.file }));
  const summary = loadSummary(path.join(reports, 'summary.json'));
  let timings: Record<string, number> = {};
  try {
    timings = (JSON.parse(fs.readFileSync(path.join(reports, 'timings.json'), 'utf8')) as { runs: Record<string, number> }).runs ?? {};
  } catch {
    // Timings only decorate the JUnit file; a missing one is no reason to fail the gate.
  }
  return { code, summary, timings, reports, declared };
}

/** Results grouped by paper key, in run order. */
export function byPaper<T extends { readonly paper: string }>(results: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of results) out.set(r.paper, [...(out.get(r.paper) ?? []), r]);
  return out;
}
