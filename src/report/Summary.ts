import * as path from 'node:path';
import { paperOf, type Checkable, type PaperRef, type PlotHints } from '../claims/Claim.js';
import type { ClaimRun } from '../claims/runClaim.js';
import { asExpected } from '../claims/runSuite.js';
import type { Shard } from '../claims/shard.js';
import type { Tolerance } from '../claims/Tolerance.js';
import { verdictWords, type Verdict } from '../claims/Verdict.js';
import { replayLine } from './commands.js';

/**
 * reports/summary.json: what `claimcheck verify` found, in a stable, schema-versioned form that
 * reports, CI gating and other tools read. It holds no wall-clock data (timings go to
 * reports/timings.json), so the same seed, profile and backend give a byte-identical file.
 */
export const SUMMARY_SCHEMA = 1;

export interface SummaryResult {
  readonly id: string;
  readonly role: 'claim' | 'mutant';
  readonly paper: string;
  readonly kind: Checkable['kind'];
  /** Set only for a hypothesis the paper does not prove (absent means a theorem). */
  readonly subject?: 'hypothesis';
  /** Claims: the paper's theorem label and catalog confidence; mutants: the claim they mutate. */
  readonly theorem?: string;
  readonly confidence?: string;
  readonly of?: string;
  readonly mutantStatus?: string;
  readonly change?: string;
  readonly expectedCounterexample?: string;
  readonly statement: string;
  readonly bound?: string;
  readonly notes?: string;
  readonly plot?: PlotHints;
  readonly tolerance: Tolerance;
  /** Claim holds, or mutant refuted. */
  readonly asExpected: boolean;
  readonly words: string;
  readonly verdict: Verdict;
  readonly replay?: string;
}

export interface Summary {
  readonly schema: typeof SUMMARY_SCHEMA;
  readonly tool: 'claimcheck';
  readonly seed: number;
  readonly backend: string;
  readonly profile: string;
  /** The claim file the claims came from (verify --file), relative to where verify ran; absent for built-ins. */
  readonly file?: string;
  /** Set when the run was one shard (`verify --shard i/n`); a merged or unsharded summary has none. */
  readonly shard?: Shard;
  readonly ok: boolean;
  readonly papers: readonly PaperRef[];
  readonly results: readonly SummaryResult[];
}

function relativeFixture(v: Verdict, cwd: string): Verdict {
  if ((v.status === 'refuted' || v.status === 'inconsistent') && v.counterexample.fixture) {
    return { ...v, counterexample: { ...v.counterexample, fixture: path.relative(cwd, v.counterexample.fixture) } };
  }
  return v;
}

export function buildSummary(
  runs: readonly ClaimRun[],
  checkables: readonly Checkable[],
  meta: { seed: number; backend: string; profile: string; file?: string; shard?: Shard },
  cwd = process.cwd(),
): Summary {
  const byId = new Map(checkables.map((c) => [c.id, c]));
  const file = meta.file === undefined ? undefined : path.relative(cwd, path.resolve(cwd, meta.file));
  const results = runs.map((r): SummaryResult => {
    const c = byId.get(r.id);
    if (!c) throw new Error(`internal: no checkable for run ${r.id}`);
    const verdict = relativeFixture(r.verdict, cwd);
    const saved = verdict.status === 'refuted' || verdict.status === 'inconsistent' ? verdict.counterexample.fixture : undefined;
    return {
      id: c.id,
      role: c.type,
      paper: paperOf(c).key,
      kind: c.kind,
      ...(c.subject === 'hypothesis' ? { subject: 'hypothesis' as const } : {}),
      ...(c.type === 'claim'
        ? { theorem: c.theorem, confidence: c.confidence }
        : { of: c.of.id, mutantStatus: c.status, change: c.change, expectedCounterexample: c.expected }),
      statement: c.statement,
      bound: c.bound,
      notes: c.notes,
      plot: c.plot ?? (c.type === 'mutant' ? c.of.plot : undefined),
      tolerance: c.tolerance,
      asExpected: asExpected(r),
      words: verdictWords(c.kind, r.verdict, c.subject),
      verdict,
      replay: saved ? replayLine(saved, { file, backend: meta.backend }) : undefined,
    };
  });
  const papers = [...new Map(checkables.map((c) => [paperOf(c).key, paperOf(c)])).values()];
  const { seed, backend, profile, shard } = meta;
  return {
    schema: SUMMARY_SCHEMA,
    tool: 'claimcheck',
    seed,
    backend,
    profile,
    ...(file === undefined ? {} : { file }),
    ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}),
    ok: results.every((x) => x.asExpected),
    papers,
    results,
  };
}

/** JSON with non-finite numbers spelled out (JSON has none): "Infinity", "-Infinity", "NaN". */
export function summaryJson(s: Summary): string {
  return JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n';
}
