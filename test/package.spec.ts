import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimPath } from '../src/report/paths.js';
import { packedProject, packTarball, run } from './support/packedProject.js';

/**
 * The package as a user gets it: `npm pack`, installed into a new project (`npm init -y`, so
 * CommonJS unless a test says "type": "module"), a claim file that imports only 'claimcheck',
 * then verify, the printed replay command copied as it is, report, and the library from plain
 * Node. Nothing here reaches into this repository's sources.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-package-'));
let tarball = '';

beforeAll(() => {
  tarball = packTarball(path.join(tmp, 'pack'));
}, 600_000);

const CLAIM = 'e2e/fact1/square-nonnegative';
const MUTANT = `${CLAIM}~shifted`;

/** TypeScript that only the loader can run: type annotations, `import type`, a satisfies. */
const CLAIMS_TS = `import { defineClaim, defineMutant, fc, le, type PaperRef } from 'claimcheck';

export const paper: PaperRef = { key: 'e2e', title: 'End to end', authors: 'Test', venue: 'test', confidence: 'high' };
const cases = fc.record({ x: fc.integer({ min: -50, max: 50 }) });

export const square = defineClaim({
  id: '${CLAIM}',
  paper,
  theorem: 'Fact 1',
  confidence: 'V',
  kind: 'exact',
  statement: 'x^2 >= 0',
  hypotheses: cases,
  check: ({ x }: { x: number }) => ({ conditions: [le('0 <= x^2', 0, x * x)] }),
  tolerance: { rel: 0, abs: 0, reason: 'integer arithmetic is exact' },
});

export const shifted = defineMutant({
  of: square,
  id: '${MUTANT}',
  change: 'x^2 - 1 instead of x^2',
  status: 'safe',
  check: ({ x }: { x: number }) => ({ conditions: [le('0 <= x^2 - 1', 0, x * x - 1)] }),
});
`;

function shell(line: string, cwd: string) {
  return run(line, [], cwd, true);
}

/**
 * verify, the replay line it prints (copied), report with its Reproduce and Replay commands.
 * `workers` adds --workers (1 runs in-process: quicker where the worker path is covered already).
 */
function verifyReplayReport(dir: string, file: string, workers = ''): void {
  fs.writeFileSync(path.join(dir, file), CLAIMS_TS);
  const v = shell(`npx claimcheck verify --file ${file} --seed 3${workers}`, dir);
  expect(v.stderr).not.toMatch(/Cannot require\(\) ES Module/);
  expect(v.status, v.stdout + v.stderr).toBe(0);
  expect(v.stdout).toMatch(/1\/1 claims hold, 1\/1 mutants refuted/);
  const replay = /^\s*replay: (npx claimcheck replay .*)$/m.exec(v.stdout)?.[1];
  expect(replay).toContain(`--file ${file}`);
  const r = shell(replay!, dir);
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/reproduced exactly/);

  const rep = shell('npx claimcheck report', dir);
  expect(rep.status, rep.stdout + rep.stderr).toBe(0);
  const page = fs.readFileSync(path.join(dir, 'reports', claimPath(CLAIM)), 'utf8');
  expect(page).toContain(`npx claimcheck verify --claim ${CLAIM} --file ${file} --profile quick --seed 3`);
  expect(page).toContain(`--file ${file} --backend`);
}

function importsFromPlainNode(dir: string): void {
  const r = run(process.execPath, ['-e', "import('claimcheck').then((m) => console.log(typeof m.defineClaim, typeof m.fc.integer))"], dir);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe('function function');
}

