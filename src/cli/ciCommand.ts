import * as path from 'node:path';
import { UserError } from '../claims/errors.js';
import { writeFileAtomic } from '../claims/store.js';
import { compareEntry } from '../report/baselineCompare.js';
import { baselineEntry } from '../report/baselineEntry.js';
import { baselinePath, readBaseline } from '../report/baselineFile.js';
import { junitXml, type JUnitSuite } from '../report/junit.js';
import type { CiArgs } from './args.js';
import { gateFlags } from '../report/commands.js';
import { checkBaselines, outputFile } from './checkInputs.js';
import { byPaper, gateRun } from './gateRun.js';

/**
 * `claimcheck ci`: the ci profile with the CI seed, every result compared with the committed
 * baseline <baselines>/<backend>/<paper>.json, JUnit XML for the CI system, and exit code 1 when a
 * verdict changed, a quantity drifted beyond its tolerance, a quantity appeared or vanished, a
 * result has no baseline, or a claim failed / a mutant survived.
 */
export async function ciCommand(args: CiArgs): Promise<number> {
  const flags = gateFlags(args);
  // Inputs first: a missing or broken baseline folder is reported before the ci profile runs.
  checkBaselines(args.baselines, flags);
  if (args.junit !== undefined) outputFile('--junit', args.junit);
  const run = await gateRun(args, args.shard);
  if (run.code === 2 || !run.summary) return 2;
  const s = run.summary;
  const suites: JUnitSuite[] = [];
  const problems: string[] = [];
  const files: string[] = [];
  for (const [paper, results] of byPaper(s.results)) {
    const file = baselinePath(args.baselines, s.backend, paper);
    const base = readBaseline(file);
    if (base && (base.seed !== s.seed || base.profile !== s.profile)) {
      throw new UserError(
        `baseline ${file} was recorded with profile ${base.profile} and seed ${base.seed}, this run used profile ${s.profile} and seed ${s.seed}`,
        `record it again with \`claimcheck baseline --update${flags}\``,
      );
    }
    files.push(base ? file : `${file} (missing)`);
    suites.push({
      name: paper,
      cases: results.map((r) => {
        const failures = compareEntry(r.id, base?.results[r.id], baselineEntry(r), {
          tolerances: base?.tolerances,
          declared: run.declared,
          file,
          flags,
        }).map((f) => f.message);
        // A result that matches a baseline recording the same failure is still a failure.
        if (!r.asExpected) failures.unshift(`${r.id}: ${r.role === 'claim' ? 'claim does not hold' : 'mutant survived'}: ${r.words}`);
        problems.push(...failures);
        const ms = run.timings[r.id];
        return { name: r.id, classname: paper, timeSeconds: ms === undefined ? undefined : ms / 1000, failures };
      }),
    });
  }
  const junit = path.resolve(args.junit ?? path.join(run.reports, 'junit.xml'));
  writeFileAtomic(junit, junitXml(suites));
  const failed = suites.reduce((n, x) => n + x.cases.filter((c) => c.failures.length).length, 0);
  const total = suites.reduce((n, x) => n + x.cases.length, 0);
  console.log(`\nclaimcheck ci: compared ${total} results with ${files.join(', ')}`);
  for (const p of problems) console.log(`  ${p}`);
  console.log(
    failed === 0
      ? `claimcheck ci: no verdict changed and no quantity drifted | junit ${path.relative(process.cwd(), junit)}`
      : `claimcheck ci: ${failed}/${total} results changed or failed (${problems.length} problem${problems.length === 1 ? '' : 's'}) | junit ${path.relative(process.cwd(), junit)}` +
          `\n  if the change is intended: claimcheck baseline --update${flags} (then review and commit the diff)`,
  );
  return failed === 0 && run.code === 0 ? 0 : 1;
}
