import type { Checkable } from '../claims/Claim.js';
import { loadClaimFile } from '../claims/registry.js';
import { BUILTIN } from '../../papers/index.js';

/**
 * Built-in claims (papers/), or a user's claim file instead when --file is given; with
 * `boundMutants`, every exact claim's executable bound adds its bound mutants after its mutants.
 */
export async function loadCheckables(file: string | undefined, opts: { boundMutants?: boolean } = {}): Promise<Checkable[]> {
  const all = file === undefined ? [...BUILTIN] : await loadClaimFile(file);
  if (!opts.boundMutants) return all;
  const { withBoundMutants } = await import('../claims/boundMutants.js');
  return withBoundMutants(all);
}
