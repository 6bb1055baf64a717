import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replayFixture } from '../src/claims/replay.js';
import { readFixtureFile } from '../src/claims/store.js';
import { initBackend } from '../src/core/backend.js';
import { loadPapers } from '../papers/index.js';

const BUILTIN = await loadPapers();

/** Every committed counterexample replays exactly: same violation, identical numbers. */
function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? fixtureFiles(p) : e.name.endsWith('.json') ? [p] : [];
  });
}

const files = fixtureFiles(path.resolve('fixtures/counterexamples'));

describe('committed fixtures', () => {
  let backend = 'cpu';
  beforeAll(async () => {
    backend = await initBackend('auto');
  });
  it('there is a saved counterexample for every built-in mutant', () => {
    const ids = new Set(files.map((f) => readFixtureFile(f).id));
    const missing = BUILTIN.filter((c) => c.type === 'mutant' && !ids.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });
  for (const file of files) {
    it(`replays ${path.relative(process.cwd(), file)}`, async () => {
      const fixture = readFixtureFile(file);
      const c = BUILTIN.find((x) => x.id === fixture.id);
      expect(c, `no claim with id ${fixture.id}`).toBeDefined();
      const r = await replayFixture(c!, fixture, { backend, deadline: Date.now() + 120_000 });
      expect(r.status).toBe('reproduced');
    });
  }
});
