import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fixture } from './Fixture.js';
import { parseFixture } from './Fixture.js';
import { UserError } from './errors.js';

/**
 * The counterexample store (Hypothesis' example database): a small save/fetch/delete interface,
 * a directory implementation, and a read-only wrapper for CI and tests, which must replay pinned
 * cases without writing new ones.
 */
export interface StoredFixture {
  readonly file: string;
  readonly fixture: Fixture;
}

export interface FixtureStore {
  /** Saves and returns the file written (or undefined for a read-only store). */
  save(fixture: Fixture): string | undefined;
  fetch(checkableId: string): StoredFixture[];
  delete(file: string): void;
}

/** Stable name: the hash of the counterexample itself, so re-saving the same case is idempotent. */
export function fixtureName(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16) + '.json';
}

/**
 * Write-then-rename: a run killed mid-write leaves either the old file or the new one, never a
 * truncated file. The data is fsynced before the rename so the rename never exposes an empty file.
 */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export class DirectoryStore implements FixtureStore {
  constructor(readonly root: string) {}

  dirFor(checkableId: string): string {
    // Ids are [a-z0-9-] segments joined by '/' and '~': safe as nested folders.
    return path.join(this.root, ...checkableId.split('/'));
  }

  save(fixture: Fixture): string {
    const file = path.join(this.dirFor(fixture.id), fixtureName(fixture.counterexample));
    writeFileAtomic(file, JSON.stringify(fixture, null, 2) + '\n');
    return file;
  }

  fetch(checkableId: string): StoredFixture[] {
    const dir = this.dirFor(checkableId);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const file = path.join(dir, f);
        return { file, fixture: readFixtureFile(file) };
      });
  }

  delete(file: string): void {
    fs.rmSync(file, { force: true });
  }
}

export class ReadOnlyStore implements FixtureStore {
  constructor(private readonly inner: FixtureStore) {}
  save(): undefined {
    return undefined;
  }
  fetch(checkableId: string): StoredFixture[] {
    return this.inner.fetch(checkableId);
  }
  delete(): void {}
}

export function readFixtureFile(file: string): Fixture {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`fixture file "${file}" cannot be read`, 'check the path; fixtures live under fixtures/counterexamples/');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      `fixture file "${file}" is not valid JSON (${(e as Error).message})`,
      'it may be truncated; restore it from git or delete it and re-run verify to regenerate it',
    );
  }
  return parseFixture(json, file);
}
