import type { Evidence } from './Evidence.js';
import type { Counterexample } from './Verdict.js';
import { UserError } from './errors.js';

export const FIXTURE_SCHEMA = 1;

/**
 * A saved, shrunk counterexample: the counterexample's own record (evidence, violated conditions,
 * slack, fast-check seed and path, shrinks), plus what identifies and replays it.
 */
export interface Fixture extends Omit<Counterexample, 'value' | 'fixture'> {
  readonly schema: typeof FIXTURE_SCHEMA;
  readonly id: string;
  readonly role: 'claim' | 'mutant';
  readonly outcome: 'refuted' | 'inconsistent';
  readonly counterexample: unknown;
  readonly backend: string;
}

function fail(file: string, what: string): never {
  throw new UserError(
    `fixture file "${file}" is malformed: ${what}`,
    'restore it from git, or delete it and re-run `claimcheck verify` to save a fresh counterexample',
  );
}

function isEvidence(e: unknown): e is Evidence {
  if (typeof e !== 'object' || e === null) return false;
  const c = (e as Evidence).conditions;
  return Array.isArray(c) && c.every((x) => typeof x?.name === 'string' && ['<=', '>=', '=='].includes(x.op) && 'lhs' in x && 'rhs' in x);
}

/** Validates untrusted JSON into a Fixture, naming the first bad field. */
export function parseFixture(json: unknown, file: string): Fixture {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail(file, 'expected a JSON object');
  const f = json as Record<string, unknown>;
  if (f.schema !== FIXTURE_SCHEMA) fail(file, `schema must be ${FIXTURE_SCHEMA}, got ${JSON.stringify(f.schema)}`);
  if (typeof f.id !== 'string' || f.id.length === 0) fail(file, '"id" must be a claim or mutant id');
  if (f.role !== 'claim' && f.role !== 'mutant') fail(file, '"role" must be "claim" or "mutant"');
  if (f.outcome !== 'refuted' && f.outcome !== 'inconsistent') fail(file, '"outcome" must be "refuted" or "inconsistent"');
  if (!('counterexample' in f)) fail(file, '"counterexample" is missing');
  if (!isEvidence(f.evidence)) fail(file, '"evidence" must have a "conditions" array of {name, lhs, op, rhs}');
  if (!Array.isArray(f.violated)) fail(file, '"violated" must be an array of condition names');
  for (const k of ['slack', 'seed', 'shrinks'] as const) {
    if (typeof f[k] !== 'number') fail(file, `"${k}" must be a number`);
  }
  if (typeof f.backend !== 'string') fail(file, '"backend" must be a string');
  return f as unknown as Fixture;
}
