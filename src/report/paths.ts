/**
 * Where each page lives under the output folder, and the relative links between them. Ids
 * contain "/" (and mutants "~"); pages are flat files in one folder per kind, so every page of a
 * kind sits at the same depth and relative links work from file:// without a server.
 */

/** File-name-safe and stable: "/" becomes "__", anything outside [A-Za-z0-9._-] becomes "_". */
export function slugOf(id: string): string {
  return id.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_');
}

export const INDEX = 'index.html';

/** Relative to the output folder. */
export function paperPath(key: string): string {
  return `papers/${slugOf(key)}.html`;
}

export function claimPath(claimId: string): string {
  return `claims/${slugOf(claimId)}.html`;
}

/** Mutants live on their claim's page; this is their anchor there. */
export function mutantAnchor(mutantId: string): string {
  const slug = mutantId.includes('~') ? mutantId.slice(mutantId.lastIndexOf('~') + 1) : mutantId;
  return `mutant-${slugOf(slug)}`;
}

export function mutantPath(claimId: string, mutantId: string): string {
  return `${claimPath(claimId)}#${mutantAnchor(mutantId)}`;
}

/** Prefix that takes a page at `fromPath` back to the output folder. */
export function rootFrom(fromPath: string): string {
  const depth = fromPath.split('/').length - 1;
  return depth === 0 ? '' : '../'.repeat(depth);
}

/** Link from the page at `fromPath` to `toPath` (both relative to the output folder). */
export function linkFrom(fromPath: string, toPath: string): string {
  return rootFrom(fromPath) + toPath;
}
