import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from './markdown.js';
import { SAMPLE_SUMMARY } from './sampleSummary.js';

describe('summaryMarkdown', () => {
  const md = summaryMarkdown(SAMPLE_SUMMARY);
  const rows = md.split('\n').filter((l) => l.startsWith('| `'));

  it('heads with the counts, seed, backend and profile', () => {
    expect(md.split('\n')[0]).toBe('### claimcheck: ❌ 2/4 claims hold, 2/3 mutants killed');
    expect(md).toContain('seed `7` · backend `cpu` · profile `quick`');
    expect(md).toContain('Reproduce: `npx claimcheck verify --profile quick --seed 7 --backend cpu`');
  });

  it('has one row per claim with honest verdicts and mutants killed', () => {
    expect(rows.slice(0, 4)).toEqual([
      '| `shamir2018/thm1/gradient-lower-bound` | Theorem 1 | exact | ✅ Verified (6 cases) | 1/1 |',
      '| `shamir2018/thm4/sqrt-t-rate` | Theorem 4 (rate) | scaling | ✅ consistent at this scale (1 case) | 1/1 |',
      '| `toy2024/thm2/sgd-stat` | Theorem 2 | statistical | ⚠️ Inconclusive (1 case) | ❌ 0/1 |',
      '| `toy2024/lem1/pipe\\|claim` | Lemma 1 | exact | ❌ Refuted (4 cases) | – |',
    ]);
  });

  it('names the mutants that were not killed', () => {
    expect(md).toContain('**Mutants not killed:**');
    expect(rows[4]).toBe('| `toy2024/thm2/sgd-stat~survivor` | hypothesis | ❌ survived: screen passed |');
    expect(md).not.toMatch(/\bproved\b/i);
  });
});
