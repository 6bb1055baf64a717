// What the launchers in bin/ run. An installed package runs its compiled dist/. A development
// checkout (src/ is present) runs dist/ too while it is current, and otherwise (dist/ missing, or
// a source file changed since the last `npm run build`) runs the TypeScript sources through
// esbuild, saying so once: an edit is never silently ignored, and never needs a build to try out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { registerTypeScript } from './typescript.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Written by scripts/build.js: the time the build started, in ms. */
const STAMP = join(root, 'dist', '.build-stamp');
/** What dist/ is compiled from (tsconfig.build.json); a change to any of these makes it stale. */
const INPUTS = ['src', 'papers', 'tsconfig.json', 'tsconfig.build.json'];

function newestInput(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return p.endsWith('.spec.ts') ? 0 : st.mtimeMs;
  // Files only: a folder's time also moves when a test or an editor's swap file appears in it.
  let newest = 0;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestInput(join(p, e)));
  return newest;
}

/** True when dist/ can run: always in an installed package, in a checkout when not stale. */
function distIsCurrent() {
  if (statSync(join(root, 'src'), { throwIfNoEntry: false }) === undefined) return true;
  let built;
  try {
    built = Number(readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  return INPUTS.every((p) => newestInput(join(root, p)) < built);
}

/** URL of one of this package's modules, named without extension, e.g. 'src/cli/main'. */
export function moduleUrl(name) {
  if (distIsCurrent()) return pathToFileURL(join(root, 'dist', `${name}.js`)).href;
  if (isMainThread) {
    process.stderr.write(
      'claimcheck: dist/ is older than src/ (or missing); running the TypeScript sources. `npm run build` restores the fast start.\n',
    );
  }
  registerTypeScript({ sources: true });
  return pathToFileURL(join(root, `${name}.ts`)).href;
}
