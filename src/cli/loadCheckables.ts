import type { Checkable } from '../claims/Claim.js';
import { loadClaimFile } from '../claims/registry.js';
import { BUILTIN } from '../../papers/index.js';

/** Built-in claims (papers/), or a user's claim file instead when --file is given. */
export async function loadCheckables(file: string | undefined): Promise<Checkable[]> {
  return file === undefined ? [...BUILTIN] : loadClaimFile(file);
}
