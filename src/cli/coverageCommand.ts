import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Checkable } from '../claims/Claim.js';
import { paperOf } from '../claims/Claim.js';
import { profileByName } from '../claims/profiles.js';
import { packageRoot, select } from '../claims/registry.js';
import { writeFileAtomic } from '../claims/store.js';
import {
  claimCoverageDir,
  COVERAGE_SCHEMA,
  COVERAGE_SCOPE,
  exercisedFiles,
  filterRawCoverage,
  paperCoverageDir,
  readCoverageIndex,
  summaryTotals,
  type ClaimCoverage,
  type CoverageIndex,
  type PaperCoverage,
} from '../report/coverageIndex.js';
import type { CoverageArgs } from './args.js';
import { loadCheckables } from './loadCheckables.js';
import { CI_DEFAULT_SEED, defaultWorkers } from './verifyCommand.js';

/**
 * `claimcheck coverage`: which part of the numeric core each theorem exercises. Every selected
 * claim runs alone (`verify --claim ID --no-mutants --workers 1 --no-pinned`) in its own process
 * under c8, which maps V8's coverage of the compiled dist/ (or, in a checkout whose dist/ is
 * stale, of the esbuild-transpiled sources) back to the .ts sources through their source maps.
 * Output: <out>/<claim id>/index.html (c8's HTML),
 * <out>/papers/<key>/ (the paper's claims merged by `c8 report`), and <out>/index.json.
 */
// c8 filters the scripts V8 ran (dist/**/*.js, or the .ts sources) and, after mapping them back
// through their source maps, the .ts files again (--exclude-after-remap).
const INCLUDE = [
  ...['src/core/**/*.ts', 'dist/src/core/**/*.js', 'papers/**/*.ts', 'dist/papers/**/*.js'].flatMap((g) => ['--include', g]),
  '--exclude',
  '**/*.spec.ts',
  '--exclude-after-remap',
];
const REPORTERS = ['--reporter=json', '--reporter=json-summary', '--reporter=html'];

function c8Bin(): string {
  return createRequire(import.meta.url).resolve('c8/bin/c8.js');
}

