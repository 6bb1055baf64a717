import * as os from 'node:os';
import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import type { ClaimRun } from '../claims/runClaim.js';
import { prestartWorker, runParallel } from './runParallel.js';
import { profileByName } from '../claims/profiles.js';
import { UserError } from '../claims/errors.js';
import { select } from '../claims/registry.js';
import { runSuite } from '../claims/runSuite.js';
import { DirectoryStore } from '../claims/store.js';
import type { VerifyArgs } from './args.js';
import { boundTables, details, mark, seconds, verdictTable } from './format.js';
import { outputFolder } from './checkInputs.js';
import { claimSource, loadCheckables } from './loadCheckables.js';
import { shellWord, verifyLine } from '../report/commands.js';
import { buildSummary, summaryJson } from '../report/Summary.js';
import { writeFileAtomic } from '../claims/store.js';
import { shardLabel, shardOf } from '../claims/shard.js';

/** CI runs are deterministic by default; interactive runs explore a fresh seed each time. */
export const CI_DEFAULT_SEED = 20181804;

/** Both cores by default: claims are independent, and each worker runs one at a time. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

export function chooseSeed(given: number | undefined): number {
  if (given !== undefined) return given;
  if (process.env.CI && process.env.CI !== 'false') return CI_DEFAULT_SEED;
  return Math.floor(Math.random() * 2 ** 31);
}

async function inProcessRuntime(choice: VerifyArgs['backend']) {
  const [{ initBackend }, { withLeakCheck }] = await Promise.all([import('../core/backend.js'), import('../core/tf/leakCheck.js')]);
  return { backend: await initBackend(choice), withLeakCheck };
}

export async function verifyCommand(args: VerifyArgs): Promise<number> {
  const profile = profileByName(args.profile);
  if (args.reports !== undefined) outputFolder('--reports', args.reports);
  if (args.fixtures !== undefined) outputFolder('--fixtures', args.fixtures);
  const boundMutants = args.boundMutants ?? profile.boundMutants;
  const sel = { paper: args.paper, claim: args.claim, file: args.file };
  const source = await claimSource(args.file, { ...sel, boundMutants });
  // Claims run on worker threads (unless --workers 1 or one is selected). The first worker starts
  // now and loads its claims while this thread loads them to select: on two cores the two loads
  // overlap instead of adding up (about half of a one-claim run's start-up).
  const early = (args.workers ?? defaultWorkers()) > 1 ? prestartWorker(source, args.backend) : undefined;
  let selected: Checkable[];
  try {
    selected = select(await loadCheckables(args.file, { ...sel, boundMutants }), sel).filter(
      (c) => !args.noMutants || c.type === 'claim' || c.id === args.claim,
    );
  } catch (e) {
    early?.cancel();
    throw e;
  }
  // A shard is a slice of the selection in paper order; every checkable's seed depends only on
  // the run seed and its id, so a sharded run gives the same verdicts as the unsharded one.
  const checkables = args.shard ? shardOf(selected, args.shard) : selected;
  const seed = chooseSeed(args.seed);
  const workers = Math.min(args.workers ?? defaultWorkers(), checkables.length);
  if (workers <= 1) early?.cancel();
  const fixtures = path.resolve(args.fixtures ?? 'fixtures/counterexamples');
  const log = (s: string) => process.stderr.write(s + '\n');
  const claims = checkables.filter((c) => c.type === 'claim').length;
  const header = (backend: string) =>
    log(
      `claimcheck verify: ${claims} claims, ${checkables.length - claims} mutants${args.shard ? ` (shard ${args.shard.index}/${args.shard.count} of ${selected.length})` : ''} | profile ${profile.name} | seed ${seed} | backend ${backend}`,
    );
  // In-process runs need TF.js in this thread; parallel ones only in the workers, which report
  // the backend they initialised (a claim file that never touches TF.js then never loads it here).
  const inProcess = workers > 1 ? undefined : await inProcessRuntime(args.backend);
  if (inProcess) header(inProcess.backend);

  const budgetMs = args.budgetSeconds === undefined ? undefined : args.budgetSeconds * 1000;
  const onDone = (r: ClaimRun & { leakedTensors?: number }, i: number, n: number) =>
    log(`[${i + 1}/${n}] ${mark(r)} ${r.id} in ${seconds(r.durationMs)}${r.leakedTensors ? `, LEAKED ${r.leakedTensors} tensors` : ''}`);
  const result =
    workers > 1
      ? await runParallel({
          source,
          first: early,
          onReady: header,
          checkables,
          workers,
          profile,
          seed,
          backend: args.backend,
          fixtures,
          usePinned: args.pinned,
          budgetMs,
          onDone,
        })
      : await runSuite(checkables, {
          profile,
          seed,
          backend: inProcess!.backend,
          store: new DirectoryStore(fixtures),
          usePinned: args.pinned,
          budgetMs,
          onStart: (c, i, n) => log(`[${i + 1}/${n}] ${c.id} ...`),
          onDone,
          around: inProcess!.withLeakCheck,
        });

  const backend = result.backend;
  // Verdicts and evidence (deterministic for a seed) and wall-clock timings go to separate files.
  // The claim file as the commands printed below and in the report name it: relative to here.
  const file = args.file === undefined ? undefined : path.relative(process.cwd(), path.resolve(args.file));
  const summary = buildSummary(result.runs, checkables, { seed, backend, profile: profile.name, file, shard: args.shard });
  const reports = path.resolve(args.reports ?? (args.shard ? path.join('reports', 'shards', shardLabel(args.shard)) : 'reports'));
  writeFileAtomic(path.join(reports, 'summary.json'), summaryJson(summary));
  writeFileAtomic(
    path.join(reports, 'timings.json'),
    JSON.stringify({ totalMs: result.durationMs, runs: Object.fromEntries(result.runs.map((r) => [r.id, r.durationMs])) }, null, 2) + '\n',
  );
  if (args.json) {
    process.stdout.write(summaryJson(summary));
  } else {
    console.log('\n' + verdictTable(result.runs));
    const byId = new Map(checkables.map((c) => [c.id, c]));
    // Bound mutants are summarised per claim in a table, not printed one by one.
    const notes = [
      ...result.runs.filter((r) => r.purpose !== 'bound').flatMap((r) => details(r, byId.get(r.id), file)),
      ...boundTables(result.runs, byId),
    ];
    if (notes.length) console.log('\n' + notes.join('\n'));
    console.log(`\n${tally(result.runs)} | ${seconds(result.durationMs)} | seed ${seed} | backend ${backend} | profile ${profile.name}`);
    const sel =
      (args.claim ? ` --claim ${shellWord(args.claim)}` : args.paper ? ` --paper ${shellWord(args.paper)}` : '') +
      (args.noMutants ? ' --no-mutants' : '') +
      (args.shard ? ` --shard ${args.shard.index}/${args.shard.count}` : '');
    console.log(
      `reproduce: ${verifyLine(sel, { file, profile: profile.name, seed, backend, boundMutants: boundMutants && !profile.boundMutants })}`,
    );
  }
  // A claim that cannot generate a single valid case, or breaks its own declaration (a verdict
  // case on a calibration seed, an executable bound that does not parse), is a mistake in the
  // claim file: bad input. Bound mutants are exempt: never strengthening is a finding, not a fault.
  const unusable = result.runs.find(
    (r) =>
      r.verdict.status === 'inconclusive' &&
      (r.verdict.reason === 'definition-error' || (r.verdict.reason === 'cannot-generate' && r.purpose !== 'bound')),
  );
  if (unusable && unusable.verdict.status === 'inconclusive') {
    console.error(
      new UserError(
        unusable.verdict.reason === 'definition-error'
          ? `claim "${unusable.id}" breaks its own declaration: ${unusable.verdict.detail}`
          : `claim "${unusable.id}" cannot generate: ${unusable.verdict.detail}`,
        unusable.verdict.reason === 'definition-error'
          ? 'fix the claim definition (pinned and verdict seeds must differ from calibration seeds)'
          : 'widen its hypotheses or relax its skip condition',
      ).render(),
    );
    return 2;
  }
  return result.ok ? 0 : 1;
}

/**
 * "24/24 claims hold (statistical: 3 test, 2 screen, 9 replay), 25/25 mutants refuted (assumption
 * 20/20, power 5/5; sanity 1/1); bound: 3 of 8 parts shown necessary". Sanity mutants sit outside
 * the mutation score; bound mutants are findings, not failures.
 */
