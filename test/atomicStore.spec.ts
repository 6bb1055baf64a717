import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/claims/store.js';

/**
 * Kills a writer at random points while it rewrites one fixture over and over; the file must
 * always be absent or one complete version, never truncated or empty.
 */
const WRITER = `
import { writeFileSync, openSync, fsyncSync, closeSync, renameSync } from 'node:fs';
const [file] = process.argv.slice(2);
for (let i = 0; ; i++) {
  const text = JSON.stringify({ version: i, payload: 'x'.repeat(200000 + (i % 7) * 1000) });
  const tmp = file + '.' + process.pid + '.' + i + '.tmp';
  const fd = openSync(tmp, 'w'); writeFileSync(fd, text); fsyncSync(fd); closeSync(fd);
  renameSync(tmp, file);
}`;

describe('fixture writes are atomic', () => {
  it('writeFileAtomic replaces the file whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-atomic-'));
    const file = path.join(dir, 'a', 'b.json');
    writeFileAtomic(file, '{"v":1}');
    writeFileAtomic(file, '{"v":2}');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ v: 2 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['b.json']);
  });

  it('a writer killed at random points never leaves a partial file', async () => {
    // The child mirrors writeFileAtomic's protocol (write, fsync, rename); this test checks the
    // protocol under SIGKILL, and the source check below keeps the two in step.
    const src = fs.readFileSync('src/claims/store.ts', 'utf8');
    expect(src).toMatch(/fsyncSync\(fd\)[\s\S]*renameSync\(tmp, file\)/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-kill-'));
    const script = path.join(dir, 'writer.mjs');
    fs.writeFileSync(script, WRITER);
    const file = path.join(dir, 'fixture.json');
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, [script, file], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 120)));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (fs.existsSync(file)) {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; payload: string };
        expect(parsed.payload.length).toBeGreaterThanOrEqual(200000);
      }
    }
  });
});
