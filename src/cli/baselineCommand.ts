import * as path from 'node:path';
import { DEFAULT_BASELINE_TOLERANCES } from '../claims/baselineTolerance.js';
import { UserError } from '../claims/errors.js';
import { writeFileAtomic } from '../claims/store.js';
import { changeLine, countChanges, diffEntries } from '../report/baselineCompare.js';
import { baselineEntry, type BaselineEntry } from '../report/baselineEntry.js';
import { BASELINE_SCHEMA, baselineJson, baselinePath, readBaseline, type BaselineFile } from '../report/baselineFile.js';
import type { BaselineArgs } from './args.js';
import { gateFlags } from '../report/commands.js';
import { outputFolder } from './checkInputs.js';
import { byPaper, gateRun } from './gateRun.js';

/**
 * `claimcheck baseline [--update]`: runs what `ci` runs and prints how the results differ from the
 * stored baselines (added / removed / changed quantities, old -> new). With --update the files are
 * rewritten atomically, keeping their hand-written `tolerances`; without it the command only
 * reports, exiting 1 when anything differs.
 */
export async function baselineCommand(args: BaselineArgs): Promise<number> {
  const flags = gateFlags(args);
  outputFolder('--baselines', args.baselines);
  const run = await gateRun(args);
  if (run.code === 2 || !run.summary) return 2;
  const s = run.summary;
  let differs = false;
  console.log('');
  for (const [paper, results] of byPaper(s.results)) {
    const file = baselinePath(args.baselines, s.backend, paper);
    const old = readBaseline(file);
    const now: Record<string, BaselineEntry> = Object.fromEntries(results.map((r) => [r.id, baselineEntry(r)]));
    // Only a run of the whole paper may drop results that it did not produce.
    const complete = args.claim === undefined;
    const rerecord = old !== undefined && (old.seed !== s.seed || old.profile !== s.profile);
    if (rerecord && !complete && args.update) {
      throw new UserError(
        `${file} was recorded with profile ${old.profile} and seed ${old.seed}; it cannot be updated one claim at a time`,
        `re-record the whole paper: claimcheck baseline --update --paper ${paper}${flags}`,
      );
    }
    const changes = diffEntries(rerecord ? {} : (old?.results ?? {}), now, complete, old?.tolerances, run.declared);
    const counts = countChanges(changes);
    const rel = path.relative(process.cwd(), file);
    console.log(`${rel}${old ? '' : ' (new file)'}${rerecord ? ` (was recorded with profile ${old.profile}, seed ${old.seed})` : ''}:`);
    for (const c of changes) console.log(`  ${changeLine(c)}`);
    console.log(`  ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed quantities`);
    if (changes.length > 0 || !old || rerecord) differs = true;
    if (args.update && (changes.length > 0 || !old || rerecord)) {
      const kept = complete || rerecord ? {} : Object.fromEntries(Object.entries(old?.results ?? {}).filter(([id]) => !(id in now)));
      const next: BaselineFile = {
        schema: BASELINE_SCHEMA,
        tool: 'claimcheck',
        paper,
        backend: s.backend,
        profile: s.profile,
        seed: s.seed,
        tolerances: old?.tolerances ?? DEFAULT_BASELINE_TOLERANCES,
        results: { ...kept, ...now },
      };
      writeFileAtomic(file, baselineJson(next));
      console.log(`  wrote ${rel}`);
    }
  }
  if (args.update) {
    if (run.code !== 0)
      console.log(
        'claimcheck baseline: written, but the run was not as expected (a claim failed or a mutant survived); `claimcheck ci` will fail until that is fixed',
      );
    return run.code;
  }
  if (differs)
    console.log(`claimcheck baseline: the results differ from the baselines; \`claimcheck baseline --update${flags}\` records them`);
  return differs || run.code !== 0 ? 1 : 0;
}
