import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './support/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('claimcheck false-alarms', () => {
  it('runs claims and mutants on consecutive seeds and tabulates the expected outcomes with Wilson intervals', async () => {
    const r = await cli('false-alarms', '--file', 'examples/my-claims.ts', '--seeds', '2', '--from', '5', '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/my-notes\/fact1\/linear-comparator-convex\s+2\/2\s+1\.00\s+\[0\.342, 1\.000\]/);
    expect(r.out).toMatch(/seeds on which any true claim failed: 0\/2/);
  });

  it('rejects a missing or malformed seed count in one line', async () => {
    const r = await cli('false-alarms', '--seeds', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seeds must be a whole number from 1 to 10000, got "many"/);
  });
});