export function tally(runs: readonly ClaimRun[]): string {
  const claims = runs.filter((r) => r.role === 'claim');
  const held = claims.filter((r) => mark(r) === 'ok').length;
  const strengths = { test: 0, screen: 0, replay: 0 };
  for (const r of claims) if (r.verdict.status === 'consistent' && r.verdict.strength) strengths[r.verdict.strength]++;
  const statistical = strengths.test + strengths.screen + strengths.replay;
  let out = `${held}/${claims.length} claims hold`;
  if (statistical) out += ` (statistical and scaling: ${strengths.test} test, ${strengths.screen} screen, ${strengths.replay} replay)`;
  const scored = runs.filter((r) => r.role === 'mutant' && r.purpose !== 'bound' && r.purpose !== 'sanity');
  const killed = (rs: readonly ClaimRun[]) => rs.filter((r) => mark(r) === 'killed').length;
  const byPurpose = (['assumption', 'power'] as const)
    .map((p) => {
      const rs = scored.filter((r) => r.purpose === p);
      return rs.length ? `${p} ${killed(rs)}/${rs.length}` : '';
    })
    .filter(Boolean);
  const sanity = runs.filter((r) => r.purpose === 'sanity');
  if (sanity.length) byPurpose.push(`sanity ${killed(sanity)}/${sanity.length}, not scored`);
  out += `, ${killed(scored)}/${scored.length} mutants refuted`;
  if (byPurpose.length) out += ` (${byPurpose.join(', ')})`;
  const bound = runs.filter((r) => r.purpose === 'bound');
  if (bound.length) out += `; bound: ${bound.filter((r) => mark(r) === 'shown').length} of ${bound.length} parts shown necessary`;
  return out;
}
