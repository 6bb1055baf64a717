import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import type { ClaimRun } from '../claims/runClaim.js';
import { asExpected } from '../claims/runSuite.js';
import { verdictWords } from '../claims/Verdict.js';
import { replayLine } from '../report/commands.js';

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** One word a reader scans for: did this line come out as the suite expects? */
export function mark(run: ClaimRun): string {
  if (asExpected(run)) return run.role === 'claim' ? 'ok' : 'killed';
  if (run.verdict.status === 'inconclusive') return 'INCONCLUSIVE';
  return run.role === 'claim' ? 'FAILED' : 'SURVIVED';
}

export function shortVerdict(run: ClaimRun): string {
  const v = run.verdict;
  switch (v.status) {
    case 'verified':
      return `verified on ${v.cases} cases (max slack ${v.maxSlack.toExponential(2)})`;
    case 'consistent':
      return `consistent at this scale`;
    case 'refuted':
    case 'inconsistent':
      return `${v.status} (${v.counterexample.source}, ${v.counterexample.shrinks} shrinks)`;
    case 'inconclusive':
      return `inconclusive: ${v.reason}`;
  }
}

export function verdictTable(runs: readonly ClaimRun[]): string {
  const rows = [['', 'id', 'kind', 'verdict', 'time']];
  for (const r of runs) rows.push([mark(r), r.id, r.kind, shortVerdict(r), seconds(r.durationMs)]);
  return table(rows);
}

/**
 * The details a reader needs for anything refuted or inconclusive. `file` is the claim file the
 * run loaded (--file), so that the printed replay command runs as copied.
 */
export function details(run: ClaimRun, c: Checkable | undefined, file?: string): string[] {
  const v = run.verdict;
  const out: string[] = [];
  if (v.status === 'refuted' || v.status === 'inconsistent') {
    const ce = v.counterexample;
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject)}`);
    out.push(`  counterexample: ${ce.description ?? truncate(JSON.stringify(ce.value), 400)}`);
    for (const cond of ce.evidence.conditions) {
      // The difference is printed too: a shrunk violation is often smaller than 6 digits show.
      const bad = ce.violated.includes(cond.name) ? `   <- violated (lhs - rhs = ${(cond.lhs - cond.rhs).toExponential(3)})` : '';
      out.push(`  ${cond.name}: ${fmt(cond.lhs)} ${cond.op} ${fmt(cond.rhs)}${bad}`);
    }
    if (c?.type === 'mutant') out.push(`  change: ${c.change}`);
    if (ce.fixture) {
      const rel = path.relative(process.cwd(), ce.fixture);
      out.push(`  ${ce.source === 'pinned' ? 'pinned' : 'saved'}: ${rel}`, `  replay: ${replayLine(rel, { file, backend: run.backend })}`);
    }
  } else if (v.status === 'consistent') {
    // "Consistent" is only as good as its test: show the statistic and the numbers behind it.
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject)}`);
    for (const cond of v.evidence.conditions) out.push(`  ${cond.name}: ${fmt(cond.lhs)} ${cond.op} ${fmt(cond.rhs)}`);
    const q = Object.entries(v.evidence.quantities ?? {}).map(([k, x]) => `${k} = ${fmt(x)}`);
    if (q.length) out.push(`  ${q.join(', ')}`);
  } else if (v.status === 'inconclusive') {
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject)}`);
    if (v.value !== undefined) out.push(`  case: ${JSON.stringify(v.value).slice(0, 300)}`);
  }
  return out;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n)}... (${s.length} chars; full value in the fixture)`;
}

export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? Number(x.toPrecision(6)).toString() : x.toExponential(4);
}
