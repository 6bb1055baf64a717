import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import { loadClaimFile, type Selection } from '../claims/registry.js';
import type { ClaimSource } from './workerProtocol.js';

export interface LoadOptions extends Selection {
  /** Every exact claim's executable bound adds its bound mutants after its mutants. */
  readonly boundMutants?: boolean;
}

/**
 * Built-in claims (papers/), or a user's claim file instead when --file is given. For built-ins
 * only the papers the selection can match are loaded (`select` then narrows to the ids); with a
 * claim file the built-in catalog is not loaded at all.
 */
export async function loadCheckables(file: string | undefined, opts: LoadOptions = {}): Promise<Checkable[]> {
  const all = file === undefined ? await loadBuiltin(opts) : await loadClaimFile(file);
  if (!opts.boundMutants) return all;
  const { withBoundMutants } = await import('../claims/boundMutants.js');
  return withBoundMutants(all);
}

async function loadBuiltin(sel: Selection): Promise<Checkable[]> {
  const { loadPapers, papersFor } = await import('../../papers/index.js');
  return loadPapers(papersFor(sel));
}

/** Where worker threads load the same claims from (functions cannot cross a thread, paths can). */
export async function claimSource(file: string | undefined, opts: LoadOptions = {}): Promise<ClaimSource> {
  const boundMutants = opts.boundMutants;
  if (file !== undefined) return { kind: 'file', file: path.resolve(file), boundMutants };
  const { papersFor } = await import('../../papers/index.js');
  return { kind: 'builtin', papers: papersFor(opts), boundMutants };
}

/** The claims a worker thread was told to load. */
export function loadSource(source: ClaimSource): Promise<Checkable[]> {
  const opts = { boundMutants: source.boundMutants };
  return source.kind === 'file' ? loadCheckables(source.file, opts) : loadPapersOf(source.papers, opts);
}

async function loadPapersOf(papers: readonly string[], opts: LoadOptions): Promise<Checkable[]> {
  const { loadPapers } = await import('../../papers/index.js');
  const all = await loadPapers(papers);
  if (!opts.boundMutants) return all;
  const { withBoundMutants } = await import('../claims/boundMutants.js');
  return withBoundMutants(all);
}
