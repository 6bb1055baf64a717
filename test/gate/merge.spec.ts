import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-merge-'));
// One fixture store and --no-pinned: every run searches afresh and saves to the same paths, so
// the summaries are comparable byte for byte.
const run = (...extra: string[]) =>
  cli(
    'verify',
    '--file',
    'examples/my-claims.ts',
    '--seed',
    '7',
    '--workers',
    '1',
    '--no-pinned',
    '--fixtures',
    path.join(tmp, 'fx'),
    ...extra,
  );
const read = (...p: string[]) => fs.readFileSync(path.join(tmp, ...p), 'utf8');

describe('verify --shard and report --merge', () => {
  it('the merged shard summaries equal the unsharded summary byte for byte, and render', async () => {
    expect((await run('--reports', path.join(tmp, 'full'))).code).toBe(0);
    const cwd = process.cwd();
    // Without --reports a shard writes reports/shards/<i>-of-<n>/ under the working directory.
    process.chdir(tmp);
    try {
      for (const i of [1, 2]) {
        const r = await cli(
          'verify',
          '--file',
          path.join(cwd, 'examples/my-claims.ts'),
          '--seed',
          '7',
          '--workers',
          '1',
          '--no-pinned',
          '--fixtures',
          path.join(tmp, 'fx'),
          '--shard',
          `${i}/2`,
        );
        expect(r.code).toBe(0);
        expect(r.out).toContain(`--shard ${i}/2`);
      }
    } finally {
      process.chdir(cwd);
    }
    const s1 = JSON.parse(read('reports', 'shards', '1-of-2', 'summary.json'));
    const s2 = JSON.parse(read('reports', 'shards', '2-of-2', 'summary.json'));
    expect(s1.shard).toEqual({ index: 1, count: 2 });
    expect([...s1.results, ...s2.results].map((r: { id: string }) => r.id)).toEqual(
      JSON.parse(read('full', 'summary.json')).results.map((r: { id: string }) => r.id),
    );
    // Shards given in any order, as a parent folder.
    const m = await cli('report', '--merge', path.join(tmp, 'reports', 'shards'), '--out', path.join(tmp, 'merged'));
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/merged 2 summaries \(2 results\)/);
    // Fixture and claim-file paths are relative to the working directory, which differed;
    // everything else is equal.
    const strip = (s: string) => s.replace(/"fixture": "[^"]*"|"replay": "[^"]*"|"file": "[^"]*"/g, '');
    expect(strip(read('merged', 'summary.json'))).toBe(strip(read('full', 'summary.json')));
    expect(fs.existsSync(path.join(tmp, 'merged', 'index.html'))).toBe(true);
    expect(Object.keys(JSON.parse(read('merged', 'timings.json')).runs)).toHaveLength(2);
  });

  it('refuses shards of different runs, naming the mismatch; and a missing shard', async () => {
    const dir = path.join(tmp, 'reports', 'shards');
    const other = JSON.parse(read('reports', 'shards', '2-of-2', 'summary.json'));
    fs.mkdirSync(path.join(tmp, 'odd'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'odd', 'summary.json'), JSON.stringify({ ...other, seed: 8 }));
    const r = await cli('report', '--merge', path.join(dir, '1-of-2'), path.join(tmp, 'odd'), '--out', path.join(tmp, 'm2'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /cannot merge: seed differs: .*1-of-2\/summary\.json has 7, .*odd\/summary\.json has 8 \(merge only the shards of one run/,
    );
    const missing = await cli('report', '--merge', path.join(dir, '1-of-2'), '--out', path.join(tmp, 'm3'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot merge: shard 2\/2 missing/);
    const twice = await cli(
      'report',
      '--merge',
      path.join(dir, '1-of-2'),
      path.join(dir, '1-of-2', 'summary.json'),
      path.join(dir, '2-of-2'),
      '--out',
      path.join(tmp, 'm4'),
    );
    expect(twice.code).toBe(0);
  });
});
