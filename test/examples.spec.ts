import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

/** Every example the README points to runs as it says: its claims hold, its mutants are refuted. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-examples-'));
const examples = fs.readdirSync('examples').filter((f) => f.endsWith('.ts'));

describe('examples/', () => {
  it('has one example per public entry point', () => {
    const imports = examples.flatMap((f) =>
      [...fs.readFileSync(path.join('examples', f), 'utf8').matchAll(/from '(claimcheck[^']*)'/g)].map((m) => m[1]),
    );
    expect(new Set(imports)).toEqual(new Set(['claimcheck', 'claimcheck/arbitraries', 'claimcheck/core']));
  });

  for (const file of examples) {
    it(`${file} verifies`, async () => {
      const dir = path.join(tmp, file);
      const r = await cli(
        'verify',
        '--file',
        path.join('examples', file),
        '--seed',
        '1',
        '--workers',
        '1',
        '--fixtures',
        dir,
        '--reports',
        dir,
      );
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/\b(\d+)\/\1 claims hold\b[^|]*?, (\d+)\/\2 mutants refuted/);
    });
  }
});
