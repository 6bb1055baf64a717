import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './support/cli.js';
import { PROFILES } from '../src/claims/profiles.js';
import { loadClaimFile } from '../src/claims/registry.js';
import { runParallel } from '../src/cli/runParallel.js';
import { loadPapers } from '../papers/index.js';

const BUILTIN = await loadPapers();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-'));
afterEach(() => vi.restoreAllMocks());

describe('bad input: one clear line naming the problem, exit code 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown command', ['frobnicate'], /unknown command "frobnicate".*commands:/],
    ['unknown flag', ['verify', '--colour'], /verify: Unknown option '--colour'/],
    ['unknown claim id', ['verify', '--claim', 'shamir2018/thm9/nope'], /unknown claim id "shamir2018\/thm9\/nope".*claimcheck list/],
    ['unknown paper', ['verify', '--paper', 'nobody2099'], /unknown paper "nobody2099".*known papers: shamir2018/],
    ['invalid profile', ['verify', '--profile', 'fast'], /unknown profile "fast".*quick, ci, thorough/],
    ['non-integer seed', ['verify', '--seed', '1.5'], /--seed must be an integer, got "1.5"/],
    ['missing claim file', ['verify', '--file', 'no/such/file.ts'], /claim file "no\/such\/file.ts" does not exist/],
    [
      "a claim file's id without --file",
      ['verify', '--claim', 'my-notes/fact1/linear-comparator-convex'],
      /unknown claim id "my-notes\/fact1\/linear-comparator-convex" among the built-in claims.*add --file/,
    ],
    ['ci without its baselines', ['ci', '--baselines', '/nonexistent'], /--baselines \/nonexistent does not exist/],
    ['ci with a file for --junit folder', ['ci', '--baselines', 'fixtures/baselines', '--junit', 'src'], /--junit src is a folder/],
    ['report into a file', ['report', '--out', 'package.json'], /--out package.json is a file, not a folder/],
    ['init with two folders', ['init', 'a', 'b'], /init takes one folder, got 2 arguments/],
    ['replay without a fixture', ['replay'], /replay needs exactly one fixture file/],
    ['missing fixture', ['replay', 'no/such.json'], /fixture file "no\/such.json" cannot be read/],
  ];
  for (const [what, argv, pattern] of cases) {
    it(what, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('malformed and truncated fixtures', async () => {
    const truncated = path.join(tmp, 'truncated.json');
    fs.writeFileSync(truncated, '{"schema": 1, "id": "shamir2018/ex1');
    const r1 = await cli('replay', truncated);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/is not valid JSON.*truncated/);
    const wrong = path.join(tmp, 'wrong.json');
    fs.writeFileSync(wrong, JSON.stringify({ schema: 1, id: 'x', role: 'claim', outcome: 'refuted', counterexample: 1, evidence: {} }));
    const r2 = await cli('replay', wrong);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/is malformed: "evidence" must have a "conditions" array/);
  });

  it('a claim file that does not compile, or exports something that is not a claim', async () => {
    const broken = path.join(tmp, 'broken.ts');
    fs.writeFileSync(broken, 'export const x = ;\n');
    const r1 = await cli('verify', '--file', broken);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/failed to load/);
    const notClaim = path.join(tmp, 'notclaim.mjs');
    fs.writeFileSync(notClaim, 'export const answer = 42;\n');
    const r2 = await cli('verify', '--file', notClaim);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/export "answer" is not a claim or mutant/);
  });
});

describe('init', () => {
  // That the starter type-checks and runs in a new project is test/package.spec.ts's part.
  it('writes a starter claim file and a tsconfig, and never overwrites', async () => {
    const dir = path.join(tmp, 'starter');
    const r = await cli('init', dir);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'claims.ts'), 'utf8')).toMatch(/from 'claimcheck';/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/m, ''))).toMatchObject({
      include: ['claims.ts'],
    });
    const again = await cli('init', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/claims.ts already exists \(init never overwrites/);
  });
});

describe('a claim whose hypotheses cannot generate', () => {
  it('is reported in one line with exit code 2', async () => {
    const r = await cli(
      'verify',
      '--file',
      'test/data/ungenerable-claims.mjs',
      '--seed',
      '1',
      '--workers',
      '1',
      '--reports',
      path.join(tmp, 'rep3'),
    );
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /claim "bad\/skip\/always" cannot generate: all \d+ generated cases were skipped \(first reason: "x must exceed 100"\).*widen its hypotheses/,
    );
  });
});

