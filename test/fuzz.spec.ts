import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/claims/errors.js';
import { parseFixture } from '../src/claims/Fixture.js';
import { readFixtureFile } from '../src/claims/store.js';
import { parseCli } from '../src/cli/args.js';

/** Hostile input must end in a result or a UserError (one clean line), never another exception. */
function onlyUserErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.render()).not.toContain('\n');
  }
}

const token = fc.oneof(
  fc.constantFrom(
    'verify',
    'list',
    'replay',
    'report',
    'help',
    '--paper',
    '--claim',
    '--profile',
    '--seed',
    '--backend',
    '--json',
    '--file',
    '--no-pinned',
    '--budget',
    '--fixtures',
    '--reports',
    '--summary',
    '--out',
    '-h',
    '--',
    '=',
    '-',
  ),
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
);

describe('fuzzing with fast-check', () => {
  it('the CLI parser accepts or rejects any argv with a UserError', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => onlyUserErrors(() => parseCli(argv))),
      { numRuns: 3000 },
    );
  });

  it('parsed seeds are exactly the integers given', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const a = parseCli(['verify', '--seed', String(n)]);
        expect(a.command === 'verify' && a.seed).toBe(n);
      }),
    );
  });

  it('the fixture parser accepts or rejects any JSON value with a UserError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => onlyUserErrors(() => parseFixture(v, 'fuzz.json'))),
      { numRuns: 2000 },
    );
  });

  it('the fixture loader rejects any byte string that is not a fixture with a UserError', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fuzz-'));
    const file = path.join(dir, 'f.json');
    const valid = JSON.stringify({
      schema: 1,
      id: 'a/b/c',
      role: 'claim',
      outcome: 'refuted',
      counterexample: { x: 1 },
      evidence: { conditions: [{ name: 'c', lhs: 1, op: '<=', rhs: 0 }] },
      violated: ['c'],
      slack: 1,
      seed: 1,
      shrinks: 0,
      source: 'random',
      backend: 'cpu',
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.nat({ max: valid.length }).map((n) => Buffer.from(valid.slice(0, n))),
        ),
        (bytes) => {
          fs.writeFileSync(file, bytes);
          onlyUserErrors(() => readFixtureFile(file));
        },
      ),
      { numRuns: 1000 },
    );
    fs.writeFileSync(file, valid);
    expect(readFixtureFile(file).id).toBe('a/b/c');
  });
});
