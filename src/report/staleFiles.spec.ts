import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimPath } from './paths.js';
import { SAMPLE_SUMMARY } from './sampleSummary.js';
import { writeReport } from './writeReport.js';

describe('a report written over an earlier one', () => {
  it("removes the earlier report's pages that this one does not write, and nothing else", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-stale-'));
    await writeReport(SAMPLE_SUMMARY, out);
    const gone = SAMPLE_SUMMARY.results.find((r) => r.role === 'claim')!;
    const kept = SAMPLE_SUMMARY.results.filter((r) => r.id !== gone.id && r.of !== gone.id);
    // Files the report does not own: the run's summary, a coverage report, the user's own page.
    const others = ['summary.json', 'coverage/index.json', 'claims/my-notes.html', 'papers/notes.txt'];
    for (const f of others) {
      fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      fs.writeFileSync(path.join(out, f), 'not the report’s');
    }
    const again = await writeReport({ ...SAMPLE_SUMMARY, results: kept }, out);
    expect(again.removed).toEqual([claimPath(gone.id)]);
    expect(fs.existsSync(path.join(out, claimPath(gone.id)))).toBe(false);
    for (const f of [...others, ...again.pages]) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    expect((await writeReport({ ...SAMPLE_SUMMARY, results: kept }, out)).removed).toEqual([]);
  });
});
