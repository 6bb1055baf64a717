import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../claims/errors.js';
import { reportCommand } from '../cli/reportCommand.js';
import { loadSummary } from './loadSummary.js';
import { SAMPLE_SUMMARY } from './sampleSummary.js';
import { summaryJson } from './Summary.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-summary-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('loadSummary', () => {
  it('round-trips summaryJson, turning spelled-out non-finite numbers back into numbers', () => {
    const s = loadSummary(file('ok.json', summaryJson(SAMPLE_SUMMARY)));
    const lem = s.results.find((r) => r.id === 'toy2024/lem1/pipe|claim');
    expect(lem?.verdict.maxSlack).toBe(Infinity);
    expect(lem?.verdict.slacks[3]).toBe(Infinity);
    expect(s.results).toHaveLength(SAMPLE_SUMMARY.results.length);
  });

  it('names a missing file and says how to make one', () => {
    const e = userError(() => loadSummary(path.join(dir, 'nope.json')));
    expect(e.render()).toBe(
      `claimcheck: summary file ${path.join(dir, 'nope.json')} not found (run \`claimcheck verify\` to write it, or pass --summary PATH)`,
    );
  });

  it('names a file that is not JSON', () => {
    const f = file('bad.json', '{"schema": 1, ');
    expect(userError(() => loadSummary(f)).render()).toMatch(
      new RegExp(`^claimcheck: summary file ${f} is not valid JSON \\(.*\\) \\(re-run`),
    );
  });

  it('names the first bad field and rejects other schemas', () => {
    const good = JSON.parse(summaryJson(SAMPLE_SUMMARY));
    good.results[2].verdict.status = 'proved';
    const f = file('status.json', JSON.stringify(good));
    expect(userError(() => loadSummary(f)).message).toBe(
      `summary file ${f} is malformed: results[2].verdict.status must be one of verified, consistent, refuted, inconsistent, inconclusive`,
    );
    const g = file('schema.json', JSON.stringify({ ...SAMPLE_SUMMARY, schema: 99 }));
    expect(userError(() => loadSummary(g)).message).toBe(`summary file ${g} has schema 99; this claimcheck reads schema 2`);
    const h = file('array.json', '[]');
    expect(userError(() => loadSummary(h)).message).toContain('the top level must be an object');
  });

  it('reportCommand surfaces it as a UserError (main prints one line, exits 2)', async () => {
    await expect(reportCommand({ command: 'report', summary: path.join(dir, 'none.json'), out: dir })).rejects.toBeInstanceOf(UserError);
  });
});
