import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimPath } from '../../src/report/paths.js';
import type { CoverageIndex } from '../../src/report/coverageIndex.js';
import { cli } from '../support/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cov-'));
const CLAIM = 'my-notes/fact1/linear-comparator-convex';

describe('claimcheck coverage', () => {
  it('measures a claim under c8 against the .ts sources of src/core, and the report links it', async () => {
    const rep = path.join(tmp, 'rep');
    const v = await cli(
      'verify',
      '--file',
      'examples/my-claims.ts',
      '--seed',
      '1',
      '--workers',
      '1',
      '--fixtures',
      path.join(tmp, 'fx'),
      '--reports',
      rep,
    );
    expect(v.code).toBe(0);
    const c = await cli('coverage', '--file', 'examples/my-claims.ts', '--out', path.join(rep, 'coverage'));
    expect(c.code).toBe(0);
    const index = JSON.parse(fs.readFileSync(path.join(rep, 'coverage', 'index.json'), 'utf8')) as CoverageIndex;
    // The claim alone (its mutant is not a theorem of its own): one entry, one paper aggregate.
    expect(Object.keys(index.claims)).toEqual([CLAIM]);
    const e = index.claims[CLAIM];
    for (const k of ['lines', 'functions', 'branches'] as const) expect(e[k]).toBeGreaterThan(0);
    // Attributed to the TypeScript sources (through ts-node's inline source maps), not to .js.
    expect(e.exercised).toContain('src/core/losses.ts');
    // The numeric core and the papers' experiments are measured; specs, the runner and the CLI are not.
    expect(e.exercised.every((f) => /^(src\/core|papers)\//.test(f) && f.endsWith('.ts') && !f.endsWith('.spec.ts'))).toBe(true);
    expect(fs.existsSync(path.join(rep, 'coverage', e.report))).toBe(true);
    expect(index.papers['my-notes']).toMatchObject({ claims: [CLAIM], lines: e.lines, functions: e.functions, branches: e.branches });

    const r = await cli('report', '--summary', path.join(rep, 'summary.json'), '--out', rep);
    expect(r.code).toBe(0);
    const page = fs.readFileSync(path.join(rep, claimPath(CLAIM)), 'utf8');
    expect(page).toContain('<dt>code coverage</dt>');
    expect(page).toContain(`href="../coverage/${e.report}"`);
  });
});
