import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import { SUITE_FALSE_ALARM_BUDGET } from '../claims/errorBudget.js';
import { profileByName } from '../claims/profiles.js';
import { select } from '../claims/registry.js';
import type { ClaimRun } from '../claims/runClaim.js';
import { asExpected, runSuite } from '../claims/runSuite.js';
import { DirectoryStore } from '../claims/store.js';
import { UserError } from '../claims/errors.js';
import { initBackend } from '../core/backend.js';
import { wilsonInterval } from '../core/stats.js';
import type { FalseAlarmsArgs } from './args.js';
import { mark, seconds, table } from './format.js';
import { claimSource, loadCheckables } from './loadCheckables.js';
import type { ClaimSource } from './workerProtocol.js';
import { runParallel } from './runParallel.js';
import { defaultWorkers } from './verifyCommand.js';

/**
 * `claimcheck false-alarms --seeds N` (`npm run false-alarms`): runs the selected claims and their
 * mutants on N consecutive run seeds without pinned fixtures (every seed searches afresh, as an
 * interactive run does) and prints, per claim and mutant, how many seeds gave the expected outcome
 * with the 95% Wilson interval of the rate, and the share of seeds on which any true claim failed
 * (what the suite's false-alarm budget bounds). A measurement script, not a test: nothing is
 * written to fixtures/ (new counterexamples go to a temporary folder) and no time is asserted.
 * Bound mutants are left out: they are findings, not outcomes with an expectation.
 */
export async function falseAlarmsCommand(args: FalseAlarmsArgs): Promise<number> {
  const profile = profileByName(args.profile);
  const sel = { paper: args.paper, claim: args.claim, file: args.file };
  if (args.noMutants && args.onlyMutants)
    throw new UserError('false-alarms: --no-mutants and --only-mutants exclude each other', 'pass at most one of them');
  // The claims and the mutants are separate measurements (a claim's false-alarm rate, a mutant's
  // refutation rate): either can be run alone, e.g. when the mutants replay a pinned case anyway.
  const checkables = select(await loadCheckables(args.file, sel), sel).filter((c) =>
    args.noMutants ? c.type === 'claim' : args.onlyMutants ? c.type === 'mutant' : true,
  );
  const source = await claimSource(args.file, sel);
  const backend = await initBackend(args.backend);
  const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-false-alarms-'));
  const workers = Math.min(args.workers ?? defaultWorkers(), checkables.length);
  const log = (s: string) => console.error(s);
  const consecutive = Array.from({ length: args.seeds }, (_, i) => args.from + i);
  const seeds = [...consecutive, ...args.also.filter((s) => !consecutive.includes(s))];
  log(
    `claimcheck false-alarms: ${checkables.length} claims and mutants on run seeds ${consecutive[0]}..${consecutive[consecutive.length - 1]}${seeds.length > consecutive.length ? ` and ${seeds.slice(consecutive.length).join(', ')}` : ''} | profile ${profile.name} | backend ${backend} | no pinned fixtures`,
  );
  const outcomes = new Map<string, { expected: number; failedOn: number[]; marks: Map<string, number> }>(
    checkables.map((c) => [c.id, { expected: 0, failedOn: [], marks: new Map() }]),
  );
  const anyClaimFailed: number[] = [];
  const started = Date.now();
  try {
    for (const seed of seeds) {
      const runs = await runOnce(checkables, { profile, seed, backend, fixtures, workers, source, choice: args.backend });
      for (const r of runs) {
        const o = outcomes.get(r.id)!;
        const m = mark(r);
        o.marks.set(m, (o.marks.get(m) ?? 0) + 1);
        if (asExpected(r)) o.expected++;
        else o.failedOn.push(seed);
      }
      if (runs.some((r) => r.role === 'claim' && !asExpected(r))) anyClaimFailed.push(seed);
      // An Inconclusive run says why (budget, skipped cases, non-finite numbers), so a reader can
      // tell a slow machine from a generator defect.
      const bad = runs
        .filter((r) => !asExpected(r))
        .map(
          (r) =>
            `${mark(r)} ${r.id}${r.verdict.status === 'inconclusive' ? ` (${r.verdict.reason}: ${r.verdict.detail.slice(0, 160)})` : ''}`,
        );
      log(`seed ${seed}: ${bad.length ? bad.join('; ') : 'all as expected'} (${seconds(Date.now() - started)} so far)`);
    }
  } finally {
    fs.rmSync(fixtures, { recursive: true, force: true });
  }
  const N = seeds.length;
  const rows = [['', 'id', 'expected', 'rate', '95% Wilson', 'outcomes', 'unexpected on seeds']];
  for (const c of checkables) {
    const o = outcomes.get(c.id)!;
    const w = wilsonInterval(o.expected, N);
    rows.push([
      o.expected === N ? 'ok' : 'UNEXPECTED',
      c.id,
      `${o.expected}/${N}`,
      (o.expected / N).toFixed(2),
      `[${w.low.toFixed(3)}, ${w.high.toFixed(3)}]`,
      [...o.marks].map(([m, k]) => `${m} ${k}`).join(', '),
      o.failedOn.slice(0, 6).join(' ') + (o.failedOn.length > 6 ? ' ...' : ''),
    ]);
  }
  const w = wilsonInterval(anyClaimFailed.length, N);
  const suite = `seeds on which any true claim failed: ${anyClaimFailed.length}/${N}, 95% Wilson [${w.low.toFixed(3)}, ${w.high.toFixed(3)}] (budget ${SUITE_FALSE_ALARM_BUDGET * 100}% of runs)`;
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          profile: profile.name,
          seeds,
          backend,
          results: checkables.map((c) => ({
            id: c.id,
            role: c.type,
            ...outcomes.get(c.id)!,
            marks: Object.fromEntries(outcomes.get(c.id)!.marks),
          })),
          anyClaimFailed,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(table(rows));
    console.log(`\n${suite} | ${seconds(Date.now() - started)} | profile ${profile.name} | backend ${backend}`);
  }
  return [...outcomes.values()].every((o) => o.expected === N) ? 0 : 1;
}

async function runOnce(
  checkables: readonly Checkable[],
  o: {
    profile: ReturnType<typeof profileByName>;
    seed: number;
    backend: string;
    fixtures: string;
    workers: number;
    source: ClaimSource;
    choice: FalseAlarmsArgs['backend'];
  },
): Promise<readonly ClaimRun[]> {
  if (o.workers > 1) {
    const r = await runParallel({
      source: o.source,
      checkables,
      workers: o.workers,
      profile: o.profile,
      seed: o.seed,
      backend: o.choice,
      fixtures: o.fixtures,
      usePinned: false,
    });
    return r.runs;
  }
  const r = await runSuite(checkables, {
    profile: o.profile,
    seed: o.seed,
    backend: o.backend,
    store: new DirectoryStore(o.fixtures),
    usePinned: false,
  });
  return r.runs;
}
