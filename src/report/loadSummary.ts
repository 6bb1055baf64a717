import * as fs from 'node:fs';
import { UserError } from '../claims/errors.js';
import { SUMMARY_SCHEMA, type Summary } from './Summary.js';

const STATUSES = ['verified', 'consistent', 'refuted', 'inconsistent', 'inconclusive'];
const REGENERATE = 'run `claimcheck verify` to write it, or pass --summary PATH';

/**
 * Reads reports/summary.json for the report. Every problem is a UserError naming the file and
 * the first bad field, because a stack trace from deep inside a renderer tells the user nothing.
 */
export function loadSummary(file: string): Summary {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`summary file ${file} not found`, REGENERATE);
    throw new UserError(`cannot read summary file ${file}: ${(e as Error).message}`, REGENERATE);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      `summary file ${file} is not valid JSON (${(e as Error).message})`,
      `re-run \`claimcheck verify\` to regenerate it`,
    );
  }
  return parseSummary(raw, file);
}

/** Validates the parsed JSON against the parts of the schema the report reads. */
export function parseSummary(raw: unknown, file: string): Summary {
  const bad = (field: string, want: string): never => {
    throw new UserError(`summary file ${file} is malformed: ${field} ${want}`, `re-run \`claimcheck verify\` to regenerate it`);
  };
  if (!isObject(raw)) return bad('the top level', 'must be an object');
  if (raw.tool !== 'claimcheck') bad('"tool"', 'must be "claimcheck" (is this a claimcheck summary?)');
  if (raw.schema !== SUMMARY_SCHEMA) {
    throw new UserError(
      `summary file ${file} has schema ${JSON.stringify(raw.schema)}; this claimcheck reads schema ${SUMMARY_SCHEMA}`,
      're-run `claimcheck verify` with this version to regenerate it',
    );
  }
  if (typeof raw.seed !== 'number') bad('"seed"', 'must be a number');
  for (const k of ['backend', 'profile']) if (typeof raw[k] !== 'string') bad(`"${k}"`, 'must be a string');
  if (raw.file !== undefined && typeof raw.file !== 'string') bad('"file"', "must be the claim file's path");
  if (raw.shard !== undefined) {
    const sh = raw.shard;
    if (
      !isObject(sh) ||
      !Number.isInteger(sh.index) ||
      !Number.isInteger(sh.count) ||
      (sh.index as number) < 1 ||
      (sh.index as number) > (sh.count as number)
    ) {
      bad('"shard"', 'must be {"index": i, "count": n} with 1 <= i <= n');
    }
  }
  if (!Array.isArray(raw.papers)) bad('"papers"', 'must be an array');
  if (!Array.isArray(raw.results)) bad('"results"', 'must be an array');
  (raw.papers as unknown[]).forEach((p, i) => {
    if (!isObject(p) || typeof p.key !== 'string') bad(`papers[${i}].key`, 'must be a string');
  });
  (raw.results as unknown[]).forEach((r, i) => {
    const at = `results[${i}]`;
    if (!isObject(r)) return bad(at, 'must be an object');
    for (const k of ['id', 'paper', 'kind', 'statement']) if (typeof r[k] !== 'string') bad(`${at}.${k}`, 'must be a string');
    if (r.role !== 'claim' && r.role !== 'mutant') bad(`${at}.role`, 'must be "claim" or "mutant"');
    if (r.role === 'mutant' && typeof r.of !== 'string') bad(`${at}.of`, 'must name the mutated claim');
    if (!isObject(r.tolerance)) bad(`${at}.tolerance`, 'must be an object');
    const v = r.verdict;
    if (!isObject(v) || !STATUSES.includes(v.status as string)) bad(`${at}.verdict.status`, `must be one of ${STATUSES.join(', ')}`);
    reviveVerdict(v as Record<string, unknown>);
  });
  return raw as unknown as Summary;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** summaryJson spells non-finite numbers as strings (JSON has none); turn them back into numbers. */
function num(x: unknown): unknown {
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (x === 'NaN') return NaN;
  return x;
}

function reviveEvidence(e: unknown): void {
  if (!isObject(e)) return;
  if (Array.isArray(e.conditions)) {
    for (const c of e.conditions)
      if (isObject(c)) {
        c.lhs = num(c.lhs);
        c.rhs = num(c.rhs);
      }
  }
  if (isObject(e.quantities)) for (const k of Object.keys(e.quantities)) e.quantities[k] = num(e.quantities[k]);
}

function reviveVerdict(v: Record<string, unknown>): void {
  v.maxSlack = num(v.maxSlack);
  if (Array.isArray(v.slacks)) v.slacks = v.slacks.map(num);
  else v.slacks = [];
  reviveEvidence(v.evidence);
  if (isObject(v.counterexample)) {
    v.counterexample.slack = num(v.counterexample.slack);
    reviveEvidence(v.counterexample.evidence);
    if (!Array.isArray(v.counterexample.violated)) v.counterexample.violated = [];
  }
}
