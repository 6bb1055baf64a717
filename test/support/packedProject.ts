import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A new npm project (`npm init -y`) with the packed claimcheck tarball installed, as a user gets
 * it. Its dependencies are installed at exactly the versions of this repository's lock file: the
 * project's package-lock.json is derived from ours (claimcheck's runtime entries, with their
 * integrity), so `npm ci --prefer-offline` takes them from the npm cache that our own `npm ci`
 * filled and needs nothing that is not in our lock.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command with npm's variables of the enclosing `npm test` removed (they name our folder). */
export function run(cmd: string, args: readonly string[], cwd: string, shell = false): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', shell, timeout: 300_000 });
}

/** `npm pack` of this repository (its prepare script builds dist/) into `dir`; returns the tarball. */
export function packTarball(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const r = run('npm', ['pack', '--pack-destination', dir, '--no-audit', '--no-fund'], ROOT);
  if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stdout}\n${r.stderr}`);
  const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack wrote no tarball:\n${r.stdout}`);
  return path.join(dir, tgz);
}

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly name?: string;
  readonly link?: boolean;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [k: string]: unknown;
}

/** The registry npm is configured with (tarball URLs in a lock are under it). */
function registry(): string {
  const r = run('npm', ['config', 'get', 'registry'], ROOT);
  if (r.status !== 0) throw new Error(`npm config get registry failed: ${r.stderr}`);
  return r.stdout.trim().replace(/\/?$/, '/');
}

/** Our lock's runtime entries as the lock of a project that depends on the tarball. */
function derivedLock(name: string, tarball: string, spec: string): object {
  const from = registry();
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const self = lock.packages[''];
  const packages: Record<string, object> = {
    '': { name, version: '1.0.0', license: 'ISC', dependencies: { claimcheck: `file:${spec}` } },
    'node_modules/claimcheck': {
      version: self.version,
      resolved: `file:${spec}`,
      integrity: `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`,
      license: self.license,
      dependencies: self.dependencies,
      optionalDependencies: self.optionalDependencies,
      bin: self.bin,
      engines: self.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    // Locks written with omit-lockfile-registry-resolved name no tarball; npm's cache is keyed by it.
    const pkg = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const resolved = rest.resolved ?? (entry.link ? undefined : `${from}${pkg}/-/${pkg.split('/').pop()}-${entry.version}.tgz`);
    packages[key] = { ...rest, ...(resolved ? { resolved } : {}), ...(devOptional ? { optional: true } : {}) };
  }
  return { name, version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/** `npm init -y` in a new folder (CommonJS, npm's default), `type` set if given, then the install. */
export function packedProject(dir: string, tarball: string, type?: 'module'): void {
  fs.mkdirSync(dir, { recursive: true });
  const init = run('npm', ['init', '-y'], dir);
  if (init.status !== 0) throw new Error(`npm init failed: ${init.stderr}`);
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  const spec = path.relative(dir, tarball);
  fs.writeFileSync(pkgFile, JSON.stringify({ ...pkg, ...(type ? { type } : {}), dependencies: { claimcheck: `file:${spec}` } }, null, 2));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(derivedLock(path.basename(dir), tarball, spec), null, 2));
  const r = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
  if (r.status !== 0) throw new Error(`npm ci of the packed tarball failed:\n${r.stdout}\n${r.stderr}`);
}
