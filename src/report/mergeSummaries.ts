import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PaperRef } from '../claims/Claim.js';
import { UserError } from '../claims/errors.js';
import { loadSummary } from './loadSummary.js';
import { budgetFromResults, mutationScore, SUMMARY_SCHEMA, type Summary, type SummaryResult } from './Summary.js';

export interface LoadedSummary {
  readonly file: string;
  readonly summary: Summary;
}

/**
 * The summary files behind `report --merge` arguments: a summary.json, a folder holding one, or a
 * folder of shard folders (e.g. reports/shards, or CI artifacts downloaded side by side).
 */
export function summaryFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    const stat = fs.statSync(a, { throwIfNoEntry: false });
    if (!stat)
      throw new UserError(
        `--merge: ${a} does not exist`,
        'pass the folders `claimcheck verify --shard i/n` wrote (reports/shards/<i>-of-<n>)',
      );
    if (stat.isFile()) {
      out.push(a);
      continue;
    }
    const direct = path.join(a, 'summary.json');
    if (fs.existsSync(direct)) {
      out.push(direct);
      continue;
    }
    const nested = fs
      .readdirSync(a)
      .sort()
      .map((d) => path.join(a, d, 'summary.json'))
      .filter((f) => fs.existsSync(f));
    if (nested.length === 0)
      throw new UserError(`--merge: no summary.json in ${a} or its sub-folders`, 'run `claimcheck verify --shard i/n` first');
    out.push(...nested);
  }
  return [...new Set(out.map((f) => path.normalize(f)))];
}

/**
 * One summary from shard summaries: they must come from one run (same seed, backend, profile and
 * shard count, every shard present once); results are concatenated in shard order, which for
 * contiguous shards is exactly the unsharded run's order, so the merged file is byte-identical to
 * the summary of the unsharded run. Summaries without shard info (e.g. one per --paper) are
 * concatenated in the order given; a result present twice is an error either way.
 */
export function mergeSummaries(inputs: readonly LoadedSummary[]): Summary {
  if (inputs.length === 0) throw new UserError('--merge: nothing to merge');
  const [first] = inputs;
  for (const field of ['seed', 'backend', 'profile'] as const) {
    const other = inputs.find((x) => x.summary[field] !== first.summary[field]);
    if (other) {
      throw new UserError(
        `cannot merge: ${field} differs: ${first.file} has ${JSON.stringify(first.summary[field])}, ${other.file} has ${JSON.stringify(other.summary[field])}`,
        'merge only the shards of one run (same --seed, --profile and --backend)',
      );
    }
  }
  const sharded = inputs.filter((x) => x.summary.shard);
  let ordered = [...inputs];
  if (sharded.length > 0) {
    const plain = inputs.find((x) => !x.summary.shard);
    if (plain)
      throw new UserError(
        `cannot merge: ${plain.file} is not a shard but ${sharded[0].file} is`,
        'merge either the shards of one run or whole runs',
      );
    const count = first.summary.shard!.count;
    const other = inputs.find((x) => x.summary.shard!.count !== count);
    if (other) {
      throw new UserError(
        `cannot merge: shard count differs: ${first.file} is one of ${count}, ${other.file} one of ${other.summary.shard!.count}`,
        'merge the shards of one run',
      );
    }
    const byIndex = new Map<number, LoadedSummary>();
    for (const x of inputs) {
      const prev = byIndex.get(x.summary.shard!.index);
      if (prev) throw new UserError(`cannot merge: shard ${x.summary.shard!.index}/${count} given twice (${prev.file} and ${x.file})`);
      byIndex.set(x.summary.shard!.index, x);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    if (missing.length) {
      throw new UserError(
        `cannot merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
        'wait for every shard job, or pass all reports/shards/<i>-of-<n> folders',
      );
    }
    ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, x]) => x);
  }
  const seen = new Map<string, string>();
  const results: SummaryResult[] = [];
  const papers = new Map<string, PaperRef>();
  for (const x of ordered) {
    for (const p of x.summary.papers) if (!papers.has(p.key)) papers.set(p.key, p);
    for (const r of x.summary.results) {
      const prev = seen.get(r.id);
      if (prev) throw new UserError(`cannot merge: ${r.id} is in both ${prev} and ${x.file}`, 'each claim must come from one shard only');
      seen.set(r.id, x.file);
      results.push(r);
    }
  }
  // Each shard split the false-alarm budget over its own claims; the merged run splits it over all.
  const budget = budgetFromResults(results);
  const shareOf = new Map(budget.shares.map((s) => [s.id, s]));
  const merged = results.map((r): SummaryResult => {
    const s = shareOf.get(r.id);
    if (!r.design || !s) return r;
    return { ...r, design: { ...r.design, falseAlarm: { ...r.design.falseAlarm, share: s.share, meetsShare: s.meetsShare } } };
  });
  return {
    schema: SUMMARY_SCHEMA,
    tool: 'claimcheck',
    seed: first.summary.seed,
    backend: first.summary.backend,
    profile: first.summary.profile,
    ok: merged.every((r) => r.asExpected),
    falseAlarmBudget: budget,
    mutationScore: mutationScore(merged),
    papers: [...papers.values()],
    results: merged,
  };
}

export function loadAndMerge(args: readonly string[]): { summary: Summary; files: string[] } {
  const files = summaryFiles(args);
  return { summary: mergeSummaries(files.map((file) => ({ file, summary: loadSummary(file) }))), files };
}

/** timings.json beside each summary, merged: the runs' union; total is the slowest shard (they run in parallel). */
export function mergeTimings(files: readonly string[]): string | undefined {
  const runs: Record<string, number> = {};
  let totalMs = 0;
  for (const f of files) {
    const t = path.join(path.dirname(f), 'timings.json');
    if (!fs.existsSync(t)) return undefined;
    try {
      const j = JSON.parse(fs.readFileSync(t, 'utf8')) as { totalMs: number; runs: Record<string, number> };
      Object.assign(runs, j.runs);
      totalMs = Math.max(totalMs, j.totalMs);
    } catch {
      return undefined;
    }
  }
  return JSON.stringify({ totalMs, runs }, null, 2) + '\n';
}
