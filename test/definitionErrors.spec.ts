import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './support/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('a claim that breaks its own declaration is bad input', () => {
  it('a verdict case on a calibration seed: one line, exit 2', async () => {
    const r = await cli(
      'verify',
      '--file',
      'test/data/calibration-overlap-claims.mjs',
      '--workers',
      '1',
      '--seed',
      '1',
      '--reports',
      fs.mkdtempSync(path.join(os.tmpdir(), 'cc-def-')),
    );
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/claim "bad\/calibration\/reused" breaks its own declaration: the case uses calibration seed\(s\) 777/);
    expect(r.err).toMatch(/pinned and verdict seeds must differ from calibration seeds/);
  });
});
