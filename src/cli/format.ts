import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import type { ClaimRun } from '../claims/runClaim.js';
import { asExpected } from '../claims/runSuite.js';
import { confirmationWords, fails, verdictWords } from '../claims/Verdict.js';
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

/**
 * One word a reader scans for: did this line come out as the suite expects? Bound mutants are
 * findings, not failures: `shown` (that part of the bound is necessary on the generator's cases)
 * or `not-shown`. A power mutant that survives means the claim's check cannot fail: NO-POWER.
 */
export function mark(run: ClaimRun): string {
  if (run.purpose === 'bound') return fails(run.verdict) ? 'shown' : 'not-shown';
  if (asExpected(run)) return run.role === 'claim' ? 'ok' : 'killed';
  if (run.verdict.status === 'inconclusive') return 'INCONCLUSIVE';
  if (run.role === 'claim') return 'FAILED';
  return run.purpose === 'power' ? 'NO-POWER' : 'SURVIVED';
}

export function shortVerdict(run: ClaimRun): string {
  const v = run.verdict;
  switch (v.status) {
    case 'verified':
      return `verified on ${v.cases} cases (max slack ${v.maxSlack.toExponential(2)}${v.bestScore !== undefined ? `, best score ${v.bestScore}` : ''})`;
    case 'consistent': {
      const cleared = v.confirmation && !v.confirmation.confirmed && run.role === 'claim' ? ', first stage not confirmed' : '';
      if (v.strength === 'replay') return `replay passed (pinned seeds, no p-value)${cleared}`;
      if (v.strength === 'screen') return `screen passed, not significant${cleared}`;
      return `consistent at this scale (test)${cleared}`;
    }
    case 'refuted':
    case 'inconsistent': {
      const confirmed = v.status === 'inconsistent' && v.confirmation?.confirmed && run.role === 'claim' ? ', confirmed' : '';
      const strength = v.status === 'inconsistent' && v.strength ? `, ${v.strength}` : '';
      return `${v.status} (${v.counterexample.source}, ${v.counterexample.shrinks} shrinks${strength}${confirmed})`;
    }
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
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject, run.role)}`);
    out.push(`  counterexample: ${ce.description ?? truncate(JSON.stringify(ce.value), 400)}`);
    for (const cond of ce.evidence.conditions) {
      // The difference is printed too: a shrunk violation is often smaller than 6 digits show.
      const bad = ce.violated.includes(cond.name) ? `   <- violated (lhs - rhs = ${(cond.lhs - cond.rhs).toExponential(3)})` : '';
      out.push(`  ${cond.name}: ${fmt(cond.lhs)} ${cond.op} ${fmt(cond.rhs)}${bad}`);
    }
    const q = quantityLine(ce.evidence.quantities);
    if (q) out.push(`  quantities: ${q}`);
    if (ce.shrink) {
      const how = ce.shrink.stopped === 'budget' ? `stopped on its budget of evaluations (${ce.shrink.evaluations})` : 'minimal';
      out.push(
        `  shrunk: ${ce.shrink.steps} steps, ${how}; every step kept a violation >= max(100 x tolerance, 1% of the first, ${fmt(ce.shrink.firstViolation)})` +
          (ce.simplified ? `; ${ce.simplified} numbers simplified` : ''),
      );
    }
    if (ce.certificate) out.push(`  ${ce.certificate.detail}`);
    if (v.status === 'inconsistent' && v.confirmation) out.push(`  ${confirmationWords(v.confirmation)}`);
    if (c?.type === 'mutant') out.push(`  change: ${c.change}`);
    if (ce.fixture) {
      const rel = path.relative(process.cwd(), ce.fixture);
      out.push(`  ${ce.source === 'pinned' ? 'pinned' : 'saved'}: ${rel}`, `  replay: ${replayLine(rel, { file, backend: run.backend })}`);
    }
  } else if (v.status === 'consistent') {
    // "Consistent" is only as good as its test: show the statistic and the numbers behind it.
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject, run.role)}`);
    if (run.role === 'mutant') out.push(`  ${run.purpose === 'power' ? 'no power' : 'survived'}: ${run.id} passes the same check`);
    for (const cond of v.evidence.conditions) out.push(`  ${cond.name}: ${fmt(cond.lhs)} ${cond.op} ${fmt(cond.rhs)}`);
    const q = quantityLine(v.evidence.quantities);
    if (q) out.push(`  ${q}`);
  } else if (v.status === 'inconclusive') {
    out.push(`${run.id}: ${verdictWords(run.kind, v, run.subject, run.role)}`);
    if (v.value !== undefined) out.push(`  case: ${JSON.stringify(v.value).slice(0, 300)}`);
  }
  return out;
}

function quantityLine(q: Readonly<Record<string, number>> | undefined): string {
  const entries = Object.entries(q ?? {});
  const shown = entries.slice(0, 24).map(([k, x]) => `${k} = ${fmt(x)}`);
  return shown.join(', ') + (entries.length > 24 ? `, ... (${entries.length - 24} more in reports/summary.json)` : '');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n)}... (${s.length} chars; full value in the fixture)`;
}

export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? Number(x.toPrecision(6)).toString() : x.toExponential(4);
}

/**
 * Per exact claim with an executable bound: which parts of the bound the generator showed
 * necessary (its bound mutant refuted, with the violation) and which it did not. A part not
 * shown is a finding, not a failure: it may be slack, or the generator may not reach its corner.
 */
export function boundTables(runs: readonly ClaimRun[], byId: ReadonlyMap<string, Checkable>): string[] {
  const out: string[] = [];
  const owners = [...new Set(runs.filter((r) => r.purpose === 'bound').map((r) => (byId.get(r.id) as { of?: { id: string } })?.of?.id))];
  for (const owner of owners) {
    if (!owner) continue;
    const rows = runs.filter((r) => r.purpose === 'bound' && r.id.startsWith(`${owner}~`));
    out.push(`${owner}: which parts of the bound this generator shows necessary`);
    for (const r of rows) {
      const c = byId.get(r.id);
      const change = c?.type === 'mutant' ? c.change.replace(/^bound mutant: /, '').replace(/, i\.e\. .*$/, '') : r.id;
      const v = r.verdict;
      const what = fails(v)
        ? `shown: lhs - rhs = ${(v.counterexample.evidence.conditions[0].lhs - v.counterexample.evidence.conditions[0].rhs).toExponential(3)} (${v.counterexample.certificate?.certified ? 'certified' : 'not certified'})`
        : v.status === 'inconclusive'
          ? `not shown: ${v.reason === 'cannot-generate' ? 'the edit never strengthens the bound on a generated case' : v.reason}`
          : `not shown on ${v.cases} cases (the part may be slack)`;
      out.push(`  ${pad(change, 60)} ${what}`);
    }
  }
  return out;
}
