// `npm run build` (and `prepare`, so `npm install`, `npm ci` and `npm pack` build it): compiles the
// library, the CLI and the built-in papers to dist/ with declarations (tsc -p tsconfig.build.json).
//
// tsc writes into a scratch folder first; dist/ then receives only the files whose content
// changed, each written atomically (write, then rename), and loses the files the build no longer
// produces. A claimcheck process running from dist/ while it is rebuilt (a test that packs the
// package beside others that run the CLI) never reads a half-written module.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const scratch = path.join(root, `.dist-build-${process.pid}`);
const started = Date.now();

function files(dir, rel = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    return e.isDirectory() ? files(path.join(dir, e.name), r) : [r];
  });
}

function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', scratch], { stdio: 'inherit' });
try {
  if (r.status !== 0) {
    console.error('claimcheck build: tsc failed; dist/ is unchanged');
    process.exitCode = r.status ?? 1;
  } else {
    const built = new Set(files(scratch));
    let changed = 0;
    for (const f of built) {
      const next = fs.readFileSync(path.join(scratch, f));
      const target = path.join(dist, f);
      const prev = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
      if (prev && prev.equals(next)) continue;
      writeAtomic(target, next);
      changed++;
    }
    const stale = files(dist).filter((f) => !built.has(f) && f !== '.build-stamp');
    for (const f of stale) fs.rmSync(path.join(dist, f));
    // The start time, not the end: a source edited during the build makes dist/ stale (bin/launch.js).
    writeAtomic(path.join(dist, '.build-stamp'), String(started));
    console.log(`claimcheck build: dist/ ${built.size} files, ${changed} changed, ${stale.length} removed`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
