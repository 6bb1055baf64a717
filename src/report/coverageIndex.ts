import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * reports/coverage/index.json, written by `claimcheck coverage`: for each claim, how much of the
 * numeric core (src/core, without tests) its run executed, as c8 computes it (istanbul
 * percentages over the core files the run loaded), which core files it exercised (called at
 * least one function of), and the c8 HTML report; one aggregate per paper (the union of its
 * claims' runs, merged by c8 from the raw V8 coverage).
 */
export const COVERAGE_SCHEMA = 1;

export interface CoverageNumbers {
  readonly lines: number;
  readonly functions: number;
  readonly branches: number;
  /** src/core files (relative to the package root) with at least one function called. */
  readonly exercised: readonly string[];
  /** The c8 HTML report, relative to the coverage folder. */
  readonly report: string;
}

export interface ClaimCoverage extends CoverageNumbers {
  readonly paper: string;
  readonly profile: string;
  readonly seed: number;
  /** verify's exit code for the run (0: the claim held / the mutant was refuted). */
  readonly exitCode: number;
}

export interface PaperCoverage extends CoverageNumbers {
  readonly claims: readonly string[];
}

export interface CoverageIndex {
  readonly schema: typeof COVERAGE_SCHEMA;
  readonly tool: 'claimcheck';
  readonly scope: string;
  readonly claims: Readonly<Record<string, ClaimCoverage>>;
  readonly papers: Readonly<Record<string, PaperCoverage>>;
}

export const COVERAGE_SCOPE = 'src/core/**/*.ts without *.spec.ts; c8 (istanbul) percentages over the core files the run loaded';

/** Folder of one claim's coverage, relative to the coverage folder (the id's segments, like fixtures). */
export function claimCoverageDir(id: string): string {
  return id.split('/').join('/');
}

export function paperCoverageDir(key: string): string {
  return `papers/${key}`;
}

/** The index, or undefined when there is none or it cannot be read (the report then omits coverage). */
export function readCoverageIndex(file: string): CoverageIndex | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as CoverageIndex;
    if (j.schema !== COVERAGE_SCHEMA || typeof j.claims !== 'object' || j.claims === null) return undefined;
    return j;
  } catch {
    return undefined;
  }
}

interface IstanbulFile {
  readonly fnMap: Record<string, unknown>;
  readonly f: Record<string, number>;
}

/** Core files with a called function, from c8's coverage-final.json (istanbul JSON). */
export function exercisedFiles(coverageFinal: string, root: string): string[] {
  const j = JSON.parse(fs.readFileSync(coverageFinal, 'utf8')) as Record<string, IstanbulFile>;
  return Object.entries(j)
    .filter(([, c]) => Object.values(c.f).some((n) => n > 0))
    .map(([file]) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
}

/** c8's json-summary totals as percentages. */
export function summaryTotals(coverageSummary: string): { lines: number; functions: number; branches: number } {
  const j = JSON.parse(fs.readFileSync(coverageSummary, 'utf8')) as { total: Record<'lines' | 'functions' | 'branches', { pct: number }> };
  return { lines: j.total.lines.pct, functions: j.total.functions.pct, branches: j.total.branches.pct };
}

interface V8Process {
  result: { url: string }[];
  'source-map-cache'?: Record<string, unknown>;
}

/**
 * The raw V8 coverage of one run (one file per process or thread) cut down to the core's scripts
 * and their source maps, so it can be kept beside the claim's report and merged with other
 * claims' later by `c8 report` (a paper aggregate) without keeping megabytes of node_modules
 * coverage. Files without a kept script are dropped.
 */
export function filterRawCoverage(rawDir: string, keep: (url: string) => boolean): V8Process[] {
  const out: V8Process[] = [];
  for (const f of fs
    .readdirSync(rawDir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const j = JSON.parse(fs.readFileSync(path.join(rawDir, f), 'utf8')) as V8Process;
    const result = j.result.filter((r) => keep(r.url));
    if (result.length === 0) continue;
    const maps = Object.fromEntries(Object.entries(j['source-map-cache'] ?? {}).filter(([url]) => keep(url)));
    out.push({ result, 'source-map-cache': maps });
  }
  return out;
}
