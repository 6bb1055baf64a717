import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { parseXml } from './xml.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ci-'));
const common = [
  '--file',
  'examples/my-claims.ts',
  '--baselines',
  path.join(tmp, 'baselines'),
  '--workers',
  '1',
  '--fixtures',
  path.join(tmp, 'fx'),
];
const MUTANT = 'my-notes/fact1/linear-comparator-convex~saturating-loss';
const CONDITION = 'F_lin((a+b)/2) <= (F_lin(a) + F_lin(b)) / 2';

function junitCounts(file: string): { cases: number; failures: number; messages: string[] } {
  const { elements } = parseXml(fs.readFileSync(file, 'utf8'));
  const failures = elements.filter((e) => e.name === 'failure');
  return {
    cases: elements.filter((e) => e.name === 'testcase').length,
    failures: failures.length,
    messages: failures.map((f) => f.attrs.message),
  };
}

describe('claimcheck baseline and ci on a user claim file', () => {
  const file = () => path.join(tmp, 'baselines', fs.readdirSync(path.join(tmp, 'baselines'))[0], 'my-notes.json');

  it('baseline without --update reports a missing file and exits 1; --update writes it', async () => {
    const dry = await cli('baseline', ...common, '--reports', path.join(tmp, 'r0'));
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/my-notes\.json \(new file\)/);
    expect(fs.existsSync(path.join(tmp, 'baselines'))).toBe(false);
    const r = await cli('baseline', '--update', ...common, '--reports', path.join(tmp, 'r1'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\+ my-notes\/fact1\/linear-comparator-convex: new result, verified, 5 quantities/);
    expect(r.out).toMatch(/7 added, 0 removed, 0 changed quantities/);
    const b = JSON.parse(fs.readFileSync(file(), 'utf8'));
    expect(b).toMatchObject({ paper: 'my-notes', profile: 'ci', seed: 20181804 });
    expect(Object.keys(b.results[MUTANT].quantities)).toEqual([`lhs: ${CONDITION}`, `rhs: ${CONDITION}`]);
  });

  it('ci passes against the fresh baseline and writes JUnit with one testcase per claim and mutant', async () => {
    const junit = path.join(tmp, 'junit-ok.xml');
    const r = await cli('ci', ...common, '--reports', path.join(tmp, 'r2'), '--junit', junit);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no verdict changed and no quantity drifted/);
    expect(junitCounts(junit)).toMatchObject({ cases: 2, failures: 0 });
    const again = await cli('baseline', ...common, '--reports', path.join(tmp, 'r3'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 added, 0 removed, 0 changed quantities/);
  });

  it('ci exits 1 naming the claim, the quantity, the baseline and the new value when a baseline value is changed', async () => {
    const b = JSON.parse(fs.readFileSync(file(), 'utf8'));
    const key = `lhs: ${CONDITION}`;
    const real = b.results[MUTANT].quantities[key] as number;
    b.results[MUTANT].quantities[key] = real + 1e-3;
    fs.writeFileSync(file(), JSON.stringify(b, null, 2));
    const r = await cli('ci', ...common, '--reports', path.join(tmp, 'r4'));
    expect(r.code).toBe(1);
    const expected = `${MUTANT}: quantity "${key}" drifted: baseline ${Number((real + 1e-3).toPrecision(6))}, now ${Number(real.toPrecision(6))} (tolerance rel 1e-9 + abs 1e-12: `;
    expect(r.out).toContain(expected);
    const j = junitCounts(path.join(tmp, 'r4', 'junit.xml'));
    expect(j).toMatchObject({ cases: 2, failures: 1 });
    expect(j.messages[0]).toContain(expected);
    // baseline shows the same change as old -> new; --update records it and ci is green again.
    const diff = await cli('baseline', ...common, '--reports', path.join(tmp, 'r5'));
    expect(diff.code).toBe(1);
    expect(diff.out).toMatch(
      /~ my-notes\/fact1\/linear-comparator-convex~saturating-loss: "lhs: .*" 0\.895601 -> 0\.894601 \(beyond tolerance\)/,
    );
    expect((await cli('baseline', '--update', ...common, '--reports', path.join(tmp, 'r6'))).code).toBe(0);
    expect((await cli('ci', ...common, '--reports', path.join(tmp, 'r7'))).code).toBe(0);
  });

  it('ci exits 1 on a changed verdict, and 2 on bad input naming the argument', async () => {
    const b = JSON.parse(fs.readFileSync(file(), 'utf8'));
    b.results['my-notes/fact1/linear-comparator-convex'].status = 'refuted';
    fs.writeFileSync(file(), JSON.stringify(b, null, 2));
    const r = await cli('ci', ...common, '--reports', path.join(tmp, 'r8'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('my-notes/fact1/linear-comparator-convex: verdict changed: baseline refuted, now verified');
    const bad = await cli('ci', '--workers', 'many');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--workers must be a whole number/);
    fs.writeFileSync(file(), '{"schema": 1, "tool": "claimcheck"');
    const broken = await cli('ci', ...common, '--reports', path.join(tmp, 'r9'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/baseline file .*my-notes\.json is not valid JSON/);
  });
});
