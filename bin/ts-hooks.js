// Node module hooks (registered by bin/typescript.js, they run on Node's hooks thread) that load
// TypeScript with esbuild: users' claim files (.ts, .mts, .cts and what they import) and, in a
// development checkout whose dist/ is stale, this package's own sources.
//
// Module format follows Node's rules, so a claim file behaves the same in ESM and CommonJS
// projects: .mts/.mjs are ESM, .cts/.cjs CommonJS, and a .ts or .js file is ESM under "type":
// "module"; elsewhere (npm init writes "type": "commonjs") it is ESM when it uses import/export,
// as Node decides for a .js file in a package without "type", and CommonJS otherwise. CommonJS
// TypeScript is compiled by the require hook of bin/typescript.js.
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { transform } from 'esbuild';

const TS = /\.([cm]?)ts$/;
/** Condition that maps 'claimcheck', 'claimcheck/core', ... to src/ (see package.json exports). */
const SOURCE_CONDITION = 'claimcheck-source';
let sourceMode = false;

export function initialize(data) {
  sourceMode = data?.sources === true;
}

const ownCode = (url) => url.startsWith('file:') && !url.includes('/node_modules/');

export async function resolve(specifier, context, next) {
  const ctx = sourceMode ? { ...context, conditions: [...context.conditions, SOURCE_CONDITION] } : context;
  try {
    return await next(specifier, ctx);
  } catch (e) {
    // TypeScript's NodeNext convention: `import './x.js'` names the source file x.ts.
    const parent = context.parentURL;
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !parent || !ownCode(parent) || !/^\.{1,2}\/.*\.[cm]?js$/.test(specifier)) throw e;
    const ts = new URL(specifier.replace(/js$/, 'ts'), parent);
    if (!existsSync(fileURLToPath(ts))) throw e;
    return { url: ts.href, shortCircuit: true };
  }
}

export async function load(url, context, next) {
  const ext = TS.exec(url);
  if (!ownCode(url)) return next(url, context);
  if (!ext) return url.endsWith('.js') ? javaScript(url, context, next) : next(url, context);
  // CommonJS goes through Node's CommonJS loader, whose .ts/.cts handler compiles it.
  if (ext[1] === 'c') return { format: 'commonjs', shortCircuit: true };
  const file = fileURLToPath(url);
  const code = await transpile(await readFile(file, 'utf8'), file);
  const esm = ext[1] === 'm' || packageType(file) === 'module' || hasModuleSyntax(code, file);
  if (!esm) return { format: 'commonjs', shortCircuit: true };
  return { format: 'module', source: code, shortCircuit: true };
}

/**
 * A .js file Node would load as CommonJS (a "type": "commonjs" package, npm's default) but that
 * uses import/export is loaded as ESM, the rule for .ts above: Node itself would only fail on it.
 */
async function javaScript(url, context, next) {
  const loaded = await next(url, context);
  if (loaded.format !== 'commonjs') return loaded;
  const file = fileURLToPath(url);
  const code = loaded.source == null ? await readFile(file, 'utf8') : String(loaded.source);
  return hasModuleSyntax(code, file) ? { format: 'module', source: code, shortCircuit: true } : loaded;
}

/**
 * TypeScript to JavaScript, keeping the module syntax. A syntax error becomes one line naming the
 * file, line and column (esbuild's own message is several lines long).
 */
async function transpile(source, file) {
  try {
    const r = await transform(source, { loader: 'ts', sourcefile: file, sourcemap: 'inline', target: 'node20' });
    return r.code;
  } catch (e) {
    const first = e?.errors?.[0];
    if (!first) throw e;
    const where = first.location ? `${relative(process.cwd(), file)}:${first.location.line}:${first.location.column + 1}: ` : '';
    throw new SyntaxError(`${where}${first.text}`);
  }
}

/** Does the code use import/export (or import.meta, top-level await), which a script cannot? */
function hasModuleSyntax(code, file) {
  try {
    new Script(code, { filename: file });
    return false;
  } catch (e) {
    return e instanceof SyntaxError;
  }
}

const types = new Map();
/** The "type" of the nearest package.json, as Node reads it ("commonjs" when absent). */
function packageType(file) {
  const dir = dirname(file);
  if (types.has(dir)) return types.get(dir);
  let type = 'commonjs';
  const pkg = join(dir, 'package.json');
  if (existsSync(pkg)) {
    try {
      type = JSON.parse(readFileSync(pkg, 'utf8')).type ?? 'commonjs';
    } catch {
      // Node itself fails on a malformed package.json when it loads the file; nothing to add.
    }
  } else if (dirname(dir) !== dir) type = packageType(dir);
  types.set(dir, type);
  return type;
}
