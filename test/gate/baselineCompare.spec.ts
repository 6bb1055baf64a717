import { describe, expect, it } from 'vitest';
import {
  baselineToleranceFor,
  declaredBaselineTolerances,
  COUNT_BASELINE,
  FLOAT32_TRAINED_BASELINE,
  FLOAT64_BASELINE,
  withinTolerance,
  type BaselineTolerances,
} from '../../src/claims/baselineTolerance.js';
import { isUserError } from '../../src/claims/errors.js';
import { compareEntry, countChanges, diffEntries, formatPair } from '../../src/report/baselineCompare.js';
import { baselineEntry, type BaselineEntry } from '../../src/report/baselineEntry.js';
import { baselineJson, parseBaseline, type BaselineFile } from '../../src/report/baselineFile.js';
import { SAMPLE_SUMMARY } from '../../src/report/sampleSummary.js';
import { loadPapers } from '../../papers/index.js';

const ID = 'shamir2018/thm4/sgd-competitive-with-linear';
const entry = (quantities: Record<string, number>, status: BaselineEntry['status'] = 'consistent'): BaselineEntry => ({
  role: 'claim',
  status,
  quantities,
});
const TOL: BaselineTolerances = {
  default: FLOAT64_BASELINE,
  claims: { [ID]: { quantities: { medianAvgF: { rel: 1e-6, abs: 1e-9, reason: 'float64 experiment, deterministic for the seed' } } } },
};