describe('the packed package in a new project', () => {
  it('ships dist/ with declarations and the launchers, and no sources, tests or fixtures', () => {
    const list = run('tar', ['tzf', tarball], tmp).stdout.split('\n');
    expect(list).toContain('package/dist/src/index.js');
    expect(list).toContain('package/dist/src/index.d.ts');
    expect(list).toContain('package/dist/src/core.d.ts');
    expect(list).toContain('package/bin/claimcheck.js');
    expect(list.filter((f) => /^package\/(src|test|fixtures|bench|papers|examples)\//.test(f))).toEqual([]);
    expect(list.filter((f) => f.endsWith('.spec.js') || f.endsWith('.map'))).toEqual([]);
  });

  describe('a CommonJS project (npm init -y)', () => {
    const dir = path.join(tmp, 'cjs');
    beforeAll(() => packedProject(dir, tarball), 600_000);

    it('runs a .ts and a .mts claim file and the commands they print; the library imports from plain Node', () => {
      verifyReplayReport(dir, 'claims.ts');
      verifyReplayReport(dir, 'claims.mts', ' --workers 1');
      importsFromPlainNode(dir);
      // The Reproduce command of a claim page runs as copied.
      const page = fs.readFileSync(path.join(dir, 'reports', claimPath(CLAIM)), 'utf8');
      const reproduce = /npx claimcheck verify --claim [^<]*/.exec(page)![0];
      const again = shell(`${reproduce} --workers 1 --reports again`, dir);
      expect(again.status, again.stdout + again.stderr).toBe(0);
    });

    it('init writes a claim file that tsc --noEmit accepts and verify runs; the project does not list fast-check', () => {
      // fast-check comes with claimcheck (as `fc`): the project does not list it.
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
        claimcheck: expect.any(String),
      });

      const init = shell('npx claimcheck init starter', dir);
      expect(init.status, init.stderr).toBe(0);
      const tsc = run(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'starter'], dir);
      expect(tsc.status, tsc.stdout).toBe(0);
      const starter = shell('npx claimcheck verify --file starter/claims.ts --seed 1 --workers 1 --reports starter/reports', dir);
      expect(starter.status, starter.stdout + starter.stderr).toBe(0);
    });
    it('also loads .cts (CommonJS), .js (import/export in a CommonJS package) and .mjs claim files', () => {
      const js = CLAIMS_TS.replace(/, type PaperRef/, '')
        .replace(/: PaperRef/, '')
        .replace(/: \{ x: number \}/g, '');
      const files: [string, string][] = [
        ['claims.cts', CLAIMS_TS],
        ['claims.js', js],
        ['claims.mjs', js],
      ];
      for (const [file, text] of files) {
        fs.writeFileSync(path.join(dir, file), text);
        const r = shell(`npx claimcheck verify --file ${file} --seed 3 --workers 1 --reports reports-${file}`, dir);
        expect(r.status, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toMatch(/1\/1 claims hold, 1\/1 mutants refuted/);
      }
    });

    it('a broken claim file shows its own error, not a CommonJS one', () => {
      const cases: [string, string, RegExp][] = [
        ['syntax.ts', 'export const x: number = ;\n', /syntax\.ts:1:\d+: Unexpected ";"/],
        ['notclaim.ts', 'export const answer: number = 42;\n', /export "answer" is not a claim or mutant/],
        [
          'badid.ts',
          "import { defineClaim, fc, le } from 'claimcheck';\nexport const c = defineClaim({ id: 'Bad Id', paper: { key: 'b', title: 't', authors: 'a', venue: 'v', confidence: 'high' }, theorem: 't', confidence: 'V', kind: 'exact', statement: 's', hypotheses: fc.constant(1), check: () => ({ conditions: [le('x', 0, 1)] }), tolerance: { rel: 0, abs: 0, reason: 'r' } });\n",
          /id "Bad Id" must look like <paperKey>\/<theorem>\/<slug>/,
        ],
      ];
      for (const [file, text, pattern] of cases) {
        fs.writeFileSync(path.join(dir, file), text);
        const r = shell(`npx claimcheck verify --file ${file} --workers 1`, dir);
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).not.toMatch(/require\(\)|in a cycle/);
      }
    });
  });

  it('"type": "module" project: a .ts claim file', () => {
    const dir = path.join(tmp, 'esm');
    packedProject(dir, tarball, 'module');
    verifyReplayReport(dir, 'claims.ts', ' --workers 1');
    importsFromPlainNode(dir);
  });
});
