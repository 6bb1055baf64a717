import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../src/claims/profiles.js';
import { runSuite } from '../src/claims/runSuite.js';
import { initBackend } from '../src/core/backend.js';
import { buildSummary, summaryJson } from '../src/report/Summary.js';
import { loadPapers } from '../papers/index.js';

const BUILTIN = await loadPapers();

/**
 * Same seed, profile and backend: byte-identical reports/summary.json. The selection includes
 * float64 exact claims, their mutants (shrinking) and Cor 1, which trains in TF.js.
 */
const ids = [
  'shamir2018/thm1/gradient-lower-bound',
  'shamir2018/thm1/gradient-lower-bound~nonconvex-loss',
  'shamir2018/thm2/zero-w-curvature-bound~strict-negative-curvature',
  'shamir2018/cor1/local-min-no-worse-than-linear',
];

describe('determinism', () => {
  let backend = 'cpu';
  beforeAll(async () => {
    backend = await initBackend('auto');
  });
  it('two runs with the same seed give a byte-identical summary.json', async () => {
    const selection = BUILTIN.filter((c) => ids.includes(c.id));
    expect(selection).toHaveLength(ids.length);
    const once = async () => {
      const r = await runSuite(selection, { profile: PROFILES.quick, seed: 424242, backend, usePinned: false });
      return summaryJson(buildSummary(r.runs, selection, { seed: 424242, backend, profile: 'quick' }));
    };
    const a = await once();
    const b = await once();
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toBe(a);
    expect(a).not.toMatch(/durationMs|"time/);
  });
});
