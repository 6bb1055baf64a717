import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { definitionOrder, isCheckable, paperOf, type Checkable } from './Claim.js';
import { UserError } from './errors.js';

/**
 * Collects the claims and mutants a module exports. Arrays are flattened; anything else that is
 * exported is a mistake the user should hear about (a claim file declares claims only).
 */
export function collectCheckables(exports: Record<string, unknown>, source: string): Checkable[] {
  const out: Checkable[] = [];
  for (const [name, value] of Object.entries(exports)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (isCheckable(item)) out.push(item);
      else if (!isPaperRef(item)) {
        const where = Array.isArray(value) ? `${name}[${i}]` : name;
        throw new UserError(
          `${source}: export "${where}" is not a claim or mutant`,
          'export only values made with defineClaim/defineMutant (or arrays of them)',
        );
      }
    });
  }
  if (out.length === 0) {
    throw new UserError(`${source} exports no claims`, 'export claims made with defineClaim (see README, "Write your own claim")');
  }
  return inPaperOrder(dedupe(out, source));
}

/** Claims in the order the file defines them, each followed by its own mutants. */
export function inPaperOrder(items: readonly Checkable[]): Checkable[] {
  const claimOf = (c: Checkable) => (c.type === 'claim' ? c : c.of);
  return [...items].sort(
    (a, b) =>
      definitionOrder(claimOf(a)) - definitionOrder(claimOf(b)) ||
      (a.type === 'claim' ? -1 : 0) - (b.type === 'claim' ? -1 : 0) ||
      definitionOrder(a) - definitionOrder(b),
  );
}

function isPaperRef(x: unknown): boolean {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { key?: unknown }).key === 'string' &&
    typeof (x as { title?: unknown }).title === 'string'
  );
}

function dedupe(items: Checkable[], source: string): Checkable[] {
  const seen = new Map<string, Checkable>();
  for (const c of items) {
    const prev = seen.get(c.id);
    if (prev && prev !== c) throw new UserError(`${source}: two different claims share the id "${c.id}"`, 'ids must be unique');
    seen.set(c.id, c);
  }
  return [...seen.values()];
}

export function packageRoot(): string {
  let dir = path.dirname(new URL(import.meta.url).pathname);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('internal: claimcheck package root not found');
    dir = up;
  }
  return dir;
}

/** Claim files are modules Node can load, TypeScript through the CLI's loader (bin/typescript.js). */
const CLAIM_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/**
 * Loads a user's claim file, with clear errors for the usual mistakes. The file's own error is
 * reported as it is (a syntax error with its line, an id defineClaim rejects), in ESM and
 * CommonJS projects alike. TypeScript loads through the loader the CLI launcher registered
 * (bin/typescript.js), or vitest's own.
 */
export async function loadClaimFile(file: string): Promise<Checkable[]> {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) {
    throw new UserError(`claim file "${file}" does not exist`, 'pass the path of a .ts or .js file that exports claims');
  }
  if (!CLAIM_FILE.test(abs)) {
    throw new UserError(
      `claim file "${file}" is not a TypeScript or JavaScript file`,
      'claim files end in .ts, .mts, .cts, .js, .mjs or .cjs; `claimcheck init` writes a starter',
    );
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`claim file "${file}" failed to load: ${loadError(e)}`, 'fix the error in the file and run again');
  }
  return collectCheckables(moduleExports(mod), file);
}

/**
 * The first line of what went wrong. Node puts the place of a syntax error in the stack, not in
 * the message ("file:///x.mjs:3\n..."), so it is added in front.
 */
function loadError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const msg = e.message.split('\n').find((l) => l.trim()) ?? 'unknown error';
  const at = e instanceof SyntaxError ? /^(file:\/\/\S+?):(\d+)\n/.exec(e.stack ?? '') : null;
  if (!at) return msg;
  return `${path.relative(process.cwd(), new URL(at[1]).pathname)}:${at[2]}: ${msg}`;
}

/**
 * What a claim file exports. A CommonJS file (.cts, .cjs, or CommonJS .ts/.js) arrives as
 * { default: module.exports, ...the names Node detected in it }: its claims are module.exports.
 */
function moduleExports(mod: Record<string, unknown>): Record<string, unknown> {
  const d = mod.default;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || isCheckable(d)) return mod;
  const commonJs = Object.keys(mod).every((k) => k === 'default' || (d as Record<string, unknown>)[k] === mod[k]);
  return commonJs ? (d as Record<string, unknown>) : mod;
}

export interface Selection {
  readonly paper?: string;
  readonly claim?: string;
  /** The claim file they came from (--file), if any: hints then say how to select in it. */
  readonly file?: string;
}

/** Filters by paper key and by claim id; a claim selects its mutants too. */
export function select(all: readonly Checkable[], sel: Selection): Checkable[] {
  let out = [...all];
  if (sel.paper !== undefined) {
    const papers = [...new Set(all.map((c) => paperOf(c).key))];
    if (!papers.includes(sel.paper)) {
      throw new UserError(
        `unknown paper "${sel.paper}"`,
        `known papers: ${papers.join(', ')}${sel.file === undefined ? '; for a paper in your own claim file add --file <claims file>' : ''}`,
      );
    }
    out = out.filter((c) => paperOf(c).key === sel.paper);
  }
  if (sel.claim !== undefined) {
    const id = sel.claim;
    const hit = out.filter((c) => c.id === id || (c.type === 'mutant' && c.of.id === id));
    if (hit.length === 0) {
      const near = all
        .filter((c) => c.id.includes(id.split('/').pop() ?? id))
        .map((c) => c.id)
        .slice(0, 3);
      const list = sel.file === undefined ? '`claimcheck list`' : `\`claimcheck list --file ${sel.file}\``;
      // Without --file only the built-in papers are loaded: a user's own id is found with --file.
      const ownFile = sel.file === undefined ? '; for a claim in your own claim file add --file <claims file>' : '';
      throw new UserError(
        `unknown claim id "${id}"${sel.file === undefined ? ' among the built-in claims' : ` in ${sel.file}`}`,
        (near.length ? `did you mean ${near.join(' or ')}? ${list} shows all ids` : `run ${list} to see the ids`) + ownFile,
      );
    }
    out = hit;
  }
  return out;
}