describe('baseline comparison', () => {
  it('names the claim, the quantity, its baseline, the new value and the tolerance with its reason', () => {
    const f = compareEntry(ID, entry({ medianAvgF: 0.554719, failures: 0 }), entry({ medianAvgF: 0.601234, failures: 0 }), {
      tolerances: TOL,
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'drift', quantity: 'medianAvgF', baseline: 0.554719, now: 0.601234 });
    expect(f[0].message).toBe(
      `${ID}: quantity medianAvgF drifted: baseline 0.554719, now 0.601234 (tolerance rel 1e-6 + abs 1e-9: float64 experiment, deterministic for the seed)`,
    );
  });

  it('respects the tolerance: inside passes, just outside fails', () => {
    const b = 0.554719;
    const allowed = 1e-6 * b + 1e-9;
    expect(compareEntry(ID, entry({ medianAvgF: b }), entry({ medianAvgF: b + 0.9 * allowed }), { tolerances: TOL })).toEqual([]);
    const out = compareEntry(ID, entry({ medianAvgF: b }), entry({ medianAvgF: b + 1.1 * allowed }), { tolerances: TOL });
    expect(out).toHaveLength(1);
    // Digits enough to tell the two numbers apart.
    expect(out[0].message).toMatch(/baseline 0\.554719, now 0\.55472 /);
    // Other quantities of the same claim fall back to the file default (rel 1e-9).
    expect(compareEntry(ID, entry({ maxAvgF: 1 }), entry({ maxAvgF: 1 + 1e-8 }), { tolerances: TOL })[0].message).toMatch(
      /quantity maxAvgF drifted.*rel 1e-9 \+ abs 1e-12/,
    );
  });

  it('detects a changed verdict instead of comparing numbers of different cases', () => {
    const f = compareEntry(ID, entry({ p: 1 }), entry({ p: 0.001 }, 'inconsistent'));
    expect(f).toEqual([
      {
        kind: 'verdict-changed',
        id: ID,
        baseline: 'consistent',
        now: 'inconsistent',
        message: `${ID}: verdict changed: baseline consistent, now inconsistent`,
      },
    ]);
  });

  it('reports quantities that appeared or vanished, and results with no baseline', () => {
    const f = compareEntry(ID, entry({ a: 1, 'lhs: x <= y': 2 }), entry({ a: 1, b: 3 }));
    expect(f.map((x) => x.message)).toEqual([
      `${ID}: quantity "lhs: x <= y" is gone: baseline 2, now absent`,
      `${ID}: quantity b is new: now 3, not in the baseline; record it with \`claimcheck baseline --update\``,
    ]);
    expect(compareEntry(ID, undefined, entry({ a: 1 }), { file: 'b.json' })[0].message).toMatch(
      /no baseline in b\.json; record one with `claimcheck baseline --update --claim /,
    );
  });

  it('declared tolerances: counts are exact, float32-trained claims get rel 1e-4, files override the declaration', async () => {
    const cor1 = 'shamir2018/cor1/local-min-no-worse-than-linear';
    // Declared on the claims themselves (`baselineTolerance`), not in a table of ids in src/.
    const declared = declaredBaselineTolerances(await loadPapers(['shamir2018']));
    expect(Object.keys(declared)).toEqual([cor1]);
    expect(baselineToleranceFor({ default: FLOAT64_BASELINE }, cor1, 'maxSlack', declared)).toBe(FLOAT32_TRAINED_BASELINE);
    expect(baselineToleranceFor({ default: FLOAT64_BASELINE }, cor1, 'maxSlack')).toBe(FLOAT64_BASELINE);
    expect(baselineToleranceFor({ default: FLOAT64_BASELINE }, cor1, 'cases', declared)).toBe(COUNT_BASELINE);
    expect(baselineToleranceFor({ default: FLOAT64_BASELINE }, 'x/y/z', 'maxSlack', declared)).toBe(FLOAT64_BASELINE);
    const own = { rel: 0, abs: 0, reason: 'r' };
    expect(
      baselineToleranceFor(
        { default: FLOAT64_BASELINE, claims: { [cor1]: { quantities: { maxSlack: own } } } },
        cor1,
        'maxSlack',
        declared,
      ),
    ).toBe(own);
    expect(compareEntry('x/y/z', entry({ cases: 400 }, 'verified'), entry({ cases: 401 }, 'verified'))[0].message).toMatch(
      /cases drifted: baseline 400, now 401 \(tolerance rel 0 \+ abs 0/,
    );
  });

  it('a mutant does not inherit the declared baseline tolerance of its claim (a float64 mutant stays tight)', async () => {
    const declared = declaredBaselineTolerances(await loadPapers(['allenzhu-li-2019']));
    expect(declared['allenzhu-li-2019/thm1/resnet-learns-composite']?.default).toBe(FLOAT32_TRAINED_BASELINE);
    expect(declared['allenzhu-li-2019/thm1/resnet-learns-composite~linear-activation']).toBeUndefined();
  });

  it('treats NaN as equal to NaN and an infinity only as itself', () => {
    expect(withinTolerance(NaN, NaN, FLOAT64_BASELINE)).toBe(true);
    expect(withinTolerance(NaN, 1, FLOAT64_BASELINE)).toBe(false);
    expect(withinTolerance(-Infinity, -Infinity, FLOAT64_BASELINE)).toBe(true);
    expect(withinTolerance(Infinity, 1e308, FLOAT64_BASELINE)).toBe(false);
    expect(formatPair(1, 1 + 1e-12)).toEqual(['1', '1.000000000001']);
  });
});

describe('baseline entries and files', () => {
  it('take every condition side and quantity of the reported case, and run statistics of verified claims', () => {
    const byId = new Map(SAMPLE_SUMMARY.results.map((r) => [r.id, baselineEntry(r)]));
    for (const r of SAMPLE_SUMMARY.results) {
      const e = byId.get(r.id)!;
      expect(e.status).toBe(r.verdict.status);
      const v = r.verdict;
      const ev =
        v.status === 'consistent'
          ? v.evidence
          : v.status === 'refuted' || v.status === 'inconsistent'
            ? v.counterexample.evidence
            : undefined;
      if (ev) {
        for (const c of ev.conditions) expect(e.quantities).toMatchObject({ [`lhs: ${c.name}`]: c.lhs, [`rhs: ${c.name}`]: c.rhs });
        for (const [k, x] of Object.entries(ev.quantities ?? {})) expect(e.quantities[k]).toBe(x);
      }
      if (v.status === 'verified') expect(e.quantities).toMatchObject({ cases: v.cases, skipped: v.skipped, maxSlack: v.maxSlack });
    }
  });

  it('serialise with a stable key order and read back identically; a tolerance without a reason is rejected', () => {
    const file: BaselineFile = {
      schema: 1,
      tool: 'claimcheck',
      paper: 'p',
      backend: 'wasm',
      profile: 'ci',
      seed: 20181804,
      tolerances: TOL,
      results: { 'p/b/c': entry({ z: 1, a: NaN, m: -Infinity }), 'p/a/c': entry({ y: 2 }, 'verified') },
    };
    const text = baselineJson(file);
    expect(Object.keys(JSON.parse(text).results)).toEqual(['p/a/c', 'p/b/c']);
    expect(Object.keys(JSON.parse(text).results['p/b/c'].quantities)).toEqual(['a', 'm', 'z']);
    expect(text).toContain('"a": "NaN"');
    expect(baselineJson(parseBaseline(JSON.parse(text), 'f.json'))).toBe(text);
    const noReason = JSON.parse(text);
    noReason.tolerances.default.reason = '';
    let err: unknown;
    try {
      parseBaseline(noReason, 'f.json');
    } catch (e) {
      err = e;
    }
    expect(isUserError(err) && err.message).toMatch(/baseline file f\.json is malformed: tolerances\.default\.reason must state why/);
  });

  it('diff lists added, removed and changed quantities; removals only for a whole-paper run', () => {
    const old = { 'p/a/c': entry({ x: 1, gone: 2 }), 'p/old/c': entry({ q: 1 }) };
    const now = { 'p/a/c': entry({ x: 1.5, added: 3 }), 'p/new/c': entry({ r: 1, s: 2 }) };
    const all = diffEntries(old, now, true);
    expect(countChanges(all)).toEqual({ added: 3, removed: 2, changed: 1 });
    expect(countChanges(diffEntries(old, now, false))).toEqual({ added: 3, removed: 1, changed: 1 });
    expect(diffEntries(old, old, true)).toEqual([]);
  });
});