function run(args: readonly string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.NODE_V8_COVERAGE;
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Claims of the selection; a mutant only when --claim names it exactly. */
function units(checkables: readonly Checkable[], claim: string | undefined): Checkable[] {
  return checkables.filter((c) => c.type === 'claim' || c.id === claim);
}

export async function coverageCommand(args: CoverageArgs): Promise<number> {
  profileByName(args.profile); // a bad --profile is the user's mistake: say so before spawning anything
  const root = packageRoot();
  const sel = { paper: args.paper, claim: args.claim, file: args.file };
  const selected = units(select(await loadCheckables(args.file, sel), sel), args.claim);
  const out = path.resolve(args.out);
  const seed = args.seed ?? CI_DEFAULT_SEED;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-coverage-'));
  // The raw coverage kept for paper aggregates covers what INCLUDE measures, so they add up.
  const measured = ['src/core', 'dist/src/core', 'papers', 'dist/papers'].map((d) => pathToFileURL(path.join(root, d) + path.sep).href);
  const keep = (url: string) => measured.some((u) => url.startsWith(u)) && !url.endsWith('.spec.ts');
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`claimcheck coverage: ${selected.length} claims | profile ${args.profile} | seed ${seed} | ${out}`);

  const previous = readCoverageIndex(path.join(out, 'index.json'));
  const claims: Record<string, ClaimCoverage> = { ...(previous?.claims ?? {}) };
  let failures = 0;
  let next = 0;
  const started = Date.now();
  const lane = async (): Promise<void> => {
    while (next < selected.length) {
      const i = next++;
      const c = selected[i];
      const t0 = Date.now();
      const rel = claimCoverageDir(c.id);
      const dir = path.join(out, rel);
      const raw = path.join(work, `raw-${i}`);
      fs.rmSync(dir, { recursive: true, force: true });
      const verify = [
        path.join(root, 'bin', 'claimcheck.js'),
        'verify',
        '--claim',
        c.id,
        '--no-mutants',
        '--workers',
        '1',
        '--no-pinned',
        '--profile',
        args.profile,
        '--seed',
        String(seed),
        '--backend',
        args.backend,
        '--reports',
        path.join(work, `reports-${i}`),
        '--fixtures',
        path.join(work, `fixtures-${i}`),
        ...(args.file ? ['--file', path.resolve(args.file)] : []),
      ];
      // cwd is the package root: c8 matches --include against paths relative to it.
      const r = await run(
        [c8Bin(), ...REPORTERS, '--report-dir', dir, '--temp-directory', raw, ...INCLUDE, process.execPath, ...verify],
        root,
      );
      const summary = path.join(dir, 'coverage-summary.json');
      if (!fs.existsSync(summary)) {
        failures++;
        log(`[${i + 1}/${selected.length}] ${c.id}: no coverage written (exit ${r.code}): ${r.stderr.trim().split('\n').pop() ?? ''}`);
        delete claims[c.id];
        continue;
      }
      // Keep the core's raw coverage (small) so paper aggregates can be re-merged later.
      filterRawCoverage(raw, keep).forEach((p, k) => writeFileAtomic(path.join(dir, 'raw', `coverage-${k}.json`), JSON.stringify(p)));
      fs.rmSync(raw, { recursive: true, force: true });
      const totals = summaryTotals(summary);
      const exercised = exercisedFiles(path.join(dir, 'coverage-final.json'), root);
      claims[c.id] = {
        paper: paperOf(c).key,
        profile: args.profile,
        seed,
        exitCode: r.code,
        ...totals,
        exercised,
        report: `${rel}/index.html`,
      };
      if (r.code !== 0) failures++;
      log(
        `[${i + 1}/${selected.length}] ${c.id}: lines ${totals.lines}%, functions ${totals.functions}%, branches ${totals.branches}%, ` +
          `${exercised.length} core files exercised${r.code === 0 ? '' : ` (verify exited ${r.code})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(args.workers ?? defaultWorkers(), selected.length)) }, lane));

  // Paper aggregates: c8 merges the raw coverage of every claim of the paper in the index.
  const papers: Record<string, PaperCoverage> = { ...(previous?.papers ?? {}) };
  const touched = new Set(selected.map((c) => paperOf(c).key));
  for (const key of touched) {
    const ids = Object.keys(claims)
      .filter((id) => claims[id].paper === key)
      .sort();
    const merged = path.join(work, `paper-${key}`);
    fs.mkdirSync(merged, { recursive: true });
    let n = 0;
    for (const id of ids) {
      const rawDir = path.join(out, claimCoverageDir(id), 'raw');
      if (!fs.existsSync(rawDir)) continue;
      for (const f of fs.readdirSync(rawDir)) fs.copyFileSync(path.join(rawDir, f), path.join(merged, `coverage-${n++}.json`));
    }
    const rel = paperCoverageDir(key);
    const dir = path.join(out, rel);
    fs.rmSync(dir, { recursive: true, force: true });
    if (n === 0) {
      delete papers[key];
      continue;
    }
    await run([c8Bin(), 'report', ...REPORTERS, '--report-dir', dir, '--temp-directory', merged, ...INCLUDE], root);
    const summary = path.join(dir, 'coverage-summary.json');
    if (!fs.existsSync(summary)) {
      failures++;
      log(`paper ${key}: c8 report wrote no summary`);
      continue;
    }
    papers[key] = {
      claims: ids,
      ...summaryTotals(summary),
      exercised: exercisedFiles(path.join(dir, 'coverage-final.json'), root),
      report: `${rel}/index.html`,
    };
    log(
      `paper ${key}: lines ${papers[key].lines}%, functions ${papers[key].functions}%, branches ${papers[key].branches}% over ${ids.length} claims`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });

  const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const index: CoverageIndex = {
    schema: COVERAGE_SCHEMA,
    tool: 'claimcheck',
    scope: COVERAGE_SCOPE,
    claims: sortKeys(claims),
    papers: sortKeys(papers),
  };
  writeFileAtomic(path.join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  console.log(
    `claimcheck coverage: ${selected.length} claims in ${((Date.now() - started) / 1000).toFixed(1)}s | index ${path.relative(process.cwd(), path.join(out, 'index.json'))}`,
  );
  return failures === 0 ? 0 : 1;
}
