import * as path from 'node:path';
import type { Checkable } from '../claims/Claim.js';
import { loadClaimFile, type Selection } from '../claims/registry.js';
import type { ClaimSource } from './workerProtocol.js';

/**
 * Built-in claims (papers/), or a user's claim file instead when --file is given. For built-ins
 * only the papers the selection can match are loaded (`select` then narrows to the ids); with a
 * claim file the built-in catalog is not loaded at all.
 */
export async function loadCheckables(file: string | undefined, sel: Selection = {}): Promise<Checkable[]> {
  if (file !== undefined) return loadClaimFile(file);
  const { loadPapers, papersFor } = await import('../../papers/index.js');
  return loadPapers(papersFor(sel));
}

/** Where worker threads load the same claims from (functions cannot cross a thread, paths can). */
export async function claimSource(file: string | undefined, sel: Selection = {}): Promise<ClaimSource> {
  if (file !== undefined) return { kind: 'file', file: path.resolve(file) };
  const { papersFor } = await import('../../papers/index.js');
  return { kind: 'builtin', papers: papersFor(sel) };
}
