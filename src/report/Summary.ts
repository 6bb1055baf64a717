import * as path from 'node:path';
import { paperOf, type Checkable, type PaperRef, type PlotHints } from '../claims/Claim.js';
import type { ClaimRun } from '../claims/runClaim.js';
import type { Calibration, MutantPurpose, Strength } from '../claims/Design.js';
import { budgetReport, SUITE_FALSE_ALARM_BUDGET, type BudgetReport } from '../claims/errorBudget.js';
import { boundExpression, isExecutable, type ExecutableBound } from '../claims/ExecutableBound.js';
import { asExpected } from '../claims/runSuite.js';
import type { Shard } from '../claims/shard.js';
import { DEFAULT_ALPHA } from '../claims/strength.js';
import type { Tolerance } from '../claims/Tolerance.js';
import { fails, verdictWords, type Verdict } from '../claims/Verdict.js';

/**
 * reports/summary.json: what `claimcheck verify` found, in a stable, schema-versioned form that
 * reports, CI gating and other tools read. It holds no wall-clock data (timings go to
 * reports/timings.json), so the same seed, profile and backend give a byte-identical file.
 */
export const SUMMARY_SCHEMA = 2;

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
  /** Mutants: why the mutant exists (assumption, power, bound, sanity). */
  readonly purpose?: MutantPurpose;
  /** Statistical and scaling verdicts: test, screen or replay (Design.ts). */
  readonly strength?: Strength;
  readonly statement: string;
  /** The bound's expression (rendered as math on the claim page). */
  readonly bound?: string;
  /** Set when the bound is executable: the quantity it is checked against and the asserted condition. */
  readonly executableBound?: ExecutableBound;
  /** Statistical and scaling claims: the pre-declared design (alpha, calibration, false-alarm share). */
  readonly design?: SummaryDesign;
  /**
   * Statistical and scaling claims: whether the check was shown able to fail: `shown` (a power
   * mutant was refuted), `none` (no power mutant: not shown), `no-power` (a power mutant passes
   * the same check), `not-run` (its power mutants were not selected).
   */
  readonly power?: { readonly status: 'shown' | 'none' | 'no-power' | 'not-run'; readonly mutants: readonly string[] };
  readonly notes?: string;
  readonly plot?: PlotHints;
  readonly tolerance: Tolerance;
  /** Claim holds, or mutant refuted. */
  readonly asExpected: boolean;
  readonly words: string;
  readonly verdict: Verdict;
  readonly replay?: string;
}

export interface SummaryDesign {
  readonly alpha: number;
  readonly calibration?: Calibration;
  readonly alternative?: { readonly value: number; readonly label: string };
  /** The claim's share of the suite's false-alarm budget and how it meets it. */
  readonly falseAlarm: {
    readonly share: number;
    readonly stageRate?: number;
    readonly rate?: number;
    readonly how?: string;
    readonly meetsShare: boolean;
  };
}

/** Mutants refuted per purpose; bound mutants count parts of a bound shown necessary. */
export type MutationScore = Readonly<Record<MutantPurpose, { readonly refuted: number; readonly total: number }>>;