describe('commands', () => {
  it('list shows every built-in claim and mutant', async () => {
    const r = await cli('list');
    expect(r.code).toBe(0);
    const claims = BUILTIN.filter((c) => c.type === 'claim').length;
    expect(r.out).toContain(`${claims} claims, ${BUILTIN.length - claims} mutants`);
    for (const c of BUILTIN) expect(r.out).toContain(c.id);
    const shamir = await cli('list', '--paper', 'shamir2018');
    expect(shamir.out).toMatch(/8 claims, 11 mutants/);
  });

  it("verify runs a user's claim file: the claim holds, the mutant is refuted, exit 0", async () => {
    const r = await cli(
      'verify',
      '--file',
      'examples/my-claims.ts',
      '--seed',
      '5',
      '--fixtures',
      path.join(tmp, 'fx'),
      '--reports',
      path.join(tmp, 'rep'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\/1 claims hold, 1\/1 mutants refuted/);
    expect(r.out).toMatch(/seed 5/);
    const saved = fs.readdirSync(path.join(tmp, 'fx', 'my-notes', 'fact1', 'linear-comparator-convex~saturating-loss'));
    expect(saved).toHaveLength(1);
    const replay = await cli(
      'replay',
      path.join(tmp, 'fx', 'my-notes', 'fact1', 'linear-comparator-convex~saturating-loss', saved[0]),
      '--file',
      'examples/my-claims.ts',
    );
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/reproduced exactly/);
    // The printed replay line names the claim file, so it runs as copied.
    expect(r.out).toMatch(/replay: npx claimcheck replay \S+ --file examples\/my-claims.ts --backend \w+/);
    const summary = JSON.parse(fs.readFileSync(path.join(tmp, 'rep', 'summary.json'), 'utf8'));
    expect(summary.file).toBe('examples/my-claims.ts');
  });

  it('the bin runs end to end and prints the seed and backend', () => {
    const r = spawnSync(
      process.execPath,
      [
        'bin/claimcheck.js',
        'verify',
        '--claim',
        'shamir2018/ex1/norm-dependence-necessary',
        '--seed',
        '9',
        '--reports',
        path.join(tmp, 'rep2'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1\/1 claims hold, 1\/1 mutants refuted .* seed 9 \| backend (wasm|cpu|tensorflow)/);
  });
});

describe('parallel workers', () => {
  it('a case that never returns ends Inconclusive (interrupted) with its seed; the other claims still run', async () => {
    // The hung case signals (a file) before it spins; the watchdog stops it on that signal, not
    // after some seconds, so the outcome does not depend on the machine's speed. One lane: the
    // claim after it runs on the fresh worker that replaces the stopped one.
    const file = path.resolve('test/data/hanging-claims.mjs');
    const signal = path.join(tmp, 'spinning');
    process.env.HANG_SIGNAL = signal;
    const checkables = await loadClaimFile(file);
    const watchdog = (id: string, _limitMs: number, stop: () => void) => {
      if (id !== 'hang/loop/never-returns') return () => undefined;
      const poll = setInterval(() => fs.existsSync(signal) && (clearInterval(poll), stop()), 20);
      return () => clearInterval(poll);
    };
    const result = await runParallel({
      source: { kind: 'file', file },
      checkables,
      workers: 1,
      profile: PROFILES.quick,
      seed: 1,
      backend: 'auto',
      fixtures: path.join(tmp, 'fxh'),
      usePinned: false,
      watchdog,
    });
    delete process.env.HANG_SIGNAL;
    const [hung, fine] = result.runs;
    expect(hung.id).toBe('hang/loop/never-returns');
    expect(hung.verdict).toMatchObject({ status: 'inconclusive', reason: 'interrupted' });
    expect(hung.verdict.status === 'inconclusive' && hung.verdict.detail).toMatch(/a case did not return.*claim seed -?\d+, run seed 1/);
    expect(fine.id).toBe('hang/fine/holds');
    expect(fine.verdict).toMatchObject({ status: 'verified', cases: 150 });
  });

  it('two workers and one give the same summary.json', () => {
    const run = (workers: string, dir: string) =>
      spawnSync(
        process.execPath,
        [
          'bin/claimcheck.js',
          'verify',
          '--file',
          'examples/my-claims.ts',
          '--seed',
          '3',
          '--workers',
          workers,
          '--no-pinned',
          '--fixtures',
          path.join(tmp, `fx-${dir}`),
          '--reports',
          path.join(tmp, dir),
        ],
        { encoding: 'utf8' },
      );
    expect(run('2', 'par').status).toBe(0);
    expect(run('1', 'seq').status).toBe(0);
    const strip = (s: string) => s.replace(/"fixture": "[^"]*"|"replay": "[^"]*"/g, '');
    expect(strip(fs.readFileSync(path.join(tmp, 'par', 'summary.json'), 'utf8'))).toBe(
      strip(fs.readFileSync(path.join(tmp, 'seq', 'summary.json'), 'utf8')),
    );
  });
});
