import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_BASELINE_TOLERANCES, type BaselineTolerances, type ClaimBaselineTolerance } from '../claims/baselineTolerance.js';
import { UserError } from '../claims/errors.js';
import type { ToleranceSpec } from '../claims/Tolerance.js';
import type { BaselineEntry } from './baselineEntry.js';

/**
 * fixtures/baselines/<backend>/<paper>.json: the numbers `claimcheck ci` compares against, one
 * file per paper per backend (float32 TF.js results differ across backends; float64 ones do not,
 * but are keyed the same way for simplicity). Written by `claimcheck baseline --update` only,
 * with a stable key order (results by id, quantities by name) so a change reads as a small diff.
 */
export const BASELINE_SCHEMA = 1;

export interface BaselineFile {
  readonly schema: typeof BASELINE_SCHEMA;
  readonly tool: 'claimcheck';
  readonly paper: string;
  readonly backend: string;
  readonly profile: string;
  readonly seed: number;
  /** Hand-edited, each with a reason; `baseline --update` keeps this section as it is. */
  readonly tolerances: BaselineTolerances;
  readonly results: Readonly<Record<string, BaselineEntry>>;
}

export function baselinePath(root: string, backend: string, paper: string): string {
  return path.join(root, backend, `${paper}.json`);
}

const UPDATE = 'regenerate it with `claimcheck baseline --update` (or restore it from git)';

/** The file, or undefined when it does not exist yet. Every defect is a UserError naming the file. */
export function readBaseline(file: string): BaselineFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read baseline file ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`baseline file ${file} is not valid JSON (${(e as Error).message})`, UPDATE);
  }
  return parseBaseline(raw, file);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  return undefined;
}

export function parseBaseline(raw: unknown, file: string): BaselineFile {
  const bad = (field: string, want: string): never => {
    throw new UserError(`baseline file ${file} is malformed: ${field} ${want}`, UPDATE);
  };
  if (!isObject(raw)) return bad('the top level', 'must be an object');
  if (raw.tool !== 'claimcheck') bad('"tool"', 'must be "claimcheck"');
  if (raw.schema !== BASELINE_SCHEMA) bad('"schema"', `must be ${BASELINE_SCHEMA}`);
  for (const k of ['paper', 'backend', 'profile']) if (typeof raw[k] !== 'string') bad(`"${k}"`, 'must be a string');
  if (typeof raw.seed !== 'number') bad('"seed"', 'must be a number');
  const tolerances = parseTolerances(raw.tolerances, bad);
  if (!isObject(raw.results)) return bad('"results"', 'must be an object keyed by claim id');
  const results: Record<string, BaselineEntry> = {};
  for (const [id, e] of Object.entries(raw.results)) {
    const at = `results["${id}"]`;
    if (!isObject(e)) return bad(at, 'must be an object');
    if (e.role !== 'claim' && e.role !== 'mutant') bad(`${at}.role`, 'must be "claim" or "mutant"');
    if (typeof e.status !== 'string') bad(`${at}.status`, 'must be a string');
    if (!isObject(e.quantities)) return bad(`${at}.quantities`, 'must be an object of numbers');
    const quantities: Record<string, number> = {};
    for (const [q, v] of Object.entries(e.quantities)) {
      const n = num(v);
      if (n === undefined) return bad(`${at}.quantities["${q}"]`, 'must be a number (or "NaN", "Infinity", "-Infinity")');
      quantities[q] = n;
    }
    results[id] = {
      role: e.role as BaselineEntry['role'],
      status: e.status as BaselineEntry['status'],
      ...(typeof e.reason === 'string' ? { reason: e.reason as BaselineEntry['reason'] } : {}),
      quantities,
    };
  }
  return {
    schema: BASELINE_SCHEMA,
    tool: 'claimcheck',
    paper: raw.paper as string,
    backend: raw.backend as string,
    profile: raw.profile as string,
    seed: raw.seed as number,
    tolerances,
    results,
  };
}

function parseSpec(x: unknown, at: string, bad: (f: string, w: string) => never): ToleranceSpec {
  if (!isObject(x)) return bad(at, 'must be an object {rel, abs, reason}');
  for (const k of ['rel', 'abs']) {
    if (typeof x[k] !== 'number' || !((x[k] as number) >= 0)) bad(`${at}.${k}`, 'must be a non-negative number');
  }
  // A tolerance without a reason is an inline fudge factor; the reason is required data.
  if (typeof x.reason !== 'string' || x.reason.trim() === '') bad(`${at}.reason`, 'must state why this tolerance is right');
  return { rel: x.rel as number, abs: x.abs as number, reason: x.reason as string };
}

function parseTolerances(x: unknown, bad: (f: string, w: string) => never): BaselineTolerances {
  if (x === undefined) return DEFAULT_BASELINE_TOLERANCES;
  if (!isObject(x)) return bad('"tolerances"', 'must be an object');
  const def = parseSpec(x.default, 'tolerances.default', bad);
  if (x.claims === undefined) return { default: def };
  if (!isObject(x.claims)) return bad('tolerances.claims', 'must be an object keyed by claim id');
  const claims: Record<string, ClaimBaselineTolerance> = {};
  for (const [id, c] of Object.entries(x.claims)) {
    const at = `tolerances.claims["${id}"]`;
    if (!isObject(c)) return bad(at, 'must be an object {default?, quantities?}');
    let quantities: Record<string, ToleranceSpec> | undefined;
    if (c.quantities !== undefined) {
      if (!isObject(c.quantities)) return bad(`${at}.quantities`, 'must be an object keyed by quantity');
      quantities = Object.fromEntries(Object.entries(c.quantities).map(([q, s]) => [q, parseSpec(s, `${at}.quantities["${q}"]`, bad)]));
    }
    claims[id] = {
      ...(c.default !== undefined ? { default: parseSpec(c.default, `${at}.default`, bad) } : {}),
      ...(quantities ? { quantities } : {}),
    };
  }
  return { default: def, claims };
}

const byKey = <T>(o: Readonly<Record<string, T>>): [string, T][] => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function specJson(s: ToleranceSpec): ToleranceSpec {
  return { rel: s.rel, abs: s.abs, reason: s.reason };
}

/** Commit-ready JSON: fixed field order, results and quantities sorted, non-finite numbers spelled out. */
export function baselineJson(b: BaselineFile): string {
  const claims = b.tolerances.claims;
  const ordered = {
    schema: b.schema,
    tool: b.tool,
    paper: b.paper,
    backend: b.backend,
    profile: b.profile,
    seed: b.seed,
    tolerances: {
      default: specJson(b.tolerances.default),
      ...(claims && Object.keys(claims).length
        ? {
            claims: Object.fromEntries(
              byKey(claims).map(([id, c]) => [
                id,
                {
                  ...(c.default ? { default: specJson(c.default) } : {}),
                  ...(c.quantities ? { quantities: Object.fromEntries(byKey(c.quantities).map(([q, s]) => [q, specJson(s)])) } : {}),
                },
              ]),
            ),
          }
        : {}),
    },
    results: Object.fromEntries(
      byKey(b.results).map(([id, e]) => [
        id,
        {
          role: e.role,
          status: e.status,
          ...(e.reason ? { reason: e.reason } : {}),
          quantities: Object.fromEntries(byKey(e.quantities)),
        },
      ]),
    ),
  };
  return JSON.stringify(ordered, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n';
}
