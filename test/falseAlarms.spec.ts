import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './support/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('claimcheck false-alarms', () => {
  it('runs claims and mutants on consecutive seeds and tabulates the expected outcomes with Wilson intervals', async () => {
    const r = await cli(
      'false-alarms',
      '--file',
      'examples/my-claims.ts',
      '--seeds',
      '2',
      '--from',
      '5',
      '--also',
      '949758917',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/on run seeds 5\.\.6 and 949758917/);
    expect(r.out).toMatch(/my-notes\/fact1\/linear-comparator-convex\s+3\/3\s+1\.00\s+\[0\.439, 1\.000\]/);
    expect(r.out).toMatch(/seeds on which any true claim failed: 0\/3/);
  });

  it('runs the claims alone with --no-mutants and the mutants alone with --only-mutants', async () => {
    const claims = await cli('false-alarms', '--file', 'examples/my-claims.ts', '--seeds', '1', '--workers', '1', '--no-mutants');
    expect(claims.code).toBe(0);
    expect(claims.out).toMatch(/my-notes\/fact1\/linear-comparator-convex\s+1\/1/);
    expect(claims.out).not.toMatch(/~/);
    const mutants = await cli('false-alarms', '--file', 'examples/my-claims.ts', '--seeds', '1', '--workers', '1', '--only-mutants');
    expect(mutants.out).not.toMatch(/my-notes\/fact1\/linear-comparator-convex\s+1\/1/);
    expect(mutants.out).toMatch(/~/);
    const both = await cli('false-alarms', '--seeds', '1', '--no-mutants', '--only-mutants');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--no-mutants and --only-mutants exclude each other/);
  });

  it('rejects a missing or malformed seed count in one line', async () => {
    const r = await cli('false-alarms', '--seeds', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seeds must be a whole number from 1 to 10000, got "many"/);
    const also = await cli('false-alarms', '--seeds', '2', '--also', '3,x');
    expect(also.code).toBe(2);
    expect(also.err).toMatch(/--also must be a comma-separated list of integer run seeds, got "3,x"/);
  });
});