export interface Summary {
  readonly schema: typeof SUMMARY_SCHEMA;
  readonly tool: 'claimcheck';
  readonly seed: number;
  readonly backend: string;
  readonly profile: string;
  /** Set when the run was one shard (`verify --shard i/n`); a merged or unsharded summary has none. */
  readonly shard?: Shard;
  readonly ok: boolean;
  /** The suite's false-alarm budget, split across this run's statistical and scaling claims. */
  readonly falseAlarmBudget: BudgetReport;
  readonly mutationScore: MutationScore;
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
  meta: { seed: number; backend: string; profile: string; shard?: Shard },
  cwd = process.cwd(),
): Summary {
  const byId = new Map(checkables.map((c) => [c.id, c]));
  // The budget is split across the statistical and scaling claims of this run (merging shards re-splits it).
  const ran = new Set(runs.map((r) => r.id));
  const budget = budgetReport(checkables.filter((c) => ran.has(c.id)));
  const shares = new Map(budget.shares.map((s) => [s.id, s]));
  const runById = new Map(runs.map((r) => [r.id, r]));
  const powerOf = (c: Checkable): SummaryResult['power'] => {
    if (c.type !== 'claim' || c.kind === 'exact') return undefined;
    const mutants = checkables.filter((m) => m.type === 'mutant' && m.of === c && m.purpose === 'power').map((m) => m.id);
    if (mutants.length === 0) return { status: 'none', mutants };
    const ran = mutants.map((id) => runById.get(id)).filter((r) => r !== undefined);
    if (ran.length === 0) return { status: 'not-run', mutants };
    return { status: ran.every((r) => fails(r.verdict)) ? 'shown' : 'no-power', mutants };
  };
  const designOf = (c: Checkable): SummaryDesign | undefined => {
    if (c.type !== 'claim' || c.kind === 'exact') return undefined;
    const d = c.design;
    const s = shares.get(c.id);
    return {
      alpha: d?.alpha ?? DEFAULT_ALPHA,
      ...(d?.calibration ? { calibration: d.calibration } : {}),
      ...(d?.alternative ? { alternative: d.alternative } : {}),
      falseAlarm: {
        share: s?.share ?? budget.budget,
        ...(s?.stageRate !== undefined ? { stageRate: s.stageRate, rate: s.falseAlarmRate, how: s.how } : {}),
        meetsShare: s?.meetsShare ?? false,
      },
    };
  };
  const results = runs.map((r): SummaryResult => {
    const c = byId.get(r.id);
    if (!c) throw new Error(`internal: no checkable for run ${r.id}`);
    const verdict = relativeFixture(r.verdict, cwd);
    const fixture = verdict.status === 'refuted' || verdict.status === 'inconsistent' ? verdict.counterexample.fixture : undefined;
    return {
      id: c.id,
      role: c.type,
      paper: paperOf(c).key,
      kind: c.kind,
      ...(c.subject === 'hypothesis' ? { subject: 'hypothesis' as const } : {}),
      ...(c.type === 'claim'
        ? { theorem: c.theorem, confidence: c.confidence }
        : { of: c.of.id, mutantStatus: c.status, change: c.change, expectedCounterexample: c.expected, purpose: c.purpose }),
      ...('strength' in verdict && verdict.strength ? { strength: verdict.strength } : {}),
      statement: c.statement,
      bound: boundExpression(c.bound),
      ...(isExecutable(c.bound) ? { executableBound: c.bound } : {}),
      design: designOf(c),
      power: powerOf(c),
      notes: c.notes,
      plot: c.plot ?? (c.type === 'mutant' ? c.of.plot : undefined),
      tolerance: c.tolerance,
      asExpected: asExpected(r),
      words: verdictWords(c.kind, r.verdict, c.subject, c.type),
      verdict,
      replay: fixture ? `npx claimcheck replay ${fixture}` : undefined,
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
    ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}),
    ok: results.every((x) => x.asExpected),
    falseAlarmBudget: budget,
    mutationScore: mutationScore(results),
    papers,
    results,
  };
}

/** JSON with non-finite numbers spelled out (JSON has none): "Infinity", "-Infinity", "NaN". */
export function summaryJson(s: Summary): string {
  return JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n';
}

/** The budget re-split across the statistical and scaling claims of merged results. */
export function budgetFromResults(results: readonly SummaryResult[], total = SUITE_FALSE_ALARM_BUDGET): BudgetReport {
  const claims = results.filter((r) => r.role === 'claim' && r.design);
  const share = claims.length ? total / claims.length : total;
  const shares = claims.map((r) => {
    const fa = r.design!.falseAlarm;
    const rate = fa.stageRate === undefined ? undefined : fa.stageRate ** 2;
    return {
      id: r.id,
      share,
      ...(rate !== undefined ? { stageRate: fa.stageRate, falseAlarmRate: rate, how: fa.how } : {}),
      meetsShare: rate !== undefined && rate <= share,
    };
  });
  return {
    budget: total,
    claims: claims.length,
    shares,
    declaredTotal: shares.reduce((s, x) => s + (x.falseAlarmRate ?? 0), 0),
    unmet: shares.filter((x) => !x.meetsShare).map((x) => x.id),
  };
}

export function mutationScore(results: readonly SummaryResult[]): MutationScore {
  const score = (p: MutantPurpose) => {
    const ms = results.filter((r) => r.role === 'mutant' && r.purpose === p);
    return { refuted: ms.filter((r) => fails(r.verdict)).length, total: ms.length };
  };
  return { assumption: score('assumption'), power: score('power'), bound: score('bound'), sanity: score('sanity') };
}
