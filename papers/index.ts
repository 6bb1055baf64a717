import { collectCheckables, type Checkable } from 'claimcheck';

/**
 * Every built-in paper, in catalog order, loaded on demand: a command pays only for the papers it
 * selects (`verify --claim shamir2018/...` loads one). Each is loaded exactly like a user's claim
 * file.
 */
const PAPERS = {
  shamir2018: () => import('./shamir2018/index.js'),
  'allenzhu-li-2019': () => import('./allenzhu-li-2019/index.js'),
  'allenzhu-li-2020-bfc': () => import('./allenzhu-li-2020-bfc/index.js'),
  'allenzhu-li-liang-2018': () => import('./allenzhu-li-liang-2018/index.js'),
  'nichani-damian-lee-2023': () => import('./nichani-damian-lee-2023/index.js'),
} as const satisfies Record<string, () => Promise<Record<string, unknown>>>;

export const PAPER_KEYS = Object.keys(PAPERS) as readonly (keyof typeof PAPERS)[];

function isPaperKey(key: string): key is keyof typeof PAPERS {
  return Object.hasOwn(PAPERS, key);
}

/** The claims and mutants of the given papers (all of them by default), in catalog order. */
export async function loadPapers(keys: readonly string[] = PAPER_KEYS): Promise<Checkable[]> {
  const wanted = PAPER_KEYS.filter((k) => keys.includes(k));
  const modules = await Promise.all(wanted.map((k) => PAPERS[k]()));
  return modules.flatMap((m, i) => collectCheckables(m, `papers/${wanted[i]}`));
}

/**
 * The papers a selection needs: the one named by --paper, or by the first segment of a --claim
 * id (ids are <paperKey>/<theorem>/<slug>); every paper when neither names a built-in one, so an
 * unknown id is reported against the full list.
 */
export function papersFor(sel: { readonly paper?: string; readonly claim?: string }): readonly string[] {
  const key = sel.paper ?? sel.claim?.split('/')[0];
  return key !== undefined && isPaperKey(key) ? [key] : PAPER_KEYS;
}
